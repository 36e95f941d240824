import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  confirmLink,
  confirmThroughPage,
  createSeries,
  createWorkshop,
  everythingIn,
  fromNow,
  heldSeats,
  HOUR,
  MINUTE,
  onlyMessage,
  outbox,
  postRegistration,
  publicWorkshop,
  register,
  registerConfirmed,
  registrationStatus,
  seriesWithTwoWorkshops,
  runCron,
  settle,
  storedCounts,
  unique,
  uniqueEmail,
  validRegistration,
  type AdminWorkshop,
  type RegistrationBody,
} from '../support/fixtures';

const expiresAt = async (worker: TestWorker, id: string) =>
  (await worker.db
    .prepare('SELECT expires_at, created_at FROM registrations WHERE id = ?')
    .bind(id)
    .first<{ expires_at: number; created_at: number }>())!;

/**
 * One worker for the file: each test has its own workshops and addresses, and cron runs only
 * affect what earlier (finished) tests left behind.
 */
let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

describe('a pending registration holds its seats for an hour at most', () => {
  test('then it expires and frees the seat; its confirm link offers to confirm what is free', async () => {
    const slug = unique('series');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 1 });
    const id = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
    assert.equal((await publicWorkshop(worker, slug, workshop.id)).seatsLeft, 0);
    const { expires_at, created_at } = await expiresAt(worker, id);
    assert.equal(expires_at, created_at + HOUR);

    await runCron(worker, created_at + HOUR - MINUTE);
    assert.equal(await registrationStatus(worker, id), 'pending');
    assert.equal(await heldSeats(worker.db, workshop.id), 1);

    await runCron(worker, created_at + HOUR + MINUTE);
    assert.equal(await registrationStatus(worker, id), 'expired');
    assert.equal(await heldSeats(worker.db, workshop.id), 0);
    assert.equal((await publicWorkshop(worker, slug, workshop.id)).seatsLeft, 1);

    const res = await worker.fetch(confirmLink(await onlyMessage(worker, { registrationId: id })));
    const page = await res.text();
    assert.ok(page.includes('Miesto sme vám držali do'), page);
    await settle(worker);
    assert.equal(
      await registrationStatus(worker, id),
      'expired',
      'opening the link changes nothing',
    );
    assert.equal(await heldSeats(worker.db, workshop.id), 0);
    assert.deepEqual(await outbox(worker, { registrationId: id, kind: 'confirmed' }), []);

    // The freed seat is someone else's to take.
    const other = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
    assert.equal(await registrationStatus(worker, other), 'pending');
  });

  test('when registration closes sooner, the hold ends then', async () => {
    const slug = unique('series');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, {
      startsInHours: 5,
      registrationClosesAt: fromNow(30 * MINUTE),
    });
    const closes = Date.parse(workshop.registrationClosesAt);
    const id = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
    assert.equal((await expiresAt(worker, id)).expires_at, closes);

    await runCron(worker, closes - MINUTE);
    assert.equal(await registrationStatus(worker, id), 'pending');
    assert.equal(await heldSeats(worker.db, workshop.id), 1);

    await runCron(worker, closes);
    assert.equal(await registrationStatus(worker, id), 'expired');
    assert.equal(await heldSeats(worker.db, workshop.id), 0);
  });
});

describe('registering again', () => {
  let slug: string;
  let first: AdminWorkshop;
  let second: AdminWorkshop;

  before(async () => {
    ({ slug, first, second } = await seriesWithTwoWorkshops(worker));
  });
  async function registerAgain(workshopIds: string[], email: string) {
    const res = await postRegistration(worker, slug, validRegistration(workshopIds, { email }));
    const text = await res.text();
    assert.equal(res.status, 201, text);
    const body = JSON.parse(text) as RegistrationBody;
    assert.deepEqual(Object.keys(body.registration).sort(), [
      'id',
      'status',
      'waitlist',
      'workshopIds',
    ]);
    assert.equal(body.registration.status, 'pending');
    assert.deepEqual(body.registration.workshopIds, workshopIds);
    await settle(worker);
    return body.registration;
  }

  test('a confirmed person takes no second seat, gets 201 as usual and an "already registered" e-mail', async () => {
    const email = uniqueEmail('again');
    const id = await registerConfirmed(worker, slug, [first.id], { email });
    const counts = await storedCounts(worker.db);
    const seatsLeft = (await publicWorkshop(worker, slug, first.id)).seatsLeft;

    await registerAgain([first.id], email.toUpperCase());

    assert.deepEqual(await storedCounts(worker.db), counts, 'nothing new stored');
    assert.equal((await publicWorkshop(worker, slug, first.id)).seatsLeft, seatsLeft);
    assert.equal(await heldSeats(worker.db, first.id, email), 1);
    const notice = await onlyMessage(worker, { registrationId: id, kind: 'already_registered' });
    assert.equal(notice.to, email, 'told at the address that holds the seat');
    assert.ok(notice.text.includes(first.title.sk));
    assert.ok(!notice.text.includes('/registrations/confirm?'), 'nothing to confirm');
    assert.ok(!everythingIn(notice).includes(first.joinUrl));
    assert.equal(await registrationStatus(worker, id), 'confirmed');
  });

  test('repeat submissions of a registered address send at most one notice an hour', async () => {
    const email = uniqueEmail('flood');
    const id = await registerConfirmed(worker, slug, [first.id], { email });
    for (let i = 0; i < 5; i++) await registerAgain([first.id], email);
    const notices = await outbox(worker, { registrationId: id, kind: 'already_registered' });
    assert.equal(notices.length, 1, 'five repeats, one e-mail');
  });

  test('a pending person gets a fresh confirm link, which confirms the one seat they hold', async () => {
    const email = uniqueEmail('again');
    const id = await register(worker, slug, [first.id], { email });
    const firstLink = confirmLink(await onlyMessage(worker, { registrationId: id }));

    await registerAgain([first.id], email);

    const requests = await outbox(worker, { registrationId: id, kind: 'confirm_request' });
    assert.equal(requests.length, 2);
    const freshLink = confirmLink(requests[1]!);
    assert.notEqual(freshLink, firstLink);
    assert.equal(await heldSeats(worker.db, first.id, email), 1);
    assert.equal((await confirmThroughPage(worker, freshLink)).status, 200);
    await settle(worker);
    assert.equal(await registrationStatus(worker, id), 'confirmed');
    assert.equal(await heldSeats(worker.db, first.id, email), 1);
  });

  test('a confirmed person choosing a held and a new workshop: a pending seat in the new one only', async () => {
    const email = uniqueEmail('again');
    const id = await registerConfirmed(worker, slug, [first.id], { email });

    const { id: newId } = await registerAgain([first.id, second.id], email);

    assert.equal(await heldSeats(worker.db, first.id, email), 1);
    assert.equal(await heldSeats(worker.db, second.id, email), 1);
    assert.equal(await registrationStatus(worker, newId), 'pending');
    const request = await onlyMessage(worker, { registrationId: newId, kind: 'confirm_request' });
    assert.ok(request.text.includes(second.title.sk) && !request.text.includes(first.title.sk));
    const notice = await onlyMessage(worker, { registrationId: id, kind: 'already_registered' });
    assert.ok(notice.text.includes(first.title.sk) && !notice.text.includes(second.title.sk));
  });

  test('someone whose registration expired can register again and gets a new seat', async () => {
    const own = worker;
    const ownSlug = unique('series');
    await createSeries(own, ownSlug);
    const workshop = await createWorkshop(own, ownSlug, { startsInHours: 72 });
    const email = uniqueEmail();
    const id = await register(own, ownSlug, [workshop.id], { email });
    await runCron(own, Date.now() + 25 * HOUR);
    assert.equal(await registrationStatus(own, id), 'expired');

    const res = await postRegistration(own, ownSlug, validRegistration([workshop.id], { email }));
    assert.equal(res.status, 201);
    const { registration } = (await res.json()) as RegistrationBody;
    assert.equal(await registrationStatus(own, registration.id), 'pending');
    assert.equal(await heldSeats(own.db, workshop.id, email), 1);
    await settle(own);
  });
});
