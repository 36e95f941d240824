import { cpuDelta, devCpu, type CpuSplit } from '../lib/cpu';
import { closedLoop, summarize, type RequestSpec, type Sample, type Throughput } from '../lib/load';
import type { Dev } from '../lib/wrangler';

export interface ListSettings {
  concurrency: number;
  /** Measured seconds per worker, split into `rounds` alternating rounds. */
  seconds: number;
  rounds: number;
  warmupSeconds: number;
}

export interface ListRow extends Throughput {
  /** CPU ms per request of the two workerd processes (the worker's, wrangler's proxy). */
  cpuMsPerRequest: { runtime: number; proxy: number } | null;
}

export interface ListResult {
  settings: ListSettings;
  project: ListRow;
  hello: ListRow;
  /** project req/s ÷ hello-world req/s. */
  ratio: number;
}

/**
 * (a) The public list against hello world on the same runtime, driven by the same closed loop.
 * The two take turns (project, hello, project, hello …) so that a burst of other work on the
 * machine lands on both rather than on one.
 */
export async function benchList(
  project: Dev,
  hello: Dev,
  slug: string,
  settings: ListSettings,
): Promise<ListResult> {
  const target = (dev: Dev, spec: RequestSpec) => ({
    dev,
    spec,
    samples: [] as Sample[],
    cpu: { runtime: 0, proxy: 0, wrangler: 0 } as CpuSplit | null,
  });
  // wrangler dev's proxy can lose a GET whose connection to the worker was reset (it waits for a
  // reload that never comes): such a request counts as failed after 10 s instead of hanging.
  const timeoutMs = 10_000;
  const targets = [
    target(project, { path: `/api/v1/series/${slug}`, timeoutMs }),
    target(hello, { path: '/', timeoutMs }),
  ];
  const perRound = settings.seconds / settings.rounds;
  for (let round = 0; round < settings.rounds; round++) {
    for (const t of targets) {
      let before: CpuSplit | null = null;
      let used: CpuSplit | null = null;
      const { samples } = await closedLoop(
        t.dev.url,
        t.spec,
        {
          concurrency: settings.concurrency,
          seconds: perRound,
          warmupSeconds: settings.warmupSeconds,
        },
        {
          open: () => (before = devCpu(t.dev.pid, t.dev.port)),
          close: () => (used = cpuDelta(devCpu(t.dev.pid, t.dev.port), before)),
        },
      );
      const spent = used as CpuSplit | null;
      t.cpu = spent &&
        t.cpu && {
          runtime: t.cpu.runtime + spent.runtime,
          proxy: t.cpu.proxy + spent.proxy,
          wrangler: t.cpu.wrangler + spent.wrangler,
        };
      t.samples.push(...samples);
    }
  }
  const [p, h] = targets.map((t): ListRow => {
    const summary = summarize(t.samples, settings.seconds);
    return {
      ...summary,
      cpuMsPerRequest: t.cpu && {
        runtime: (t.cpu.runtime * 1000) / summary.requests,
        proxy: (t.cpu.proxy * 1000) / summary.requests,
      },
    };
  }) as [ListRow, ListRow];
  return { settings, project: p, hello: h, ratio: p.perSecond / h.perSecond };
}
