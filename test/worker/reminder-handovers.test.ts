import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  createSeries,
  createWorkshop,
  HOUR,
  MINUTE,
  outbox,
  registerConfirmed,
  runCron,
  unique,
  uniqueEmail,
} from '../support/fixtures';
import { sharedWorker } from '../support/shared-worker';
import type { TestWorker } from '../support/worker';

/**
 * The cron hands due reminder seats to the mail queue and records each handover
 * (reminder_handovers), so that the next run does not hand the same seat over while a consumer
 * still works on it. The first join-link reminder and the second, short one are two reminders of
 * one seat and start time: the handover of one must neither hide nor double the other.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the seat has `n` messages of a kind that were sent; returns how many there are. */
async function sentOf(worker: TestWorker, registrationId: string, kind: string, n: number) {
  const count = async () =>
    (await outbox(worker, { registrationId, kind })).filter((m) => m.status === 'sent').length;
  const deadline = Date.now() + 8_000;
  let last = await count();
  while (last < n && Date.now() < deadline) {
    await sleep(100);
    last = await count();
  }
  return last;
}

describe('reminder handovers to the mail queue, per kind', () => {
  /** One worker with the queue, emptied for each test. */
  const queued = sharedWorker({}, { mailQueue: true });

  test('a short reminder due 45 minutes after the first was handed over is sent, once each', async (t) => {
    const worker = await queued.fresh(t);
    const slug = unique('handover');
    // The first reminder an hour before, the short one a quarter of an hour before: the short
    // one falls due well inside the hour in which a handover keeps a seat from the queue.
    await createSeries(worker, slug, { reminders: { leadMinutes: 60, secondLeadMinutes: 15 } });
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 5 });
    const id = await registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail() });
    const start = Date.parse(workshop.startsAt);

    // The cron's time travels; the consumer writes at the real time, days before the start, so
    // the first reminder counts as sent before the short window opened.
    await runCron(worker, start - 59 * MINUTE);
    assert.equal(await sentOf(worker, id, 'reminder', 1), 1);
    await runCron(worker, start - 14 * MINUTE);
    assert.equal(await sentOf(worker, id, 'reminder_short', 1), 1, 'the short reminder went out');

    // Overlapping and later runs hand neither over again: one of each, each sent once.
    await Promise.all([runCron(worker, start - 10 * MINUTE), runCron(worker, start - 10 * MINUTE)]);
    await runCron(worker, start - 14 * MINUTE + HOUR / 4);
    await sleep(1_500);
    const all = await outbox(worker, { registrationId: id });
    const kinds = all.map((m) => m.kind).filter((k) => k.startsWith('reminder'));
    assert.deepEqual(kinds.sort(), ['reminder', 'reminder_short']);
    assert.ok(all.every((m) => m.attempts <= 1));
  });

  test('each kind is recorded apart: the handover of one kind hides only that kind', async (t) => {
    const worker = await queued.fresh(t);
    const slug = unique('handover');
    await createSeries(worker, slug, { reminders: { leadMinutes: 60, secondLeadMinutes: 15 } });
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 5 });
    const id = await registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail() });
    const start = Date.parse(workshop.startsAt);
    await runCron(worker, start - 59 * MINUTE);
    await sentOf(worker, id, 'reminder', 1);
    await runCron(worker, start - 14 * MINUTE);
    await sentOf(worker, id, 'reminder_short', 1);
    const { results } = await worker.db
      .prepare(`SELECT kind FROM reminder_handovers WHERE registration_id = ? ORDER BY handed_at`)
      .bind(id)
      .all<{ kind: string }>();
    assert.deepEqual(
      results.map((r) => r.kind),
      ['reminder', 'reminder_short'],
    );
  });
});
