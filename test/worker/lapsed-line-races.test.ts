import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { confirmByToken } from '../../worker/src/services/confirm';
import { hasSql, pausedBefore } from '../support/interleave';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  createSeries,
  createWorkshop,
  MINUTE,
  postRegistration,
  register,
  registrationStatus,
  runCron,
  unique,
  uniqueEmail,
  validRegistration,
} from '../support/fixtures';
import {
  cancelAllByLink,
  confirmByLink,
  confirmTokenOf,
  seatStatus,
} from '../support/waitlist-fixtures';
import { lapse, liveSeats, waitingWithOwnSeat } from '../support/lapsed-line';
import { newcomerRacing } from '../support/newcomer';

/**
 * A lapsed hold under races (README "Waiting lists"): what happens when the lapse meets a
 * confirmation of that very registration, and when the cron's expiry meets a new registration.
 * Whatever the interleaving, no workshop holds more live seats than it has, and a seat given away
 * after a hold lapsed stays with whoever got it.
 */
let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

/** Confirms now from here; a cron run then sends what it queued (no request is there to). */
async function confirmNow(registrationId: string) {
  const now = Date.now();
  const result = await confirmByToken(
    worker.db as never,
    await confirmTokenOf(worker, registrationId),
    now,
  );
  await runCron(worker, now);
  return result?.outcome;
}

/**
 * Confirms a registration as a request that started at `now` would, from here, paused right
 * before its write while `meanwhile` happens through the worker.
 */
async function confirmRacing(registrationId: string, now: number, meanwhile: () => Promise<void>) {
  const token = await confirmTokenOf(worker, registrationId);
  const db = pausedBefore(worker.db, hasSql(`SET status = 'confirmed'`), meanwhile);
  const result = await confirmByToken(db as never, token, now);
  assert.ok(db.paused(), 'the other change came in between');
  await runCron(worker, Date.now());
  return result!.outcome;
}

/** A one-seat workshop whose seat an unconfirmed registration holds; its hold lapsed a minute ago. */
async function lapsedSeat() {
  const slug = unique('lapsed-races');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 1 });
  const slow = await register(worker, slug, [workshop.id], { email: uniqueEmail('slow') });
  const lapsedAt = Date.now() - MINUTE;
  await lapse(worker, slow, lapsedAt);
  return { slug, workshop, slow, lapsedAt };
}

describe('the lapse meets a confirmation of the lapsed registration', () => {
  test('a confirmation after the lapse does not take back a seat a newcomer got meanwhile', async () => {
    const { slug, workshop, slow } = await lapsedSeat();
    // Nobody waits: the lapsed seat is free for anyone, and a newcomer takes it before the cron.
    const res = await postRegistration(
      worker,
      slug,
      validRegistration([workshop.id], { email: uniqueEmail('newcomer') }),
    );
    assert.equal(res.status, 201, await res.text());
    const outcome = await confirmByToken(
      worker.db as never,
      await confirmTokenOf(worker, slow),
      Date.now(),
    );
    assert.equal(outcome?.outcome, 'lapsed_full', 'told that the seat went meanwhile');
    assert.equal(await seatStatus(worker, slow, workshop.id), 'released');
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 1);
  });

  test('a confirmation that started within the hold and writes after a newcomer took the seat confirms nothing', async () => {
    const { slug, workshop, slow, lapsedAt } = await lapsedSeat();
    let newcomer = '';
    // The confirmation's instant is inside the hold; between its read and its write the hold
    // lapsed and a newcomer (whose instant is after the lapse) took the seat it no longer counted.
    const outcome = await confirmRacing(slow, lapsedAt - MINUTE, async () => {
      const res = await postRegistration(
        worker,
        slug,
        validRegistration([workshop.id], { email: uniqueEmail('newcomer') }),
      );
      const text = await res.text();
      assert.equal(res.status, 201, text);
      newcomer = (JSON.parse(text) as { registration: { id: string } }).registration.id;
    });
    // Nothing confirmed: the confirm form again (its mail's cron run then expired the hold).
    assert.equal(outcome, 'pending');
    assert.equal(await registrationStatus(worker, slow), 'expired');
    assert.equal(await seatStatus(worker, newcomer, workshop.id), 'held');
    assert.equal(await liveSeats(worker, workshop.id, lapsedAt - MINUTE), 1, 'never oversold');
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 1);
    // Pressed again now, it is a late confirmation and says the seat is gone.
    assert.equal(await confirmNow(slow), 'lapsed_full');
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 1);
  });

  test('…and the cron expiring it meanwhile: the first in line has the seat, the confirmation none', async () => {
    const { slug, workshop, slow, lapsedAt } = await lapsedSeat();
    const waiting = await register(worker, slug, [workshop.id], {
      email: uniqueEmail('waiting'),
      waitlistWorkshopIds: [workshop.id],
    });
    await confirmByLink(worker, waiting);
    const outcome = await confirmRacing(slow, lapsedAt - MINUTE, () => runCron(worker, Date.now()));
    assert.notEqual(outcome, 'confirmed');
    assert.equal(await registrationStatus(worker, slow), 'expired');
    assert.equal(await seatStatus(worker, waiting, workshop.id), 'held');
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 1);
  });

  test('someone in line whose own other hold lapsed, confirming that hold late, keeps one seat', async () => {
    const { workshop, person } = await waitingWithOwnSeat(worker, 1);
    await lapse(worker, person.pending, Date.now() - MINUTE);
    // The late confirmation expires the lapsed hold first; its seat goes to the line, whose first
    // is this same person (their confirmed place): one seat, through the place in line.
    await confirmNow(person.pending);
    assert.equal(await seatStatus(worker, person.pending, workshop.id), 'released');
    assert.equal(await seatStatus(worker, person.waiting, workshop.id), 'held');
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 1);
  });
});

describe('the cron expiring a lapsed hold meets a new registration', () => {
  test('the newcomer who saw the one seat not owed keeps it; the person in line is moved in', async () => {
    const { slug, workshop, holders, person } = await waitingWithOwnSeat(worker, 2);
    await cancelAllByLink(worker, holders[1]!);
    await lapse(worker, person.pending, Date.now() - MINUTE);
    // The newcomer read one seat free (two, one owed); the cron expires the hold and moves the
    // person in before the newcomer writes: still exactly one free for them.
    const result = await newcomerRacing(worker, slug, workshop.id, Date.now(), () =>
      runCron(worker, Date.now()),
    );
    assert.equal(result.refused, null);
    assert.equal(await seatStatus(worker, result.registration!.id, workshop.id), 'held');
    assert.equal(await seatStatus(worker, person.waiting, workshop.id), 'held');
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 2);
  });

  test('the newcomer who saw it full queues behind; the person in line has the seat', async () => {
    const { slug, workshop, person } = await waitingWithOwnSeat(worker, 1);
    await lapse(worker, person.pending, Date.now() - MINUTE);
    const result = await newcomerRacing(
      worker,
      slug,
      workshop.id,
      Date.now(),
      () => runCron(worker, Date.now()),
      true,
    );
    assert.deepEqual(result.registration?.waitlist, [{ workshopId: workshop.id, place: 1 }]);
    assert.equal(await seatStatus(worker, result.registration!.id, workshop.id), null);
    assert.equal(await seatStatus(worker, person.waiting, workshop.id), 'held');
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 1);
  });
});
