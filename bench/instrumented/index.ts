/**
 * The project's worker, unchanged, behind a D1 binding that counts queries (counting-d1.ts). The
 * benchmark uses it where it reports D1 round trips (registrations, the reminder run); throughput
 * and latency are measured on the plain worker (the root wrangler.jsonc). Its wrangler config is
 * the root one with only `main` (and the name) replaced, written by bench/lib/instrumented.ts, so
 * it always has the project's bindings (D1, rate limit, queues once there are any, assets).
 *
 * Bench-only routes, answered before the project's app sees the request:
 * - `GET /__bench/d1[?reset=1]`: the tallies since the last reset;
 * - `GET /__bench/reminders`: reminders handed to the transport, and how many of them before their
 *   workshop started (read with the real binding: not counted).
 */
import worker from '../../worker/src/index';
import type { Bindings } from '../../worker/src/env';
import { addTally, countingD1, emptyTally, type D1Tally } from './counting-d1';

interface Totals {
  /** Requests (and cron runs) answered since the reset. */
  invocations: number;
  /** What they asked of D1 before their response was returned. */
  beforeResponse: D1Tally;
  /** Everything, including work after the response (waitUntil). */
  all: D1Tally;
}

let totals: Totals = { invocations: 0, beforeResponse: emptyTally(), all: emptyTally() };

/** The env for one invocation, with a D1 binding that reports to `mine` and to the totals. */
function countedEnv(env: Bindings, mine: D1Tally): Bindings {
  const DB = countingD1(env.DB, (statements) => {
    for (const tally of [mine, totals.all]) {
      tally.roundTrips += 1;
      tally.statements += statements;
    }
  });
  return { ...env, DB };
}

const json = (value: unknown) =>
  new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } });

async function benchRoute(url: URL, env: Bindings): Promise<Response | null> {
  if (url.pathname === '/__bench/d1') {
    const snapshot = structuredClone(totals);
    if (url.searchParams.has('reset')) {
      totals = { invocations: 0, beforeResponse: emptyTally(), all: emptyTally() };
    }
    return json(snapshot);
  }
  if (url.pathname === '/__bench/reminders') {
    const counts = await env.DB.prepare(
      `SELECT COUNT(*) AS sent, COALESCE(SUM(o.sent_at < w.starts_at), 0) AS sentInTime
       FROM outbox o JOIN workshops w ON w.id = o.workshop_id
       WHERE o.kind = 'reminder' AND o.status = 'sent'`,
    ).first<{ sent: number; sentInTime: number }>();
    return json(counts);
  }
  return null;
}

/** Counts one invocation of the project's handler with a counting binding. */
async function counted<T>(env: Bindings, run: (env: Bindings) => Promise<T> | T): Promise<T> {
  const mine = emptyTally();
  const result = await run(countedEnv(env, mine));
  totals.invocations += 1;
  addTally(totals.beforeResponse, mine);
  return result;
}

// Typed as the handler interface, so a handler the project adds later (a queue consumer) is
// forwarded here without this file changing its shape.
const project: ExportedHandler<Bindings> = worker;

export default {
  async fetch(request, env, ctx) {
    const bench = await benchRoute(new URL(request.url), env);
    if (bench) return bench;
    return counted(env, (counting) => project.fetch!(request, counting, ctx));
  },
  async scheduled(controller, env, ctx) {
    await counted(env, (counting) => project.scheduled?.(controller, counting, ctx));
  },
  async queue(batch, env, ctx) {
    await counted(env, (counting) => project.queue?.(batch, counting, ctx));
  },
} satisfies ExportedHandler<Bindings>;
