import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestWorker, asAdmin, type TestWorker } from '../support/worker';
import {
  adminWorkshopPath,
  cancelThroughManagePage,
  confirmLink,
  createSeries,
  createWorkshop,
  everythingIn,
  manageLink,
  onlyMessage,
  outbox,
  publicWorkshop,
  register,
  registrationStatus,
  settle,
  unique,
  uniqueEmail,
  type AdminWorkshop,
} from '../support/fixtures';

let worker: TestWorker;
let slug: string;
let first: AdminWorkshop;
let second: AdminWorkshop;

before(async () => {
  worker = await startTestWorker();
  slug = unique('series');
  await createSeries(worker, slug);
  first = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 1000 });
  second = await createWorkshop(worker, slug, { startsInHours: 96, capacity: 1000 });
});
after(() => worker.dispose());

const confirmedAt = async (id: string) =>
  (await worker.db
    .prepare('SELECT confirmed_at FROM registrations WHERE id = ?')
    .bind(id)
    .first<{ confirmed_at: number | null }>())!.confirmed_at;

async function confirmRequestOf(id: string) {
  return onlyMessage(worker, { registrationId: id, kind: 'confirm_request' });
}

describe('a new registration', () => {
  test('is pending, holds its seats and gets a confirm link by e-mail', async () => {
    const seatsBefore = (await publicWorkshop(worker, slug, first.id)).seatsLeft;
    const email = uniqueEmail();
    const id = await register(worker, slug, [first.id], { email });

    assert.equal(await registrationStatus(worker, id), 'pending');
    assert.equal((await publicWorkshop(worker, slug, first.id)).seatsLeft, seatsBefore - 1);
    const request = await confirmRequestOf(id);
    assert.equal(request.to, email);
    assert.equal(request.status, 'sent');
    assert.match(
      confirmLink(request),
      /^http:\/\/worker\.test\/api\/v1\/registrations\/confirm\?token=[\w-]{43}$/,
    );
    assert.ok(manageLink(request), 'and a link to cancel');
    assert.ok(!everythingIn(request).includes(first.joinUrl));
  });
});

describe('GET /api/v1/registrations/confirm', () => {
  test('confirms, and sends one confirmation with an .ics per workshop, a cancel link and no join link', async () => {
    const email = uniqueEmail();
    const id = await register(worker, slug, [first.id, second.id], { email });

    const res = await worker.fetch(confirmLink(await confirmRequestOf(id)));
    const page = await res.text();
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.ok(page.includes('Registrácia je potvrdená'), page);
    assert.ok(page.includes(first.title.sk) && page.includes(second.title.sk));
    await settle(worker);

    assert.equal(await registrationStatus(worker, id), 'confirmed');
    assert.ok((await confirmedAt(id))! > 0);
    const confirmed = await onlyMessage(worker, { registrationId: id, kind: 'confirmed' });
    assert.equal(confirmed.to, email);
    assert.equal(confirmed.status, 'sent');
    assert.deepEqual(
      confirmed.attachments.map((a) => a.filename).sort(),
      [`workshop-${first.id}.ics`, `workshop-${second.id}.ics`].sort(),
    );
    for (const a of confirmed.attachments) assert.match(a.content, /BEGIN:VEVENT/);
    for (const joinUrl of [first.joinUrl, second.joinUrl]) {
      assert.ok(!everythingIn(confirmed).includes(joinUrl), 'no join link yet');
    }
    assert.ok(manageLink(confirmed));
    // Outside the 24-hour window: no reminder yet.
    assert.deepEqual(await outbox(worker, { registrationId: id, kind: 'reminder' }), []);
  });

  test('is idempotent: opening the link again says so, changes nothing and sends nothing', async () => {
    const id = await register(worker, slug, [first.id], { email: uniqueEmail() });
    const link = confirmLink(await confirmRequestOf(id));

    const once = await worker.fetch(link);
    assert.ok((await once.text()).includes('Registrácia je potvrdená'));
    await settle(worker);
    const at = await confirmedAt(id);

    const again = await worker.fetch(link);
    const page = await again.text();
    assert.equal(again.status, 200);
    assert.ok(page.includes('Registrácia už bola potvrdená'), page);
    assert.ok(page.includes(first.title.sk));
    await settle(worker);
    assert.equal(await registrationStatus(worker, id), 'confirmed');
    assert.equal(await confirmedAt(id), at);
    assert.equal((await outbox(worker, { registrationId: id, kind: 'confirmed' })).length, 1);
  });

  test('two opens at the same moment (a mail scanner and the person) send one confirmation', async () => {
    const id = await register(worker, slug, [first.id], { email: uniqueEmail() });
    const link = confirmLink(await confirmRequestOf(id));
    const pages = await Promise.all([1, 2, 3].map(() => worker.fetch(link)));
    assert.deepEqual(
      pages.map((p) => p.status),
      [200, 200, 200],
    );
    await settle(worker);
    assert.equal(await registrationStatus(worker, id), 'confirmed');
    assert.equal((await outbox(worker, { registrationId: id, kind: 'confirmed' })).length, 1);
  });

  test('answers in the registrant’s language', async () => {
    const id = await register(worker, slug, [first.id], { email: uniqueEmail(), locale: 'en' });
    const res = await worker.fetch(confirmLink(await confirmRequestOf(id)));
    const page = await res.text();
    assert.match(page, /<html lang="en">/);
    assert.ok(page.includes('Registration confirmed'), page);
    assert.ok(page.includes(first.title.en));
    await settle(worker);
  });

  test('sends Referrer-Policy: no-referrer and Cache-Control: no-store', async () => {
    const id = await register(worker, slug, [first.id], { email: uniqueEmail() });
    const link = confirmLink(await confirmRequestOf(id));
    for (const url of [link, '/api/v1/registrations/confirm?token=nope']) {
      const res = await worker.fetch(url);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', url);
      assert.equal(res.headers.get('cache-control'), 'no-store', url);
      assert.equal(res.headers.get('x-robots-tag'), 'noindex', url);
      await res.arrayBuffer();
    }
    await settle(worker);
  });

  test('an unknown, malformed or missing token shows the 404 page and confirms nothing', async () => {
    const id = await register(worker, slug, [first.id], { email: uniqueEmail() });
    const request = await confirmRequestOf(id);
    const realToken = new URL(confirmLink(request)).searchParams.get('token')!;
    const manageToken = new URL(manageLink(request)).searchParams.get('token')!;
    const outboxBefore = (await outbox(worker)).length;
    for (const query of [
      `?token=${'A'.repeat(43)}`,
      `?token=${realToken.slice(0, -1)}`,
      `?token=${manageToken}`, // a manage link's token is not a confirm token
      '?token=%3Cscript%3E',
      '?token=',
      '',
    ]) {
      const res = await worker.fetch(`/api/v1/registrations/confirm${query}`);
      const page = await res.text();
      assert.equal(res.status, 404, query);
      assert.ok(page.includes('Odkaz nie je platný') && page.includes('This link is not valid'));
    }
    assert.equal(await registrationStatus(worker, id), 'pending');
    assert.equal((await outbox(worker)).length, outboxBefore);
  });

  test('does not revive a registration the person cancelled', async () => {
    const id = await register(worker, slug, [first.id], { email: uniqueEmail() });
    const request = await confirmRequestOf(id);
    assert.equal((await cancelThroughManagePage(worker, manageLink(request), 'all')).status, 200);
    await settle(worker);

    const res = await worker.fetch(confirmLink(request));
    const page = await res.text();
    assert.ok(page.includes('Registrácia bola zrušená'), page);
    assert.equal(await registrationStatus(worker, id), 'cancelled');
    assert.deepEqual(await outbox(worker, { registrationId: id, kind: 'confirmed' }), []);
  });

  test('does not confirm a registration whose only workshop was cancelled meanwhile', async () => {
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72 });
    const id = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
    const request = await confirmRequestOf(id);
    const cancel = await worker.fetch(
      `${adminWorkshopPath(workshop.id)}/cancel`,
      asAdmin({ method: 'POST' }),
    );
    assert.equal(cancel.status, 200);
    await settle(worker);

    const page = await (await worker.fetch(confirmLink(request))).text();
    await settle(worker);
    assert.ok(!page.includes('Registrácia je potvrdená'), page);
    assert.ok(page.includes('Na žiadny workshop už nie ste zaregistrovaný/-á.'), page);
    assert.notEqual(await registrationStatus(worker, id), 'confirmed');
    assert.deepEqual(await outbox(worker, { registrationId: id, kind: 'confirmed' }), []);
  });
});
