import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type {
  AdminMessagesResponse,
  AdminRegistrationsResponse,
  AdminSeriesListResponse,
} from '../../worker/contract';
import {
  DEMO_SERIES_SLUG,
  PAST_SERIES_SLUG,
  demoParticipants,
  demoRegistrants,
} from '../../demo/content';
import { seedDemo } from '../../demo/seed';
import {
  E2E_ADMIN_TOKEN,
  freePort,
  startDevStackAndBrowser,
  type DevStack,
} from '../support/dev-stack';

let stack: DevStack;
let browser: Browser;

before(async () => {
  ({ stack, browser } = await startDevStackAndBrowser());
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Fills the form the way a person does: by visible labels, through the shadow root. */
async function register(
  page: Page,
  person: { givenName: string; email: string },
  workshops: RegExp[],
) {
  for (const title of workshops) {
    await page.getByRole('checkbox', { name: title }).check();
  }
  await page.getByLabel('Meno').fill(person.givenName);
  await page.getByLabel('Priezvisko').fill('Horváthová');
  await page.getByLabel('E-mailová adresa').fill(person.email);
  await page.getByRole('radio', { name: 'Obec, mesto alebo mestská časť' }).check();
  await page.getByLabel('Názov organizácie').fill('Obec Veľké Úľany');
  await page.getByRole('button', { name: 'Odoslať registráciu' }).click();
  await page.getByRole('heading', { name: 'Skontrolujte e-mail' }).waitFor();
}

describe('demo page served by the running worker', () => {
  test('registers for two workshops and the registration is in D1 with both', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${stack.url}/`);
    await page
      .getByRole('heading', { name: 'Akčný plán inteligentných miest a regiónov 2023 – 2025' })
      .waitFor();

    await register(page, { givenName: 'Zuzana', email: 'zuzana.e2e@example.org' }, [
      /Výzvy a príležitosti/,
      /Financovanie smart projektov/,
    ]);

    const rows = await stack.query<{ title_sk: string; status: string }>(
      `SELECT w.title_sk, s.status FROM registrations r
       JOIN seats s ON s.registration_id = r.id JOIN workshops w ON w.id = s.workshop_id
       WHERE r.email = 'zuzana.e2e@example.org' ORDER BY w.starts_at`,
    );
    assert.deepEqual(rows, [
      { title_sk: 'Výzvy a príležitosti inteligentného rozvoja', status: 'held' },
      { title_sk: 'Financovanie smart projektov z fondov EÚ', status: 'held' },
    ]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('shows the English page in English', async () => {
    const page = await browser.newPage();
    await page.goto(`${stack.url}/en.html`);
    await page
      .getByRole('heading', { name: 'Smart Cities and Regions Action Plan 2023 – 2025' })
      .waitFor();
    // The person's fields and the button follow the list by a frame (form-draft.ts): wait for them.
    const send = page.getByRole('button', { name: 'Send registration' });
    await send.waitFor();
    assert.equal(await send.count(), 1);
    assert.equal(await page.getByText('Registration closed').count(), 1);
    await page.close();
  });
});

describe('the demo seed', () => {
  test('is idempotent: seeding again adds no workshop and no seat', async () => {
    const snapshot = () =>
      stack.query<{ title_sk: string; seats: number }>(
        `SELECT w.title_sk, (SELECT COUNT(*) FROM seats s WHERE s.workshop_id = w.id) AS seats
         FROM workshops w JOIN series se ON se.id = w.series_id
         WHERE se.slug = '${DEMO_SERIES_SLUG}' ORDER BY w.starts_at`,
      );
    const before = await snapshot();
    assert.equal(before.length, 6);
    assert.equal(before.find((w) => w.title_sk.startsWith('Kľúčové'))?.seats, 2, 'nearly full');
    assert.equal(
      before.find((w) => w.title_sk.startsWith('Dáta'))?.seats,
      2,
      'full: a waiting list',
    );
    await seedDemo(stack.url, E2E_ADMIN_TOKEN);
    assert.deepEqual(await snapshot(), before);
  });

  test('gives the admin page registrations in several states and types, and an archived series', async () => {
    const admin = async <T>(path: string): Promise<T> => {
      const res = await fetch(`${stack.url}/api/v1/admin${path}`, {
        headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
      });
      assert.equal(res.status, 200, path);
      return (await res.json()) as T;
    };
    const { series } = await admin<AdminSeriesListResponse>('/series');
    assert.deepEqual(
      series.map((s) => [s.slug, s.archived]),
      [
        [DEMO_SERIES_SLUG, false],
        [PAST_SERIES_SLUG, true],
      ],
    );
    const { registrations } = await admin<AdminRegistrationsResponse>(
      `/series/${DEMO_SERIES_SLUG}/registrations`,
    );
    const seeded = registrations.filter((r) =>
      [...demoParticipants, ...demoRegistrants.map((d) => d.person)].some(
        (p) => p.email === r.email,
      ),
    );
    assert.deepEqual(
      new Set(seeded.map((r) => r.status)),
      new Set(['confirmed', 'pending', 'cancelled']),
    );
    assert.ok(new Set(seeded.map((r) => r.organizationType)).size >= 6);
    const { messages } = await admin<AdminMessagesResponse>(`/series/${DEMO_SERIES_SLUG}/messages`);
    assert.ok(
      messages.some((m) => m.kind === 'cancelled' && m.to === 'martin.novotny@example.org'),
    );
  });

  test('confirms the demo participants (posting the confirm form), so their seats stay taken', async () => {
    const emails = demoParticipants.map((p) => `'${p.email.replace(/'/g, "''")}'`).join(', ');
    const statuses = await stack.query<{ status: string }>(
      `SELECT status FROM registrations WHERE email IN (${emails})`,
    );
    assert.ok(statuses.length > 0);
    assert.deepEqual(new Set(statuses.map((r) => r.status)), new Set(['confirmed']));
  });
});

describe('the widget on another site', () => {
  let host: Server;
  let hostUrl: string;

  before(async () => {
    // A municipality's page on its own origin: the embed snippet and nothing else.
    const snippet = `<!doctype html><html lang="sk"><head><meta charset="utf-8"><title>Obec</title>
      <script type="module" src="${stack.url}/workshop-signup.js"></script></head>
      <body><main><h1>Obec Veľké Úľany</h1>
      <workshop-signup series="${DEMO_SERIES_SLUG}"></workshop-signup></main></body></html>`;
    host = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(snippet);
    });
    const port = await freePort();
    await new Promise<void>((resolve) => host.listen(port, '127.0.0.1', resolve));
    // "localhost" vs the worker's "127.0.0.1": a different origin, so every API call is cross-origin.
    hostUrl = `http://localhost:${port}/`;
  });

  after(() => new Promise<void>((resolve) => host.close(() => resolve())));

  test('loads from the script origin and registers across origins (CORS)', async () => {
    const page = await browser.newPage();
    const apiOrigins = new Set<string>();
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/')) apiOrigins.add(new URL(r.url()).origin);
    });
    await page.goto(hostUrl);
    await register(page, { givenName: 'Marek', email: 'marek.e2e@example.org' }, [
      /Metodika tvorby/,
    ]);
    assert.deepEqual([...apiOrigins], [stack.url]);
    assert.notEqual(new URL(hostUrl).origin, stack.url);
    const rows = await stack.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM seats s JOIN registrations r ON r.id = s.registration_id
       WHERE r.email = 'marek.e2e@example.org' AND s.status = 'held'`,
    );
    assert.equal(rows[0]!.n, 1);
    await page.close();
  });
});
