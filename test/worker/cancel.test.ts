import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  cancelThroughManagePage,
  everythingIn,
  heldSeats,
  manageLink,
  onlyMessage,
  outbox,
  publicWorkshop,
  register,
  registerConfirmed,
  registrationStatus,
  seriesWithTwoWorkshops,
  settle,
  uniqueEmail,
  type AdminWorkshop,
} from '../support/fixtures';

let worker: TestWorker;
let slug: string;
let first: AdminWorkshop;
let second: AdminWorkshop;

before(async () => {
  worker = await startTestWorker();
  ({ slug, first, second } = await seriesWithTwoWorkshops(worker));
});
after(() => worker.dispose());

/** A confirmed registration for both workshops, and the manage link from its confirmation. */
async function confirmedForBoth(overrides: Record<string, unknown> = {}) {
  const email = uniqueEmail();
  const id = await registerConfirmed(worker, slug, [first.id, second.id], { email, ...overrides });
  const link = manageLink(await onlyMessage(worker, { registrationId: id, kind: 'confirmed' }));
  return { id, email, link };
}

/** What a cancellation could change: statuses, seats and the number of messages. */
async function snapshot() {
  const [registrations, seats, messages] = await Promise.all([
    worker.db.prepare('SELECT id, status FROM registrations ORDER BY id').all(),
    worker.db.prepare('SELECT registration_id, workshop_id, status FROM seats ORDER BY 1, 2').all(),
    worker.db.prepare('SELECT COUNT(*) AS n FROM outbox').first<{ n: number }>(),
  ]);
  return { registrations: registrations.results, seats: seats.results, messages: messages!.n };
}

const postCancel = (body: string) =>
  worker.fetch('/api/v1/registrations/cancel', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });

describe('GET /api/v1/registrations/manage', () => {
  test('lists the held workshops with a form that POSTs the cancellation', async () => {
    const { link } = await confirmedForBoth();
    const res = await worker.fetch(link);
    const page = await res.text();
    assert.equal(res.status, 200);
    assert.ok(page.includes('Vaša registrácia'));
    assert.ok(page.includes(first.title.sk) && page.includes(second.title.sk));
    assert.ok(page.includes('<form method="post" action="/api/v1/registrations/cancel">'));
    assert.ok(page.includes(`name="workshopId" value="${first.id}"`));
    assert.ok(page.includes(`name="workshopId" value="${second.id}"`));
    assert.ok(page.includes('name="all" value="1"'));
  });

  test('sends Referrer-Policy: no-referrer and Cache-Control: no-store', async () => {
    const { link } = await confirmedForBoth();
    for (const url of [link, '/api/v1/registrations/manage?token=unknown-token-0123456789']) {
      const res = await worker.fetch(url);
      await res.arrayBuffer();
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', url);
      assert.equal(res.headers.get('cache-control'), 'no-store', url);
    }
  });

  test('opening it (as mail scanners do, many times) never cancels anything', async () => {
    const { id, link } = await confirmedForBoth();
    const before = await snapshot();
    for (let i = 0; i < 3; i++) assert.equal((await worker.fetch(link)).status, 200);
    assert.deepEqual(await snapshot(), before);
    assert.equal(await registrationStatus(worker, id), 'confirmed');
  });

  test('an unknown or malformed token shows the 404 page', async () => {
    for (const query of [`?token=${'B'.repeat(43)}`, '?token=a%20b', '']) {
      const res = await worker.fetch(`/api/v1/registrations/manage${query}`);
      const page = await res.text();
      assert.equal(res.status, 404, query);
      assert.ok(page.includes('Odkaz nie je platný'), page);
    }
  });
});

describe('POST /api/v1/registrations/cancel', () => {
  test('cancelling one of two workshops frees that seat only and mails a confirmation', async () => {
    const { id, email, link } = await confirmedForBoth();
    const seats = {
      first: (await publicWorkshop(worker, slug, first.id)).seatsLeft,
      second: (await publicWorkshop(worker, slug, second.id)).seatsLeft,
    };

    const res = await cancelThroughManagePage(worker, link, { workshopIds: [first.id] });
    const page = await res.text();
    assert.equal(res.status, 200);
    assert.ok(page.includes('Registrácia bola zrušená'), page);
    assert.ok(page.includes('Naďalej máte registráciu na tento workshop:'));
    await settle(worker);

    assert.equal((await publicWorkshop(worker, slug, first.id)).seatsLeft, seats.first + 1);
    assert.equal((await publicWorkshop(worker, slug, second.id)).seatsLeft, seats.second);
    assert.equal(await heldSeats(worker.db, first.id, email), 0);
    assert.equal(await heldSeats(worker.db, second.id, email), 1);
    assert.equal(await registrationStatus(worker, id), 'confirmed');

    const mail = await onlyMessage(worker, { registrationId: id, kind: 'cancelled' });
    assert.equal(mail.to, email);
    assert.equal(mail.status, 'sent');
    assert.ok(mail.text.includes(first.title.sk) && !mail.text.includes(second.title.sk));
    assert.ok(!everythingIn(mail).includes(first.joinUrl));
    // The manage page now offers only the other workshop.
    const manage = await (await worker.fetch(link)).text();
    assert.ok(!manage.includes(`value="${first.id}"`) && manage.includes(`value="${second.id}"`));
  });

  test('cancelling all frees every seat and cancels the registration', async () => {
    const { id, email, link } = await confirmedForBoth({ locale: 'en' });

    const res = await cancelThroughManagePage(worker, link, 'all');
    const page = await res.text();
    assert.equal(res.status, 200);
    assert.ok(page.includes('Registration cancelled'), page);
    await settle(worker);

    assert.equal(await registrationStatus(worker, id), 'cancelled');
    assert.equal(await heldSeats(worker.db, first.id, email), 0);
    assert.equal(await heldSeats(worker.db, second.id, email), 0);
    const mail = await onlyMessage(worker, { registrationId: id, kind: 'cancelled' });
    assert.ok(mail.text.includes(first.title.en) && mail.text.includes(second.title.en));
    assert.equal(mail.attachments.length, 2, 'calendar cancellations for both');
    const manage = await (await worker.fetch(link)).text();
    assert.ok(manage.includes('You are no longer registered for any workshop.'), manage);
  });

  test('choosing every workshop one by one also cancels the registration', async () => {
    const { id, link } = await confirmedForBoth();
    await cancelThroughManagePage(worker, link, { workshopIds: [first.id, second.id] });
    await settle(worker);
    assert.equal(await registrationStatus(worker, id), 'cancelled');
  });

  test('a form submitted twice cancels once and sends one e-mail', async () => {
    const { id, link } = await confirmedForBoth();
    const token = new URL(link).searchParams.get('token')!;
    const body = new URLSearchParams({ token, all: '1' }).toString();
    const [a, b] = await Promise.all([postCancel(body), postCancel(body)]);
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
    assert.equal((await postCancel(body)).status, 200);
    await settle(worker);
    assert.equal(await registrationStatus(worker, id), 'cancelled');
    assert.equal((await outbox(worker, { registrationId: id, kind: 'cancelled' })).length, 1);
  });

  test('a pending registration can be cancelled from the confirm request, freeing its seat', async () => {
    const email = uniqueEmail();
    const id = await register(worker, slug, [first.id], { email });
    const request = await onlyMessage(worker, { registrationId: id, kind: 'confirm_request' });
    assert.equal((await cancelThroughManagePage(worker, manageLink(request), 'all')).status, 200);
    await settle(worker);
    assert.equal(await registrationStatus(worker, id), 'cancelled');
    assert.equal(await heldSeats(worker.db, first.id, email), 0);
  });

  test('without a choice it shows the form again with an error, and changes nothing', async () => {
    const { id, link } = await confirmedForBoth();
    const token = new URL(link).searchParams.get('token')!;
    const before = await snapshot();
    const res = await postCancel(new URLSearchParams({ token }).toString());
    const page = await res.text();
    assert.equal(res.status, 200);
    assert.ok(page.includes('role="alert"') && page.includes('Neoznačili ste žiadny workshop.'));
    assert.deepEqual(await snapshot(), before);
    assert.equal(await registrationStatus(worker, id), 'confirmed');
  });

  test('a workshop the registration does not hold is left alone', async () => {
    const other = await confirmedForBoth();
    const id = await registerConfirmed(worker, slug, [first.id], { email: uniqueEmail() });
    const link = manageLink(await onlyMessage(worker, { registrationId: id, kind: 'confirmed' }));
    const token = new URL(link).searchParams.get('token')!;
    const before = await snapshot();
    // `second` is held by someone else; the made-up id is nobody's.
    for (const workshopId of [second.id, 'not-a-workshop']) {
      const res = await postCancel(new URLSearchParams({ token, workshopId }).toString());
      assert.equal(res.status, 200, workshopId);
      await res.arrayBuffer();
    }
    assert.deepEqual(await snapshot(), before);
    assert.equal(await registrationStatus(worker, id), 'confirmed');
    assert.equal(await registrationStatus(worker, other.id), 'confirmed');
  });

  test('an unknown or malformed token shows the 404 page and changes nothing', async () => {
    const { link } = await confirmedForBoth();
    const token = new URL(link).searchParams.get('token')!;
    const before = await snapshot();
    for (const body of [
      new URLSearchParams({ token: 'C'.repeat(43), all: '1' }),
      new URLSearchParams({ token: token.slice(1), all: '1' }),
      new URLSearchParams({ token: '<script>', all: '1' }),
      new URLSearchParams({ all: '1' }),
    ]) {
      const res = await postCancel(body.toString());
      assert.equal(res.status, 404, body.toString());
      assert.ok((await res.text()).includes('Odkaz nie je platný'));
    }
    assert.deepEqual(await snapshot(), before);
  });

  test('a GET on the cancel endpoint never cancels', async () => {
    const { id, link } = await confirmedForBoth();
    const token = new URL(link).searchParams.get('token')!;
    const before = await snapshot();
    for (const query of [`?token=${token}&all=1`, `?token=${token}&workshopId=${first.id}`]) {
      const res = await worker.fetch(`/api/v1/registrations/cancel${query}`);
      await res.arrayBuffer();
      assert.ok(res.status === 404 || res.status === 405, `${res.status}`);
    }
    assert.deepEqual(await snapshot(), before);
    assert.equal(await registrationStatus(worker, id), 'confirmed');
  });
});
