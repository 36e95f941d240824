import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  createSeries,
  createWorkshop,
  HOUR,
  MINUTE,
  outbox,
  postRegistration,
  runCron,
  testWorker,
  unique,
  validRegistration,
  HTTP_MAIL,
} from '../support/fixtures';
import { confirmedInBulk, seatsInBulk } from '../support/bulk-seed';
import type { TestWorker } from '../support/worker';

/**
 * Mail fan-out on the real local queue (Miniflare's broker, with wrangler.jsonc's consumer
 * settings): the cron hands due reminders over, the consumer queues and sends them, exactly once.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `count()` reaches `n` (the consumer runs asynchronously); returns the last count. */
async function waitFor(count: () => Promise<number>, n: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = await count();
  while (last < n && Date.now() < deadline) {
    await sleep(100);
    last = await count();
  }
  return last;
}

/** `n` confirmed registrations with a seat each in one workshop that starts 23 h after `t0`. */
async function seedConfirmed(worker: TestWorker, n: number, t0: number) {
  const slug = unique('fanout');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug, { startsInHours: 200, capacity: n });
  const startsAt = t0 + 23 * HOUR;
  await worker.db.batch([
    worker.db
      .prepare(
        `UPDATE workshops SET starts_at = ?2, ends_at = ?2 + ${2 * HOUR},
           registration_closes_at = ?2 WHERE id = ?1`,
      )
      .bind(workshop.id, startsAt),
    confirmedInBulk(worker.db, slug, workshop.id, n, t0 - 2 * 24 * HOUR),
    seatsInBulk(worker.db, slug, workshop.id, t0 - 2 * 24 * HOUR),
  ]);
  return { slug, workshop };
}

const remindersOf = async (worker: TestWorker, workshopId: string, status?: string) =>
  (await outbox(worker, { kind: 'reminder', workshopId })).filter(
    (m) => status === undefined || m.status === status,
  );

describe('mail fan-out on the queue', () => {
  test('500 due reminders: one cron run hands them over, each is sent exactly once', async (t) => {
    const worker = await testWorker(t, {}, { mailQueue: true });
    const t0 = Date.now();
    const { workshop } = await seedConfirmed(worker, 500, t0);

    await runCron(worker, t0);
    const sent = await waitFor(
      async () => (await remindersOf(worker, workshop.id, 'sent')).length,
      500,
    );
    assert.equal(sent, 500);
    // The cron runs again (and overlaps with itself) before everything settled: nothing twice.
    await Promise.all([runCron(worker, t0 + 15 * MINUTE), runCron(worker, t0 + 15 * MINUTE)]);
    await sleep(2_500);
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
    const sent = await waitFor(
      async () =>
        (await outbox(worker, { kind: 'confirm_request' })).filter((m) => m.status === 'sent')
          .length,
      1,
      10_000,
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
