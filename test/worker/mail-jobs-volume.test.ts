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
import {
  confirmedInBulk,
  offeredInBulk,
  seatsInBulk,
  workshopWithDueReminders,
} from '../support/bulk-seed';
import { countingWorker } from '../support/counting-worker';
import { waitForCount } from '../support/wait';
import type { TestWorker } from '../support/worker';

/**
 * The cron's mail jobs at volume (issue 11's "scales evenly"): what they ask of D1, counted the
 * way `npm run bench` counts it (bench/instrumented's binding around the real one), and how many
 * messages one run queues.
 */

/** No transport: messages stay queued, so a run's count is what queueing them cost. */
const QUEUE_ONLY = { MAIL_TRANSPORT: 'none' };

describe('D1 round trips of the mail jobs', () => {
  test('reminders through the mail queue: under 1.5 round trips per reminder, sending included', async (t) => {
    const worker = await countingWorker(t, {}, { mailQueue: true });
    const t0 = Date.now();
    const { workshop } = await workshopWithDueReminders(worker, 300, t0);
    await worker.resetD1();

    await runCron(worker, t0);
    const sent = await waitForCount(
      async () =>
        (await outbox(worker, { kind: 'reminder', workshopId: workshop.id })).filter(
          (m) => m.status === 'sent',
        ).length,
      300,
    );
    assert.equal(sent, 300);
    const { roundTrips } = await worker.d1();
    t.diagnostic(`${roundTrips} D1 round trips for ${sent} reminders`);
    // Each reminder is marked sent on its own (a run that dies later must not send it again):
    // one round trip each; the rest per page. One read per registration made it 2.1.
    assert.ok(roundTrips / sent < 1.5, `${roundTrips} D1 round trips for ${sent} reminders`);
  });

  test('the cron queues reminders and offer reminders with one read per page of registrations', async (t) => {
    const worker = await countingWorker(t, QUEUE_ONLY);
    const t0 = Date.now();
    const { workshop } = await workshopWithDueReminders(worker, 100, t0);
    const slug = unique('offers');
    await createSeries(worker, slug);
    const offerWorkshop = await createWorkshop(worker, slug, {
      startsInHours: 72,
      capacity: 1000,
      ...({ waitlistMode: 'offer', offerMinutes: 120 } as Record<string, unknown>),
    });
    // Two-hour offers: each reminder is due half an hour before the end.
    await worker.db.batch(
      offeredInBulk(worker.db, unique('offered'), offerWorkshop.id, 300, {
        offeredAt: t0 - 91 * MINUTE,
        offeredUntil: t0 + 29 * MINUTE,
        announcedAt: t0 - 91 * MINUTE,
      }),
    );
    await worker.resetD1();

    await runCron(worker, t0);
    const { roundTrips } = await worker.d1();
    t.diagnostic(`${roundTrips} D1 round trips to queue 400 messages`);
    const reminders = await outbox(worker, { kind: 'reminder', workshopId: workshop.id });
    const offerReminders = await outbox(worker, {
      kind: 'offer_reminder',
      workshopId: offerWorkshop.id,
    });
    assert.equal(reminders.length, 100);
    assert.equal(offerReminders.length, 300);
    // A read per registration was 400 and more; per page it is a few dozen for the whole run.
    assert.ok(roundTrips < 40, `${roundTrips} D1 round trips to queue 400 messages`);
  });
});

describe('without the mail queue (a small deployment)', () => {
  test('1,000 due reminders: 500 sent by a cron run, all by the next, each within D1’s 1,000 queries per invocation', async (t) => {
    const worker = await countingWorker(t);
    const t0 = Date.now();
    const { workshop } = await workshopWithDueReminders(worker, 1000, t0);
    const reminders = () => outbox(worker, { kind: 'reminder', workshopId: workshop.id });
    const sent = async () => (await reminders()).filter((m) => m.status === 'sent');

    await worker.resetD1();
    await runCron(worker, t0);
    const first = await worker.d1();
    t.diagnostic(`first run: ${first.roundTrips} D1 round trips`);
    assert.equal((await reminders()).length, 1000, 'all queued by the first run');
    assert.equal((await sent()).length, 500, 'and 500 sent (50 a run before)');
    assert.ok(first.roundTrips < 1000, `${first.roundTrips} D1 round trips in one invocation`);

    await worker.resetD1();
    await runCron(worker, t0 + 15 * MINUTE);
    const second = await worker.d1();
    t.diagnostic(`second run: ${second.roundTrips} D1 round trips`);
    const all = await sent();
    assert.equal(all.length, 1000, 'all sent a quarter of an hour later');
    assert.equal(new Set(all.map((m) => m.registrationId)).size, 1000);
    assert.ok(
      all.every((m) => m.attempts === 1),
      'each once',
    );
    assert.ok(second.roundTrips < 1000, `${second.roundTrips} D1 round trips in one invocation`);
  });
});

/** A workshop with a follow-up, seated by `n` confirmed people; returns it and when it ended. */
async function workshopWithFollowUp(worker: TestWorker, slug: string, n: number, endsAt: number) {
  const workshop = await createWorkshop(worker, slug, {
    startsInHours: 200,
    capacity: n,
    ...({
      followUp: { text: { sk: 'Ďakujeme, že ste prišli.', en: 'Thank you for coming.' } },
    } as Record<string, unknown>),
  });
  const prefix = unique('came');
  await worker.db.batch([
    worker.db
      .prepare(
        `UPDATE workshops SET starts_at = ?2 - ${2 * HOUR}, ends_at = ?2,
           registration_closes_at = ?2 - ${2 * HOUR} WHERE id = ?1`,
      )
      .bind(workshop.id, endsAt),
    confirmedInBulk(worker.db, prefix, workshop.id, n, endsAt - 3 * 24 * HOUR),
    seatsInBulk(worker.db, prefix, workshop.id, endsAt - 3 * 24 * HOUR),
  ]);
  return workshop;
}

describe('follow-ups at volume', () => {
  test('250 due at once, behind 210 seats of a cancelled workshop: one run queues every one, once', async (t) => {
    const worker = await countingWorker(t, QUEUE_ONLY);
    const slug = unique('followups');
    await createSeries(worker, slug);
    const end = Date.now() - 3 * HOUR;
    // Ended a minute earlier, so its seats come first; cancelled (seats left held), so the rules
    // turn every one down: a run that read only the first page would queue nothing.
    const cancelled = await workshopWithFollowUp(worker, slug, 210, end - MINUTE);
    await worker.db
      .prepare(`UPDATE workshops SET cancelled_at = ?2 WHERE id = ?1`)
      .bind(cancelled.id, end - 2 * HOUR)
      .run();
    const workshop = await workshopWithFollowUp(worker, slug, 250, end);
    const followUps = (workshopId: string) => outbox(worker, { kind: 'followup', workshopId });

    await runCron(worker, end + 2 * HOUR + MINUTE);
    const queued = await followUps(workshop.id);
    assert.equal(queued.length, 250, 'all in one run (a run took 100 before)');
    assert.equal(new Set(queued.map((m) => m.registrationId)).size, 250);
    assert.equal((await followUps(cancelled.id)).length, 0);

    // Runs that overlap, and the next one: nothing twice.
    await Promise.all([
      runCron(worker, end + 2 * HOUR + 16 * MINUTE),
      runCron(worker, end + 2 * HOUR + 16 * MINUTE),
    ]);
    assert.equal((await followUps(workshop.id)).length, 250);
  });
});
