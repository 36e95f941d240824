import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  createSeries,
  createWorkshop,
  MINUTE,
  outbox,
  postRegistration,
  runCron,
  testWorker,
  unique,
  validRegistration,
  HTTP_MAIL,
} from '../support/fixtures';
import { workshopWithDueReminders } from '../support/bulk-seed';
import { waitForCount } from '../support/wait';
import type { TestWorker } from '../support/worker';

/**
 * Mail fan-out on the real local queue (Miniflare's broker, with wrangler.jsonc's consumer
 * settings): the cron hands due reminders over, the consumer queues and sends them, exactly once.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The cron runs' own accounts of what they handed to the queue, in the order they finished. */
const handedOver = (worker: TestWorker) =>
  worker
    .logs()
    .split('\n')
    .filter((line) => line.includes('"event":"scheduled"'))
    .map(
      (line) =>
        (
          JSON.parse(line.slice(line.indexOf('{'))) as {
            queued: { reminders: number; due: number };
          }
        ).queued,
    );

const remindersOf = async (worker: TestWorker, workshopId: string, status?: string) =>
  (await outbox(worker, { kind: 'reminder', workshopId })).filter(
    (m) => status === undefined || m.status === status,
  );

describe('mail fan-out on the queue', () => {
  test('500 due reminders: one cron run hands them over, each is sent exactly once', async (t) => {
    const worker = await testWorker(t, {}, { mailQueue: true });
    const t0 = Date.now();
    const { workshop } = await workshopWithDueReminders(worker, 500, t0);

    await runCron(worker, t0);
    // The consumers' pace depends on the machine (a minute or two at load 12): wait while they
    // make progress, not for a fixed time.
    const sent = await waitForCount(
      async () => (await remindersOf(worker, workshop.id, 'sent')).length,
      500,
    );
    assert.equal(sent, 500);
    assert.deepEqual(handedOver(worker), [{ reminders: 500, due: 0 }], 'all by the first run');
    // The cron runs again, twice at once: it hands nothing over, so nothing can go out twice
    // later (what follows needs no waiting for stragglers).
    await Promise.all([runCron(worker, t0 + 15 * MINUTE), runCron(worker, t0 + 15 * MINUTE)]);
    const deadline = Date.now() + 30_000;
    while (handedOver(worker).length < 3 && Date.now() < deadline) await sleep(50);
    assert.deepEqual(handedOver(worker).slice(1), [
      { reminders: 0, due: 0 },
      { reminders: 0, due: 0 },
    ]);
    const all = await remindersOf(worker, workshop.id);
    assert.equal(all.length, 500);
    assert.equal(new Set(all.map((m) => m.registrationId)).size, 500);
    assert.ok(all.every((m) => m.status === 'sent'));
    assert.ok(
      all.every((m) => m.attempts === 1),
      'each sent in one attempt, none twice',
    );
  });

  test('a registration hands its confirmation to the queue, and the consumer sends it', async (t) => {
    const worker = await testWorker(t, {}, { mailQueue: true });
    const slug = unique('fanout');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 5 });
    const res = await postRegistration(worker, slug, validRegistration([workshop.id]));
    assert.equal(res.status, 201);
    const sent = await waitForCount(
      async () =>
        (await outbox(worker, { kind: 'confirm_request' })).filter((m) => m.status === 'sent')
          .length,
      1,
    );
    assert.equal(sent, 1);
  });

  test('the consumer: a duplicate id is sent once; a failed send is retried by the queue after the backoff', async (t) => {
    let fail = false;
    const sentTo: string[] = [];
    const worker = await testWorker(t, HTTP_MAIL, {
      outbound: async (request) => {
        if (fail) return new Response('try later', { status: 503 });
        sentTo.push(((await request.json()) as { to: string | string[] }).to.toString());
        return Response.json({ id: crypto.randomUUID() });
      },
    });
    const slug = unique('fanout');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 5 });
    // No queue bound here: the request path sends right away; a second message is made to wait.
    fail = true;
    await postRegistration(worker, slug, validRegistration([workshop.id]));
    const deadline = Date.now() + 5_000;
    let rows = await outbox(worker, { kind: 'confirm_request' });
    while (!(rows[0]?.attempts === 1 && rows[0].status !== 'sending') && Date.now() < deadline) {
      await sleep(50);
      rows = await outbox(worker, { kind: 'confirm_request' });
    }
    const [message] = rows;
    assert.equal(message?.status, 'queued', 'the first attempt failed');
    // Its retry is due a minute later; the queue delivers it then (twice, as at-least-once may).
    await worker.db
      .prepare(`UPDATE outbox SET next_attempt_at = ? WHERE id = ?`)
      .bind(Date.now() - 1, message.id)
      .run();
    const consumer = await worker.mf.getWorker();
    const job = (id: string) => ({
      id,
      timestamp: new Date(),
      body: { outboxId: message.id },
      attempts: 1,
    });
    fail = true;
    const failed = await consumer.queue('workshop-signup-mail', [job('m1')]);
    assert.equal(failed.outcome, 'ok');
    assert.deepEqual(
      failed.retryMessages.map((m) => m.msgId),
      ['m1'],
      'a failed send goes back to the queue',
    );
    await worker.db
      .prepare(`UPDATE outbox SET next_attempt_at = ? WHERE id = ?`)
      .bind(Date.now() - 1, message.id)
      .run();
    fail = false;
    const ok = await consumer.queue('workshop-signup-mail', [job('m2'), job('m3')]);
    assert.deepEqual(ok.retryMessages, []);
    assert.deepEqual([...ok.explicitAcks].sort(), ['m2', 'm3']);
    assert.equal(sentTo.length, 1, 'sent once for two deliveries of its id');
    const [after] = await outbox(worker, { kind: 'confirm_request' });
    assert.equal(after?.status, 'sent');
  });
});
