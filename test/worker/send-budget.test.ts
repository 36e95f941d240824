import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CRON_SEND_BUDGET_MS, SendBudget } from '../../worker/src/jobs/send-budget';
import { SEND_TIMEOUT_MS } from '../../worker/src/mail/transport';
import { workshopWithDueReminders } from '../support/bulk-seed';
import { fakeMailProvider, HTTP_MAIL, MINUTE, outbox, runCron } from '../support/fixtures';
import { sharedWorker } from '../support/shared-worker';
import type { TestWorker } from '../support/worker';

/**
 * The cron without the mail queue sends one message after another. Against a slow provider a run
 * stops claiming once its wall-clock budget is spent (jobs/send-budget.ts), leaves the rest
 * queued and unclaimed, and the next runs send them: each message once, with one claim each.
 */

const BUDGET_MS = 1800;
const REMINDERS = 10;
const worker$ = sharedWorker(
  { ...HTTP_MAIL, CRON_SEND_BUDGET_MS: String(BUDGET_MS) },
  { outbound: true },
);

/** The `scheduled` log line of the worker's last cron run. */
function lastRun(worker: TestWorker) {
  const lines = worker
    .logs()
    .split('\n')
    .filter((line) => line.includes('"event":"scheduled"'));
  assert.ok(lines.length > 0, 'the run logged its report');
  return JSON.parse(lines.at(-1)!.slice(lines.at(-1)!.indexOf('{'))) as {
    sent: number;
    left: number;
    stoppedOnBudget?: true;
    elapsedMs: number;
  };
}

async function reminders(worker: TestWorker, workshopId: string) {
  return outbox(worker, { kind: 'reminder', workshopId });
}

/**
 * Cron runs a quarter of an hour apart until every reminder is sent (at most `runs`), checking
 * after each that the run left no claim behind. Returns what each run sent.
 */
async function runUntilSent(worker: TestWorker, workshopId: string, t0: number, runs = 30) {
  const sentPerRun: number[] = [];
  let sentBefore = 0;
  for (let run = 0; run < runs; run++) {
    await runCron(worker, t0 + run * 15 * MINUTE);
    const messages = await reminders(worker, workshopId);
    assert.equal(messages.length, REMINDERS, 'each seat has its one reminder');
    assert.deepEqual(
      messages.filter((m) => m.status === 'sending'),
      [],
      `run ${run + 1} left no message claimed and unsent`,
    );
    const sent = messages.filter((m) => m.status === 'sent').length;
    sentPerRun.push(sent - sentBefore);
    sentBefore = sent;
    if (sent === REMINDERS) return { sentPerRun, messages };
  }
  assert.fail(`not all sent after ${runs} runs: ${sentPerRun.join(', ')}`);
}

/** Every reminder reached the provider exactly once, with its outbox id as the idempotency key. */
function sentOnceEach(
  provider: ReturnType<typeof fakeMailProvider>,
  messages: { id: string; attempts: number }[],
) {
  const keys = provider.calls.map((c) => c.idempotencyKey).sort();
  assert.deepEqual(keys, messages.map((m) => m.id).sort(), 'one provider call per message');
  // One claim each: a claim given back unsent does not count as an attempt.
  assert.deepEqual(
    messages.map((m) => m.attempts),
    messages.map(() => 1),
  );
}

describe('a slow mail provider and the cron without the mail queue', () => {
  test('a run stops claiming on its budget; the next runs send the rest, each once', async (t) => {
    const provider = fakeMailProvider();
    // 10 × 400 ms is more than twice the budget: no run can send them all.
    provider.delayMs = () => 400;
    const worker = await worker$.fresh(t, { outbound: provider.outbound });
    const t0 = Date.now();
    const { workshop } = await workshopWithDueReminders(worker, REMINDERS, t0);

    const { sentPerRun, messages } = await runUntilSent(worker, workshop.id, t0);
    t.diagnostic(`sent per run: ${sentPerRun.join(', ')}`);
    assert.ok(sentPerRun[0]! < REMINDERS, 'the first run stopped before the end');
    assert.ok(sentPerRun.length >= 2, 'the rest went in later runs');
    sentOnceEach(provider, messages);
  });

  test('the first run says it stopped on its budget, and its unsent claims were never made', async (t) => {
    const provider = fakeMailProvider();
    provider.delayMs = () => 400;
    const worker = await worker$.fresh(t, { outbound: provider.outbound });
    const t0 = Date.now();
    const { workshop } = await workshopWithDueReminders(worker, REMINDERS, t0);

    await runCron(worker, t0);
    const report = lastRun(worker);
    t.diagnostic(`first run: ${report.sent} sent in ${report.elapsedMs} ms (budget ${BUDGET_MS})`);
    assert.equal(report.stoppedOnBudget, true);
    const waiting = (await reminders(worker, workshop.id)).filter((m) => m.status === 'queued');
    assert.ok(waiting.length > 0);
    assert.equal(report.sent + waiting.length, REMINDERS);
    for (const m of waiting) assert.equal(m.attempts, 0, 'left for the next run, never claimed');
  });

  test('a provider that slows down mid-batch: the unsent rest of the claim is given back', async (t) => {
    const provider = fakeMailProvider();
    // Quick at first, so the run sizes its next claim by a fast pace (all that is due), then slow.
    provider.delayMs = (n) => (n <= 2 ? 0 : 600);
    const worker = await worker$.fresh(t, { outbound: provider.outbound });
    const t0 = Date.now();
    const { workshop } = await workshopWithDueReminders(worker, REMINDERS, t0);

    await runCron(worker, t0);
    const report = lastRun(worker);
    t.diagnostic(`first run: ${report.sent} sent, ${report.left} claims given back`);
    assert.equal(report.stoppedOnBudget, true);
    assert.ok(report.left > 0, 'claimed more than it could send, and gave those back');
    // Quick again: the next run sends the rest, those given back among them.
    provider.delayMs = () => 0;
    const { messages } = await runUntilSent(worker, workshop.id, t0 + 15 * MINUTE);
    sentOnceEach(provider, messages);
  });
});

describe('the send budget (jobs/send-budget.ts)', () => {
  const clockAt = (times: number[]) => () => times.shift() ?? Number.POSITIVE_INFINITY;

  test('one claim to learn the pace, then as many as fit at the slowest send, none once none fits', async () => {
    let now = 1_000;
    const budget = new SendBudget(1_000, 1_000, () => now);
    assert.equal(budget.claimable(50), 1, 'no pace yet');
    await budget.timed(async () => void (now += 100));
    assert.equal(budget.claimable(50), 9, '900 ms left at 100 ms a send');
    await budget.timed(async () => void (now += 300));
    assert.equal(budget.claimable(50), 2, '600 ms left at the slowest, 300 ms');
    assert.equal(budget.claimable(1), 1, 'never more than the batch');
    now = 1_750;
    assert.equal(budget.roomForOne(), false, '250 ms left: a 300 ms send would end past it');
    assert.equal(budget.claimable(50), 0);
    const fresh = new SendBudget(0, 1_000, () => 999);
    assert.equal(fresh.claimable(50), 1, 'before any send, any time left lets one go');
    assert.equal(new SendBudget(0, 1_000, () => 1_000).claimable(50), 0, 'spent');
  });

  test('a send too quick to measure leaves the batch as the bound', async () => {
    const budget = new SendBudget(0, 1_000, clockAt([0, 0, 0, 0]));
    await budget.timed(async () => {});
    assert.equal(budget.claimable(50), 50);
  });

  test('the budget comes from CRON_SEND_BUDGET_MS, else the default', () => {
    const env = (value?: string) => ({ DB: null as never, CRON_SEND_BUDGET_MS: value });
    assert.equal(SendBudget.forRun(env('2500'), 0).budgetMs, 2500);
    assert.equal(SendBudget.forRun(env(), 0).budgetMs, CRON_SEND_BUDGET_MS);
    assert.equal(SendBudget.forRun(env('soon'), 0).budgetMs, CRON_SEND_BUDGET_MS);
    assert.equal(
      CRON_SEND_BUDGET_MS,
      20_000,
      'two thirds of a */15 cron’s 30 s (wall, read strictly)',
    );
  });
});

describe('a send the provider does not answer in time', () => {
  const TIMEOUT_MS = 300;
  const slowWorker$ = sharedWorker(
    { ...HTTP_MAIL, MAIL_SEND_TIMEOUT_MS: String(TIMEOUT_MS) },
    { outbound: true },
  );

  test('is given up after MAIL_SEND_TIMEOUT_MS and sent by a later run, under the same key', async (t) => {
    const provider = fakeMailProvider();
    // The first call hangs far past the timeout (and past a run's budget); later ones are quick.
    // (Counted here: the provider records a call only once it answers.)
    let asked = 0;
    provider.delayMs = () => (++asked === 1 ? 3_000 : 0);
    const worker = await slowWorker$.fresh(t, { outbound: provider.outbound });
    const t0 = Date.now();
    const { workshop } = await workshopWithDueReminders(worker, 1, t0);

    await runCron(worker, t0);
    const first = lastRun(worker);
    t.diagnostic(`first run: ${first.elapsedMs} ms`);
    assert.ok(
      first.elapsedMs < 2_000,
      `the run did not wait for the hung send (${first.elapsedMs} ms)`,
    );
    const [after] = await reminders(worker, workshop.id);
    assert.equal(after!.status, 'queued', 'given up, to be tried again');
    assert.equal(after!.attempts, 1);

    // After its backoff (a minute), the next run sends it.
    await runCron(worker, t0 + 15 * MINUTE);
    const [sent] = await reminders(worker, workshop.id);
    assert.equal(sent!.status, 'sent');
    // The hung call may still have reached the provider: the same idempotency key lets it send once.
    await new Promise((resolve) => setTimeout(resolve, 3_200));
    const keys = new Set(provider.calls.map((c) => c.idempotencyKey));
    assert.deepEqual([...keys], [sent!.id]);
  });

  test('SEND_TIMEOUT_MS: ten seconds unless configured', () => {
    assert.equal(SEND_TIMEOUT_MS, 10_000);
  });
});
