import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { AdminSeriesResponse, AdminWaitlistResponse } from '../../worker/contract/index.js';
import { seriesBody, workshopBody } from '../support/fixtures';
import { E2E_ADMIN_TOKEN, startDevStackAndBrowser, type DevStack } from '../support/dev-stack';

/**
 * The organizer's side of issue 12 on the admin page, in Chromium against `wrangler dev` and its
 * D1: the reminder schedule and the follow-up saved through the forms reach the API as it expects
 * them; a full workshop's line is shown in order, someone is moved in by hand (and gets the
 * e-mail), someone else is taken out of line. The steps build on each other, in order.
 */
let stack: DevStack;
let browser: Browser;
let page: Page;

const SLUG = 'e2e-cakacia-listina';
const WORKSHOP = 'Plný workshop o dátach';
const admin = (path: string, init: RequestInit = {}) =>
  fetch(`${stack.url}/api/v1/admin${path}`, {
    ...init,
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, 'content-type': 'application/json' },
  });
let workshopId = '';

interface OutboxMessage {
  to: string;
  kind: string;
  text: string;
}
const outbox = async () =>
  ((await (await fetch(`${stack.url}/api/v1/dev/outbox`)).json()) as { messages: OutboxMessage[] })
    .messages;

/** Registers someone for the workshop (into its line when asked) and confirms by their link. */
async function registerAndConfirm(givenName: string, email: string, line: boolean) {
  const res = await fetch(`${stack.url}/api/v1/series/${SLUG}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      givenName,
      familyName: 'Testovacia',
      email,
      organizationType: 'municipality',
      organization: 'Obec Dolné Otrokovce',
      role: 'starostka',
      workshopIds: [workshopId],
      ...(line && { waitlistWorkshopIds: [workshopId] }),
      locale: 'sk',
    }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  const mail = (await outbox()).find((m) => m.to === email && m.kind === 'confirm_request')!;
  const token = /\/api\/v1\/registrations\/confirm\?token=([\w-]+)/.exec(mail.text)![1]!;
  const confirmed = await fetch(`${stack.url}/api/v1/registrations/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stack.url },
    body: new URLSearchParams({ token }),
  });
  assert.equal(confirmed.status, 200);
}

const line = async () =>
  ((await (await admin(`/workshops/${workshopId}/waitlist`)).json()) as AdminWaitlistResponse)
    .waitlist;

before(async () => {
  ({ stack, browser } = await startDevStackAndBrowser());
  const context = await browser.newContext();
  await context.addInitScript(
    `sessionStorage.setItem('workshop-signup-admin-token', ${JSON.stringify(E2E_ADMIN_TOKEN)})`,
  );
  page = await context.newPage();
  assert.equal(
    (await admin(`/series/${SLUG}`, { method: 'PUT', body: JSON.stringify(seriesBody()) })).status,
    201,
  );
  const res = await admin(`/series/${SLUG}/workshops`, {
    method: 'POST',
    body: JSON.stringify(workshopBody({ title: { sk: WORKSHOP, en: '' }, capacity: 1 })),
  });
  workshopId = ((await res.json()) as { workshop: { id: string } }).workshop.id;
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

describe('the admin page, issue 12', () => {
  test('saves the reminder schedule on the series form', async () => {
    await page.goto(`${stack.url}/admin#/series/${SLUG}/edit`);
    await heading('Upraviť sériu').waitFor();
    await page.getByLabel('Poslať odkaz na pripojenie (počet hodín pred začiatkom)').fill('48');
    await page.getByLabel('Poslať aj druhú, krátku pripomienku').check();
    await page.getByLabel('Druhá pripomienka (počet minút pred začiatkom)').fill('30');
    await page.getByRole('button', { name: 'Uložiť zmeny' }).click();
    await page.getByRole('heading', { level: 2, name: WORKSHOP }).waitFor();
    const { series } = (await (await admin(`/series/${SLUG}`)).json()) as AdminSeriesResponse;
    assert.deepEqual(series.reminders, { leadMinutes: 2880, secondLeadMinutes: 30 });
  });

  test('saves offers and a follow-up on the workshop form', async () => {
    await page.goto(`${stack.url}/admin#/series/${SLUG}/workshops/${workshopId}/edit`);
    await heading('Upraviť workshop').waitFor();
    await page.getByLabel(/Miesto sa ponúkne e-mailom/).check();
    await page.getByLabel('Ponuka platí (počet hodín)').fill('6');
    await page.getByLabel('Po workshope poslať správu účastníkom').check();
    await page.getByLabel('Správa v\u00a0slovenčine').fill('Ďakujeme za účasť.');
    await page.getByLabel('Názov odkazu v\u00a0slovenčine').fill('Materiály');
    await page.getByLabel('Adresa odkazu').fill('https://example.gov.sk/materialy');
    await page.getByRole('button', { name: 'Uložiť zmeny' }).click();
    await page.getByRole('heading', { level: 2, name: WORKSHOP }).waitFor();
    const { workshops } = (await (await admin(`/series/${SLUG}`)).json()) as AdminSeriesResponse;
    const w = workshops.find((x) => x.id === workshopId)!;
    assert.equal(w.waitlistMode, 'offer');
    assert.equal(w.offerMinutes, 360);
    assert.deepEqual(w.followUp?.text, { sk: 'Ďakujeme za účasť.', en: '' });
    assert.equal(w.followUp?.links[0]?.url, 'https://example.gov.sk/materialy');
    assert.equal(w.followUp?.afterMinutes, 120);
    // Back to moving people in automatically, for the steps below.
    assert.equal(
      (
        await admin(`/workshops/${workshopId}`, {
          method: 'PATCH',
          body: JSON.stringify({ waitlistMode: 'auto' }),
        })
      ).status,
      200,
    );
  });

  test('shows the line in order and moves someone in by hand, who gets the e-mail', async () => {
    await registerAndConfirm('Prvá', 'prva.e2e@example.org', false);
    await registerAndConfirm('Druhá', 'druha.e2e@example.org', true);
    await registerAndConfirm('Tretia', 'tretia.e2e@example.org', true);
    await page.goto(`${stack.url}/admin#/series/${SLUG}`);
    await page.getByRole('link', { name: `Čakacia listina – ${WORKSHOP}` }).click();
    await heading('Čakacia listina').waitFor();
    const rows = page.locator('ws-admin-waitlist tbody tr');
    await rows.first().waitFor();
    assert.match(await rows.nth(0).innerText(), /Druhá[\s\S]*1\.\sv\sporadí/);
    assert.match(await rows.nth(1).innerText(), /Tretia[\s\S]*2\.\sv\sporadí/);

    await page.getByRole('button', { name: 'Presunúť do workshopu – Tretia Testovacia' }).click();
    await page.getByRole('heading', { name: /Presunúť osobu na workshop teraz/ }).waitFor();
    await page.getByRole('button', { name: 'Áno, presunúť na workshop' }).click();
    await page.getByRole('status').filter({ hasText: 'má teraz miesto na workshope' }).waitFor();
    const after = await line();
    assert.equal(after.find((e) => e.givenName === 'Tretia')!.state, 'promoted');
    assert.equal(after.find((e) => e.givenName === 'Druhá')!.place, 1);
    assert.ok(
      (await outbox()).some((m) => m.to === 'tretia.e2e@example.org' && m.kind === 'promoted'),
    );
  });

  test('takes someone out of line after asking, without e-mailing them', async () => {
    const before = (await outbox()).filter((m) => m.to === 'druha.e2e@example.org').length;
    await page
      .getByRole('button', { name: 'Odstrániť z\u00a0čakacej listiny – Druhá Testovacia' })
      .click();
    await page.getByRole('button', { name: 'Áno, odstrániť z\u00a0čakacej listiny' }).click();
    await page.getByRole('status').filter({ hasText: 'už nie je na čakacej listine' }).waitFor();
    assert.equal((await line()).find((e) => e.givenName === 'Druhá')!.state, 'removed');
    assert.equal((await outbox()).filter((m) => m.to === 'druha.e2e@example.org').length, before);
  });

  test('lists each seat’s short reminder and follow-up state', async () => {
    await page.goto(`${stack.url}/admin#/series/${SLUG}/registrations`);
    await heading('Registrácie').waitFor();
    const row = page.locator('ws-admin-registrations tbody tr').filter({ hasText: 'Prvá' });
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /Krátka pripomienka sa ešte neposiela/);
    assert.match(text, /Správa po workshope sa ešte neposiela/);
  });

  test('the new screens reflow on a 375 px phone (WCAG 1.4.10)', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    await context.addInitScript(
      `sessionStorage.setItem('workshop-signup-admin-token', ${JSON.stringify(E2E_ADMIN_TOKEN)})`,
    );
    const phone = await context.newPage();
    for (const [hash, ready] of [
      [`#/series/${SLUG}/workshops/${workshopId}/waitlist`, 'ws-admin-waitlist table'],
      [`#/series/${SLUG}/workshops/${workshopId}/edit`, 'ws-admin-workshop-form #followup-sk'],
      [`#/series/${SLUG}/edit`, 'ws-admin-series-form #second-minutes'],
    ] as const) {
      await phone.goto(`${stack.url}/admin${hash}`);
      await phone.locator(ready).first().waitFor();
      assert.equal(await phone.evaluate('document.documentElement.scrollWidth'), 375, hash);
    }
    await context.close();
  });
});

describe('cancelling the workshop from a page read before it changed', () => {
  test('is refused and said in the summary; the current version then cancels it and people are told', async () => {
    await page.goto(`${stack.url}/admin#/series/${SLUG}/workshops/${workshopId}/cancel`);
    await heading('Zrušiť workshop').waitFor();
    const yes = page.getByRole('button', { name: 'Áno, zrušiť workshop a informovať ich' });
    await yes.waitFor();
    // Meanwhile a script (no If-Match) adds a seat: the workshop's version moves on.
    assert.equal(
      (
        await admin(`/workshops/${workshopId}`, {
          method: 'PATCH',
          body: JSON.stringify({ capacity: 3 }),
        })
      ).status,
      200,
    );
    await yes.click();
    await page
      .locator('ws-admin-cancel-workshop .error-summary')
      .filter({ hasText: 'Workshop medzitým zmenil niekto iný, preto sa nezrušil' })
      .waitFor();
    const stored = async () =>
      ((await (await admin(`/series/${SLUG}`)).json()) as AdminSeriesResponse).workshops.find(
        (w) => w.id === workshopId,
      )!;
    assert.equal((await stored()).cancelledAt, null, 'nothing cancelled');
    assert.ok(!(await outbox()).some((m) => m.kind === 'workshop_cancelled'), 'nobody told');

    const preview = page.waitForResponse((r) => r.url().endsWith('/cancel-preview'));
    await page.getByRole('button', { name: 'Načítať aktuálnu verziu' }).click();
    await page.getByRole('status').filter({ hasText: 'aktuálnu verziu workshopu' }).waitFor();
    const etag = (await preview).headers()['etag'];
    // The count is said as of the read, and who is told is who holds a seat at the cancel.
    const warning = page.locator('ws-admin-cancel-workshop .notice--warning');
    await warning.filter({ hasText: /S\u00a0rezervovaným miestom o\u00a0\d\d:\d\d/ }).waitFor();
    assert.match(await warning.innerText(), /na čakacej listine v\u00a0okamihu, keď ho zrušíte/);
    // Someone registers after the warning was read: seats do not move the version, so the
    // cancellation still goes through, and tells them too.
    await registerAndConfirm('Štvrtá', 'stvrta.e2e@example.org', false);
    const post = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/cancel'));
    await yes.click();
    assert.equal((await post).headers()['if-match'], etag, 'the version the warning was read at');
    await heading(/./).filter({ hasNotText: 'Zrušiť workshop' }).waitFor();
    assert.notEqual((await stored()).cancelledAt, null);
    for (const to of ['tretia.e2e@example.org', 'stvrta.e2e@example.org']) {
      assert.ok(
        (await outbox()).some((m) => m.to === to && m.kind === 'workshop_cancelled'),
        `${to} holds a seat at the cancel: told`,
      );
    }
  });
});
