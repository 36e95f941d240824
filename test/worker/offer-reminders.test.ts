import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  createSeries,
  createWorkshop,
  HOUR,
  MINUTE,
  outbox,
  runCron,
  testWorker,
  unique,
} from '../support/fixtures';
import { offeredInBulk } from '../support/bulk-seed';
import type { TestWorker } from '../support/worker';
import { whyNoLongerTrue, type MessageToCheck } from '../../worker/src/domain/mail-checks';

/**
 * Offer reminders at volume: every due one is queued before its offer runs out, however many are
 * due at once and however many open offers that are not due (or never will be) run out sooner.
 * The job reads its candidates a page at a time and goes on within the run; the cron used to read
 * 200 offers per run, soonest to run out first, and act on the due ones among them. Queued is what
 * the job owes: the cron's fan-out hands every due outbox row to the queue (mail-queue.test.ts).
 */

/** A workshop in 'offer' mode, three days ahead, with room for every seat the test offers. */
async function offerWorkshop(worker: TestWorker) {
  const slug = unique('offers');
  await createSeries(worker, slug);
  const offerMode: Record<string, unknown> = { waitlistMode: 'offer', offerMinutes: 120 };
  const workshop = await createWorkshop(worker, slug, {
    startsInHours: 72,
    capacity: 1000,
    ...offerMode,
  });
  return workshop;
}

/**
 * `n` confirmed people, each holding a seat offered to them at `offeredAt` until `offeredUntil`
 * (announced already: the test is about the reminders only).
 */
async function seedOffers(
  worker: TestWorker,
  workshopId: string,
  n: number,
  offeredAt: number,
  offeredUntil: number,
  /** Null: moved in by a request that did not get to announce it (the cron's catch-up). */
  announcedAt: number | null = offeredAt,
) {
  await worker.db.batch(
    offeredInBulk(worker.db, unique('offered'), workshopId, n, {
      offeredAt,
      offeredUntil,
      announcedAt,
    }),
  );
}

const offerReminders = async (worker: TestWorker, workshopId: string) =>
  outbox(worker, { kind: 'offer_reminder', workshopId });

describe('offer reminders at volume', () => {
  test('450 due at once: every one is queued before the offers run out, once', async (t) => {
    const worker = await testWorker(t);
    const workshop = await offerWorkshop(worker);
    const t0 = Date.now();
    // Two-hour offers: each reminder is due from 1 h 30 min, half an hour before the end.
    await seedOffers(worker, workshop.id, 450, t0, t0 + 2 * HOUR);

    // Every cron run between "due" and the end of the offers.
    for (const at of [91, 106]) await runCron(worker, t0 + at * MINUTE);
    const queued = await offerReminders(worker, workshop.id);
    assert.equal(queued.length, 450, 'all queued by the last run before the offers end');
    assert.equal(new Set(queued.map((m) => m.registrationId)).size, 450, 'one each');

    // Another run before the end: nothing twice.
    await runCron(worker, t0 + 110 * MINUTE);
    assert.equal((await offerReminders(worker, workshop.id)).length, 450);
  });

  test('open offers that are never due and run out sooner do not crowd out due ones', async (t) => {
    const worker = await testWorker(t);
    const workshop = await offerWorkshop(worker);
    const t0 = Date.now();
    // 250 one-hour offers (too short for a reminder) that end a minute before the due ones.
    await seedOffers(worker, workshop.id, 250, t0 + HOUR - MINUTE, t0 + 2 * HOUR - MINUTE);
    await seedOffers(worker, workshop.id, 20, t0, t0 + 2 * HOUR);

    for (const at of [91, 106]) await runCron(worker, t0 + at * MINUTE);
    const queued = await offerReminders(worker, workshop.id);
    assert.equal(queued.length, 20, 'every due offer has its reminder before it ends');
  });
});

describe('offers at volume: the offer itself', () => {
  test('250 offers a request left unannounced: the next cron run announces every one', async (t) => {
    const worker = await testWorker(t);
    const workshop = await offerWorkshop(worker);
    const t0 = Date.now();
    // E.g. a capacity raised by 250 with 250 in line: a request announces only the first 100.
    await seedOffers(worker, workshop.id, 250, t0, t0 + 2 * HOUR, null);
    await runCron(worker, t0 + MINUTE);
    const offers = await outbox(worker, { kind: 'offer', workshopId: workshop.id });
    assert.equal(offers.length, 250, 'a two-hour offer cannot wait a quarter of an hour per 100');
    assert.equal(new Set(offers.map((m) => m.registrationId)).size, 250);
    await runCron(worker, t0 + 16 * MINUTE);
    assert.equal((await outbox(worker, { kind: 'offer', workshopId: workshop.id })).length, 250);
  });
});

describe('an offer mail is sent only while the offer is open', () => {
  const seat = (offeredUntil: number | null) =>
    new Map([
      [
        'w',
        {
          held: true,
          workshopCancelled: false,
          sequence: 1,
          startsAt: 10 * HOUR,
          endsAt: 12 * HOUR,
          offeredUntil,
        },
      ],
    ]);
  const confirmed = { status: 'confirmed', canStillConfirm: false };
  for (const kind of ['offer', 'offer_reminder'] as const) {
    test(`${kind}: dropped once the offer ran out (before the cron passed it on) or was accepted`, () => {
      const message: MessageToCheck = {
        kind,
        workshopId: 'w',
        startsAt: null,
        workshopSequences: { w: 1 },
      };
      const facts = (until: number | null) => ({ registration: confirmed, seats: seat(until) });
      assert.equal(whyNoLongerTrue(message, facts(2 * HOUR), HOUR), null, 'open');
      // "We hold it for you until 2:00", read at 3:00: the seat is still held, the offer is over.
      assert.equal(whyNoLongerTrue(message, facts(2 * HOUR), 3 * HOUR), 'offer_ended');
      // Accepted meanwhile (no open offer): the confirmation says so; "accept here" would not.
      assert.equal(whyNoLongerTrue(message, facts(null), HOUR), 'offer_ended');
    });
  }
});
