import { cpuDelta, devCpu } from '../lib/cpu';
import type { D1Tally } from '../lib/d1-tally';
import { keepAliveAgent, send, type RequestSpec } from '../lib/load';
import { seedSeries } from '../lib/project';
import type { Dev } from '../lib/wrangler';
import { rushPlan } from './rush';

interface Totals {
  invocations: number;
  beforeResponse: D1Tally;
  all: D1Tally;
}

export interface PerRequest {
  requests: number;
  /** D1 calls before the response was returned (they add to its latency). */
  beforeResponse: D1Tally;
  /** D1 calls after it (waitUntil), e.g. handing the confirmation mail to the transport. */
  afterResponse: D1Tally;
  /** CPU ms per request of the workerd running the worker (with local D1), without contention. */
  runtimeCpuMs: number | null;
}

export interface D1Counts {
  list: PerRequest;
  registration: PerRequest;
  refusedFull: PerRequest;
}

const per = (tally: D1Tally, n: number): D1Tally => ({
  roundTrips: tally.roundTrips / n,
  statements: tally.statements / n,
});

async function totals(dev: Dev, reset = false): Promise<Totals> {
  const response = await fetch(`${dev.url}/__bench/d1${reset ? '?reset=1' : ''}`);
  return (await response.json()) as Totals;
}

/**
 * Sends `specs` one at a time (no contention) to the counting worker and returns what each asked
 * of D1 on average, before and after its response. Waits until work after the responses settles.
 */
async function measure(
  dev: Dev,
  specs: RequestSpec[],
  expect: number,
  warmup: number,
): Promise<PerRequest> {
  const agent = keepAliveAgent(1);
  const sendAll = async (some: RequestSpec[]) => {
    for (const spec of some) {
      const reply = await send(dev.url, agent, { ...spec, keepBody: true });
      if (reply.status !== expect) {
        throw new Error(`${spec.path} answered ${reply.status}, not ${expect}: ${reply.body}`);
      }
    }
    // Until the work after the responses (waitUntil) has settled too.
    let last = await totals(dev);
    for (;;) {
      await new Promise((r) => setTimeout(r, 300));
      const next = await totals(dev);
      if (next.all.roundTrips === last.all.roundTrips) return next;
      last = next;
    }
  };
  // The first requests of a kind compile its code paths; they are not counted.
  await sendAll(specs.slice(0, warmup));
  await totals(dev, true);
  const cpuBefore = devCpu(dev.pid, dev.port);
  const last = await sendAll(specs.slice(warmup));
  agent.destroy();
  const n = specs.length - warmup;
  const cpu = cpuDelta(devCpu(dev.pid, dev.port), cpuBefore);
  return {
    requests: n,
    runtimeCpuMs: cpu && (cpu.runtime * 1000) / n,
    beforeResponse: per(last.beforeResponse, n),
    afterResponse: per(
      {
        roundTrips: last.all.roundTrips - last.beforeResponse.roundTrips,
        statements: last.all.statements - last.beforeResponse.statements,
      },
      n,
    ),
  };
}

/**
 * D1 round trips per request of the public list, an accepted registration and one refused as
 * full, counted by the D1 binding of the counting worker (bench/instrumented), one request at a
 * time. Under the rush, retries after a lost race add to these.
 */
export async function countD1(dev: Dev, samples: number): Promise<D1Counts> {
  const warmup = 3;
  const n = warmup + samples;
  const ids = await seedSeries(dev.url, 'bench-count', { count: 10, capacity: 50 });
  const [fullId] = await seedSeries(dev.url, 'bench-count-full', { count: 1, capacity: 0 });
  const ip = (k: number) => ({ 'cf-connecting-ip': `198.19.0.${k}` });
  const list = await measure(
    dev,
    Array.from({ length: n }, () => ({ path: '/api/v1/series/bench-count' })),
    200,
    warmup,
  );
  const plan = rushPlan(
    { registrations: n, clients: n, workshops: 10, capacity: 50 },
    ids,
    'count',
  );
  const registration = await measure(
    dev,
    plan.map((r, k) => ({
      method: 'POST',
      path: '/api/v1/series/bench-count/registrations',
      headers: ip(k),
      body: r.body,
    })),
    201,
    warmup,
  );
  const refusedFull = await measure(
    dev,
    plan.map((r, k) => ({
      method: 'POST',
      path: '/api/v1/series/bench-count-full/registrations',
      headers: ip(100 + k),
      body: JSON.stringify({ ...JSON.parse(r.body), workshopIds: [fullId] }),
    })),
    409,
    warmup,
  );
  return { list, registration, refusedFull };
}
