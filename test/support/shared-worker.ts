import { after } from 'node:test';
import { startTestWorker, type TestWorker, type TestWorkerOptions } from './worker';

/**
 * One worker for every test of a describe block (or file) instead of one per test: starting a
 * worker costs about 2 s (workerd, the bundle, the migrations), emptying its database a few ms.
 *
 * `fresh()` hands each test the shared worker with an empty database, as a fresh one would have
 * it, so cron runs over all rows, outbox counts and "exactly one message" checks see only what
 * the test made. What lives outside D1 is not reset: the isolate's per-slug memos (the list copy,
 * allowed origins), the Cache API and the rate-limit counters are keyed by slug or client
 * address, which each test makes its own (`unique`, `nextClientIp`). A test that needs other
 * bindings or vars needs a worker of its own (`testWorker`).
 *
 * Tests that share a worker must run one after another (node:test's default in a describe).
 */
export interface SharedWorker {
  /**
   * The worker with its database emptied, for one test (`t`, which holds it until it ends) or,
   * without `t`, for a describe block's `before()`. `outbound` answers the worker's outbound
   * requests until the next `fresh()` (the shared worker must have been made with
   * `{ outbound: true }`); `logs()` holds only what the worker logged since.
   */
  fresh(
    t?: { after: (fn: () => Promise<void>) => void },
    perTest?: { outbound?: TestWorkerOptions['outbound'] },
  ): Promise<TestWorker>;
}

type SharedOptions = Omit<TestWorkerOptions, 'outbound' | 'persistTo'> & { outbound?: boolean };

/** A worker for one test, disposed when the test ends: for a test that needs bindings of its own. */
export async function testWorker(
  t: { after: (fn: () => Promise<void>) => void },
  ...args: Parameters<typeof startTestWorker>
): Promise<TestWorker> {
  const worker = await startTestWorker(...args);
  t.after(() => worker.dispose());
  return worker;
}

/** Call while tests are declared (in a describe callback or at the top of a file). */
export function sharedWorker(
  bindings: Parameters<typeof startTestWorker>[0] = {},
  options: SharedOptions = {},
): SharedWorker {
  let started: Promise<TestWorker> | undefined;
  let tables: string[] = [];
  let outbound: TestWorkerOptions['outbound'];
  let holder: object | undefined;
  const unanswered = () => {
    throw new Error('an outbound request, but this test gave the shared worker no `outbound`');
  };
  after(async () => (await started)?.dispose());

  const start = async () => {
    const worker = await startTestWorker(bindings, {
      ...options,
      outbound: options.outbound ? (request) => (outbound ?? unanswered)(request) : undefined,
    });
    tables = await tablesOf(worker);
    return worker;
  };

  return {
    async fresh(t, perTest = {}) {
      if (perTest.outbound && !options.outbound) {
        throw new Error('sharedWorker(…, { outbound: true }) routes outbound requests to tests');
      }
      // Emptying the database under a test that is still running would fail it at random.
      if (holder) throw new Error('two tests at once on one shared worker: run them in turn');
      if (t) {
        holder = t;
        t.after(async () => void (holder = undefined));
      }
      const isNew = !started;
      started ??= start();
      const worker = await started;
      if (!isNew) await empty(worker, tables);
      outbound = perTest.outbound;
      const since = worker.logs().length;
      return {
        ...worker,
        logs: () => worker.logs().slice(since),
        options: { ...worker.options, outbound: perTest.outbound },
        // The shared worker outlives the test: `after()` disposes of it.
        dispose: async () => {},
      };
    },
  };
}

/** The tables the migrations made, checked empty: emptying them is then as good as a new D1. */
async function tablesOf(worker: TestWorker): Promise<string[]> {
  const { results } = await worker.db
    .prepare(
      `SELECT name FROM sqlite_master
       WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'`,
    )
    .all<{ name: string }>();
  const tables = results.map((r) => r.name);
  const counts = await worker.db.batch<{ n: number }>(
    tables.map((t) => worker.db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`)),
  );
  const seeded = tables.filter((_, i) => counts[i]!.results[0]!.n > 0);
  if (seeded.length > 0) {
    throw new Error(`migrations leave rows in ${seeded.join(', ')}: emptying is no longer a reset`);
  }
  return tables;
}

/**
 * Lets what the last test set going finish, then deletes every row. A message still being sent
 * (or queued and not yet tried) when the test ended is waited for, up to a bound: one that a
 * worker without a transport keeps queued for ever must not hold the next test up for long.
 */
async function empty(worker: TestWorker, tables: string[], boundMs = 2_000): Promise<void> {
  const { db } = worker;
  const deadline = Date.now() + boundMs;
  for (;;) {
    const row = await db
      .prepare(
        `SELECT COUNT(*) AS n FROM outbox
         WHERE status = 'sending' OR (status = 'queued' AND attempts = 0)`,
      )
      .first<{ n: number }>();
    if (row!.n === 0 || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await db.batch([
    // Rows go in any order; the foreign keys hold again at the end (all are gone by then).
    db.prepare('PRAGMA defer_foreign_keys = ON'),
    ...tables.map((t) => db.prepare(`DELETE FROM "${t}"`)),
  ]);
}
