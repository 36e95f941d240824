import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createSeries, createWorkshop, MINUTE, outbox, runCron, unique } from '../support/fixtures';
import { offeredInBulk, workshopWithDueReminders } from '../support/bulk-seed';
import { countingWorker } from '../support/counting-worker';
import { waitForCount } from '../support/wait';

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
