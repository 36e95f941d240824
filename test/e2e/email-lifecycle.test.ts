import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_SERIES_SLUG } from '../../demo/content';
import { E2E_ADMIN_TOKEN, startDevStackAndBrowser, type DevStack } from '../support/dev-stack';

let stack: DevStack;
let browser: Browser;

before(async () => {
  ({ stack, browser } = await startDevStackAndBrowser());
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

interface OutboxMessage {
  to: string;
  kind: string;
  subject: string;
  text: string;
  attachments: { filename: string; content: string }[];
}

async function outbox(): Promise<OutboxMessage[]> {
  const response = await fetch(`${stack.url}/api/v1/dev/outbox`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { messages: OutboxMessage[] }).messages;
}

const HOUR = 3_600_000;

test('register on the demo page, confirm from the outbox, get exactly one join link 23 h before', async () => {
  const email = 'lifecycle.e2e@example.org';
  const title = 'Financovanie smart projektov z fondov EÚ';
  const page = await browser.newPage();
  await page.goto(`${stack.url}/`);
  await page.getByRole('checkbox', { name: /Financovanie smart projektov/ }).check();
  await page.getByLabel('Meno').fill('Katarína');
  await page.getByLabel('Priezvisko').fill('Šimková');
  await page.getByLabel('E-mailová adresa').fill(email);
  await page.getByRole('radio', { name: 'Odborná verejnosť' }).check();
  await page.getByRole('button', { name: 'Odoslať registráciu' }).click();
  await page.locator('workshop-signup .success-title').waitFor();

  // The confirmation request, and nothing with the join link yet.
  const { workshops } = (await (
    await fetch(`${stack.url}/api/v1/series/${DEMO_SERIES_SLUG}`)
  ).json()) as { workshops: { id: string; title: { sk: string }; startsAt: string }[] };
  const workshop = workshops.find((w) => w.title.sk === title)!;
  const admin = (await (
    await fetch(`${stack.url}/api/v1/admin/series/${DEMO_SERIES_SLUG}`, {
      headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
    })
  ).json()) as { workshops: { id: string; joinUrl: string }[] };
  const joinUrl = admin.workshops.find((w) => w.id === workshop.id)!.joinUrl;

  let mine = (await outbox()).filter((m) => m.to === email);
  assert.deepEqual(
    mine.map((m) => m.kind),
    ['confirm_request'],
  );
  assert.ok(!mine[0]!.text.includes(joinUrl), 'no join link before the reminder');
  const confirmLink = /https?:\/\/\S+\/api\/v1\/registrations\/confirm\?token=[\w-]+/.exec(
    mine[0]!.text,
  )![0];

  // The person follows the link in their mail: a page with their workshop and one button, and
  // opening it confirms nothing yet (mail scanners open every link).
  await page.goto(confirmLink);
  await page.getByRole('heading', { name: 'Potvrďte registráciu' }).waitFor();
  assert.equal(await page.getByText(title).count(), 1);
  assert.deepEqual(
    (await outbox()).filter((m) => m.to === email).map((m) => m.kind),
    ['confirm_request'],
    'opening the link confirms nothing',
  );
  await page.getByRole('button', { name: 'Potvrdiť registráciu' }).click();
  await page.getByRole('heading', { name: 'Registrácia je potvrdená' }).waitFor();
  await page.close();

  // The cron runs 23 hours before the workshop (the development trigger: see routes/dev.ts).
  const at = Date.parse(workshop.startsAt) - 23 * HOUR;
  const runCron = (time: number) =>
    fetch(`${stack.url}/api/v1/dev/scheduled?time=${time}`, { method: 'POST' });
  assert.equal((await runCron(at)).status, 200);

  // The cron hands the reminder to the mail queue; its consumer writes and sends it moments later
  // (on a busy machine, many moments).
  const deadline = Date.now() + 60_000;
  do {
    await new Promise((resolve) => setTimeout(resolve, 200));
    mine = (await outbox()).filter((m) => m.to === email);
  } while (!mine.some((m) => m.kind === 'reminder') && Date.now() < deadline);
  const reminders = mine.filter((m) => m.kind === 'reminder');
  assert.equal(reminders.length, 1, 'exactly one reminder');
  assert.ok(reminders[0]!.subject.includes(title));
  assert.ok(reminders[0]!.text.includes(joinUrl), 'the reminder carries the join link');
  assert.ok(reminders[0]!.attachments[0]!.content.includes(`URL:${joinUrl}`));
  assert.deepEqual(mine.map((m) => m.kind).sort(), ['confirm_request', 'confirmed', 'reminder']);

  // Another run in the same window sends nothing more.
  assert.equal((await runCron(at + 15 * 60_000)).status, 200);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  assert.equal((await outbox()).filter((m) => m.to === email && m.kind === 'reminder').length, 1);
});
