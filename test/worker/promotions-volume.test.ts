import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  createSeries,
  createWorkshop,
  HOUR,
  MINUTE,
  outbox,
  runCron,
  unique,
} from '../support/fixtures';
import { adminSend } from '../support/admin';
import { confirmedInBulk, offeredInBulk, seatsInBulk } from '../support/bulk-seed';
import { countingWorker } from '../support/counting-worker';
import type { TestWorker } from '../support/worker';

/** No transport: messages stay queued, so a run's count is what queueing them cost. */
const QUEUE_ONLY = { MAIL_TRANSPORT: 'none' };

/** A workshop starting 23 hours after `t0`: a seat's join link is due at once. */
async function workshopIn23Hours(worker: TestWorker, capacity: number, t0: number) {
  const slug = unique('raised');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug, { startsInHours: 200, capacity });
  await worker.db
    .prepare(
      `UPDATE workshops SET starts_at = ?2, ends_at = ?2 + ${2 * HOUR},
         registration_closes_at = ?2 WHERE id = ?1`,
    )
    .bind(workshop.id, t0 + 23 * HOUR)
    .run();
  return workshop;
}

/**
 * Promotions at volume: a raised capacity or a cancelled workshop's seats can move a few hundred
 * people in from a waiting list at once, and the cron announces whatever a request left. One
 * invocation may ask D1 for 1,000 queries (Workers Paid): announcing them must not read each
 * person on their own, nor look up each one's join link with queries of its own.
 */
describe('promotions at volume', () => {
  test('a cron run announces 250 promotions and queues their due join links in a few dozen D1 round trips', async (t) => {
    const worker = await countingWorker(t, QUEUE_ONLY);
    const t0 = Date.now();
    const workshop = await workshopIn23Hours(worker, 250, t0);
    const prefix = unique('moved-in');
    await worker.db.batch([
      ...offeredInBulk(worker.db, prefix, workshop.id, 250, {
        offeredAt: t0 - MINUTE,
        offeredUntil: t0 + HOUR,
        announcedAt: null,
      }),
      // Moved in ('promoted': the seat is theirs), not offered: a request did, and did not get to
      // announce it.
      worker.db
        .prepare(
          `UPDATE waitlist SET status = 'promoted', offered_until = NULL WHERE registration_id LIKE ?`,
        )
        .bind(`${prefix}-%`),
    ]);
    await worker.resetD1();

    await runCron(worker, t0);
    const { roundTrips } = await worker.d1();
    t.diagnostic(
      `${roundTrips} D1 round trips to announce 250 promotions and queue their join links`,
    );
    const promoted = await outbox(worker, { kind: 'promoted', workshopId: workshop.id });
    const reminders = await outbox(worker, { kind: 'reminder', workshopId: workshop.id });
    assert.equal(new Set(promoted.map((m) => m.registrationId)).size, 250, 'each told once');
    assert.equal(promoted.length, 250);
    assert.equal(new Set(reminders.map((m) => m.registrationId)).size, 250, 'each join link once');
    assert.equal(reminders.length, 250);
    // Two reads per person and a reminder look-up each made it well over a thousand.
    assert.ok(roundTrips < 60, `${roundTrips} D1 round trips`);
  });

  test('an organizer raising a capacity by 150: the request announces a page and looks up their join links at once', async (t) => {
    const worker = await countingWorker(t, QUEUE_ONLY);
    const t0 = Date.now();
    const workshop = await workshopIn23Hours(worker, 1, t0);
    const seated = unique('seated');
    const waiting = unique('waiting');
    await worker.db.batch([
      confirmedInBulk(worker.db, seated, workshop.id, 1, t0 - 24 * HOUR),
      seatsInBulk(worker.db, seated, workshop.id, t0 - 24 * HOUR),
      confirmedInBulk(worker.db, waiting, workshop.id, 150, t0 - 24 * HOUR),
      worker.db
        .prepare(
          `INSERT INTO waitlist (registration_id, workshop_id, email_key, status, created_at)
           SELECT id, ?2, email_key, 'waiting', created_at FROM registrations
           WHERE id LIKE ?1 || '-%' ORDER BY id`,
        )
        .bind(waiting, workshop.id),
    ]);
    await worker.resetD1();

    const raised = await adminSend(worker, 'PATCH', `/api/v1/admin/workshops/${workshop.id}`, {
      capacity: 151,
    });
    assert.equal(raised.status, 200);
    const { roundTrips } = await worker.d1();
    t.diagnostic(`${roundTrips} D1 round trips for the request that moved 150 people in`);
    const messages = async (kind: string) =>
      new Set(
        (await outbox(worker, { kind, workshopId: workshop.id })).map((m) => m.registrationId),
      ).size;
    // A request announces one page (100); the cron the rest.
    assert.equal(await messages('promoted'), 100);
    assert.equal(await messages('reminder'), 100);
    // Six a person (two reads, four for the join link) made it over six hundred.
    assert.ok(roundTrips < 60, `${roundTrips} D1 round trips`);

    await runCron(worker, Date.now() + MINUTE);
    assert.equal(await messages('promoted'), 150);
    // …and the cron's reminder step every due join link: the 150 and the one seated before.
    assert.equal(await messages('reminder'), 151);
  });
});
