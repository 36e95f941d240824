import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { bratislavaInstant, bratislavaWorkday } from '../../demo/bratislava-time';
import { E2E_ADMIN_TOKEN, startDevStackAndBrowser, type DevStack } from '../support/dev-stack';
import { startHostSite, type HostSite } from '../support/host-site';

/**
 * An organizer's day on the admin page (/admin), in Chromium against `wrangler dev`: sign in,
 * create a series and a workshop, see it in the widget on a town hall's page (another origin),
 * export the CSV, cancel someone (who gets the e-mail), copy the configurator's snippet into a
 * blank page. The steps build on each other, in order.
 */
let stack: DevStack;
let browser: Browser;
let host: HostSite;
let hostUrl: string;
let page: Page;
const hostPages = new Map<string, string>();

const SLUG = 'e2e-obecne-dielne';
const TITLE = 'Obecné dielne o dátach';
const WORKSHOP = 'Dáta v samospráve';
const DATE = bratislavaWorkday(Date.now(), 10);
const PERSON = { givenName: 'Zuzana', familyName: '<b>Malá</b>', email: 'zuzana.e2e@example.org' };

const hostHtml = (body: string) =>
  `<!doctype html><html lang="sk"><head><meta charset="utf-8"><title>Obec</title></head><body><main><h1>Obec Dolné Otrokovce</h1>${body}</main></body></html>`;

async function hostPage(path: string, body: string): Promise<{ page: Page; errors: string[] }> {
  hostPages.set(path, hostHtml(body));
  const p = await browser.newPage();
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text());
  });
  await p.goto(`${hostUrl}${path}`);
  return { page: p, errors };
}

before(async () => {
  ({ stack, browser } = await startDevStackAndBrowser());
  host = await startHostSite(hostPages);
  hostUrl = host.url;
  const context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
});

after(async () => {
  await browser?.close();
  await host?.close();
  await stack?.stop();
});

/** The focused element, inside shadow roots: "TAG: its text". */
const focused = () =>
  page.evaluate(`(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el.tagName + ': ' + el.textContent.trim();
  })()`) as Promise<string>;

const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

describe('the admin page', () => {
  test('asks for the token, keeps it in sessionStorage only, and focuses each screen’s h1', async () => {
    await page.goto(`${stack.url}/admin`);
    await heading('Prihlásenie do administrácie').waitFor();
    await page.getByLabel('Administrátorský token').fill('wrong-token-0123456789');
    await page.getByRole('button', { name: 'Prihlásiť sa' }).click();
    await page.getByRole('link', { name: /token nie je platný/ }).waitFor();
    await page.getByLabel('Administrátorský token').fill(E2E_ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Prihlásiť sa' }).click();
    await heading('Série workshopov').waitFor();
    assert.equal(await focused(), 'H1: Série workshopov');
    assert.equal(await page.title(), 'Série workshopov – Administrácia registrácie na workshopy');
    assert.ok(!page.url().includes(E2E_ADMIN_TOKEN));
    assert.equal(
      await page.evaluate(`sessionStorage.getItem('workshop-signup-admin-token')`),
      E2E_ADMIN_TOKEN,
    );
    // A reload in the same tab stays signed in.
    await page.reload();
    await heading('Série workshopov').waitFor();
  });

  test('creates a series and a workshop in Bratislava time', async () => {
    await page.getByRole('link', { name: 'Vytvoriť sériu' }).click();
    await heading('Vytvoriť sériu').waitFor();
    assert.equal(await focused(), 'H1: Vytvoriť sériu');
    // Submitting empty: the error summary, linked to the fields, nothing lost.
    await page.getByRole('button', { name: 'Vytvoriť sériu' }).click();
    await page.getByRole('link', { name: 'Zadajte názov v slovenčine' }).click();
    await page.getByLabel('Názov do adresy').fill(SLUG);
    await page.getByLabel('Názov v slovenčine').fill(TITLE);
    await page.getByLabel('Organizátor', { exact: true }).fill('Obec Dolné Otrokovce');
    await page.getByLabel('E-mailová adresa organizátora').fill('obec@example.org');
    await page
      .getByLabel('Adresa informácie o ochrane osobných údajov')
      .fill('https://example.org/gdpr');
    await page.getByLabel('Weby, ktoré ju môžu vložiť').fill(hostUrl);
    await page.getByRole('button', { name: 'Vytvoriť sériu' }).click();
    await heading(TITLE).waitFor();

    await page.getByRole('link', { name: 'Pridať workshop' }).click();
    await heading('Pridať workshop').waitFor();
    await page.getByLabel('Názov v slovenčine').fill(WORKSHOP);
    await page.getByLabel('Dátum', { exact: true }).fill(DATE);
    await page.getByLabel('Začiatok').fill('10:00');
    await page.getByLabel('Koniec', { exact: true }).fill('12:30');
    await page.getByLabel('Počet miest').fill('20');
    await page.getByLabel('Odkaz na pripojenie').fill('https://meet.example.org/e2e');
    await page.getByRole('button', { name: 'Pridať workshop' }).click();
    await page.getByRole('heading', { level: 2, name: WORKSHOP }).waitFor();
    await page
      .locator('ws-admin-series-page p')
      .filter({ hasText: /10:00.*12:30/ })
      .waitFor();
    // Stored as the instants those Bratislava wall-clock times are (summer or winter time).
    const { workshops } = (await (await fetch(`${stack.url}/api/v1/series/${SLUG}`)).json()) as {
      workshops: { startsAt: string; endsAt: string }[];
    };
    assert.equal(Date.parse(workshops[0]!.startsAt), bratislavaInstant(DATE, '10:00'));
    assert.equal(Date.parse(workshops[0]!.endsAt), bratislavaInstant(DATE, '12:30'));
  });

  test('the new workshop appears in the widget on a town hall’s page', async () => {
    const { page: townHall, errors } = await hostPage(
      '/widget',
      `<script type="module" src="${stack.url}/workshop-signup.js"></script><workshop-signup series="${SLUG}"></workshop-signup>`,
    );
    await townHall.getByRole('heading', { name: TITLE }).waitFor();
    await townHall.getByRole('checkbox', { name: new RegExp(WORKSHOP) }).waitFor();
    assert.deepEqual(errors, []);
    await townHall.close();
  });

  test('lists a registrant as text, exports the CSV, cancels them and they get the e-mail', async () => {
    const series = (await (await fetch(`${stack.url}/api/v1/series/${SLUG}`)).json()) as {
      workshops: { id: string }[];
    };
    const res = await fetch(`${stack.url}/api/v1/series/${SLUG}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...PERSON,
        organizationType: 'municipality',
        organization: '=HYPERLINK("http://x")',
        role: 'starostka',
        workshopIds: [series.workshops[0]!.id],
        locale: 'sk',
      }),
    });
    assert.equal(res.status, 201);

    await page.getByRole('link', { name: 'Všetky registrácie' }).click();
    await heading('Registrácie').waitFor();
    const table = page.locator('ws-admin-registrations table');
    await table.waitFor();
    const rowText = await table.innerText();
    assert.match(rowText, /Zuzana <b>Malá<\/b>/);
    assert.match(rowText, /=HYPERLINK\("http:\/\/x"\)/);
    assert.equal(await page.locator('ws-admin-registrations b').count(), 0);

    await page.goto(`${stack.url}/admin#/series/${SLUG}`);
    await heading(TITLE).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Stiahnuť CSV celej série' }).click(),
    ]);
    assert.match(download.suggestedFilename(), new RegExp(`^${SLUG}.*\\.csv$`));
    const csv = readFileSync((await download.path())!, 'utf8');
    assert.ok(csv.startsWith('\ufeff'));
    assert.match(csv, /'=HYPERLINK/);

    await page.getByRole('link', { name: 'Všetky registrácie' }).click();
    await page.getByRole('button', { name: /Zrušiť registráciu – Zuzana/ }).click();
    await page
      .getByRole('heading', { name: /Zrušiť registráciu \(kto: Zuzana <b>Malá<\/b>\)/ })
      .waitFor();
    await page.getByRole('button', { name: 'Áno, zrušiť registráciu' }).click();
    await page.getByRole('status').filter({ hasText: 'Registrácia je zrušená' }).waitFor();
    const outbox = (await (await fetch(`${stack.url}/api/v1/dev/outbox`)).json()) as {
      messages: { to: string; kind: string }[];
    };
    assert.ok(
      outbox.messages.some((m) => m.to === PERSON.email && m.kind === 'cancelled'),
      JSON.stringify(outbox.messages.filter((m) => m.to === PERSON.email)),
    );
  });

  test('the configurator’s snippet works pasted into a blank page on another origin', async () => {
    await page.goto(`${stack.url}/admin#/embed?series=${SLUG}`);
    await heading('Vloženie na web').waitFor();
    // The live preview is the real widget.
    await page
      .locator('ws-admin-embed-configurator workshop-signup')
      .getByRole('heading', { name: TITLE })
      .waitFor();
    await page.getByLabel('English').check();
    const snippet = await page.locator('#snippet-sri').innerText();
    assert.match(snippet, /integrity="sha384-/);
    assert.match(snippet, /lang="en"/);
    const { page: blank, errors } = await hostPage('/pasted', snippet);
    await blank.getByRole('checkbox', { name: new RegExp(WORKSHOP) }).waitFor();
    assert.equal(await blank.locator('workshop-signup').getAttribute('lang'), 'en');
    assert.deepEqual(errors, []);
    await blank.close();
  });

  test('works with the keyboard alone, with the yellow ID-SK focus', async () => {
    const context = await browser.newContext();
    const kb = await context.newPage();
    await kb.goto(`${stack.url}/admin`);
    await kb.getByRole('heading', { level: 1, name: 'Prihlásenie do administrácie' }).waitFor();
    const active = () =>
      kb.evaluate(`(() => {
        let el = document.activeElement;
        while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
        return { tag: el.tagName, id: el.id, text: el.textContent.trim(), background: getComputedStyle(el).backgroundColor };
      })()`) as Promise<{ tag: string; id: string; text: string; background: string }>;
    // Focus starts on the heading; the token field is the next stop.
    assert.equal((await active()).tag, 'H1');
    await kb.keyboard.press('Tab');
    assert.equal((await active()).id, 'token');
    await kb.keyboard.type(E2E_ADMIN_TOKEN);
    await kb.keyboard.press('Enter');
    await kb.getByRole('heading', { level: 1, name: 'Série workshopov' }).waitFor();
    assert.equal((await active()).text, 'Série workshopov');
    await kb.keyboard.press('Tab');
    const link = await active();
    assert.equal(link.text, 'Vytvoriť sériu');
    assert.equal(link.background, 'rgb(255, 223, 15)');
    await kb.keyboard.press('Enter');
    await kb.getByRole('heading', { level: 1, name: 'Vytvoriť sériu' }).waitFor();
    assert.equal((await active()).text, 'Vytvoriť sériu');
    await context.close();
  });

  test('reflows on a 375 px phone: no screen scrolls sideways (WCAG 1.4.10)', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    await context.addInitScript(
      `sessionStorage.setItem('workshop-signup-admin-token', ${JSON.stringify(E2E_ADMIN_TOKEN)})`,
    );
    const phone = await context.newPage();
    for (const [hash, ready] of [
      ['#/', 'ws-admin-home table'],
      [`#/series/${SLUG}`, 'ws-admin-series-page section'],
      [`#/series/${SLUG}/registrations`, 'ws-admin-registrations table'],
      ['#/series/new', 'ws-admin-series-form form'],
      [`#/series/${SLUG}/workshops/new`, 'ws-admin-workshop-form form'],
      [`#/embed?series=${SLUG}`, 'ws-admin-embed-configurator pre'],
      ['#/audit', 'ws-admin-audit-log table'],
    ] as const) {
      await phone.goto(`${stack.url}/admin${hash}`);
      await phone.locator(ready).first().waitFor();
      assert.equal(await phone.evaluate('document.documentElement.scrollWidth'), 375, hash);
    }
    await context.close();
  });
});
