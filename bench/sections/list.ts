import { cpuDelta, devCpu, type CpuSplit } from '../lib/cpu';
import { directUrl } from '../lib/direct';
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

/** The four, driven alike, through one route (wrangler dev's port, or straight to workerd). */
export interface ListRows {
  /** The API worker (wrangler.api.jsonc: the same code, no static assets): the headline. */
  project: ListRow;
  /** The single-worker deployment (wrangler.jsonc), behind its own assets router. */
  single: ListRow;
  hello: ListRow;
  /** Hello world behind the project's own `assets` config (the assets router in front). */
  helloAssets: ListRow;
  /** API worker req/s ÷ hello-world req/s: the headline. */
  ratio: number;
  /** Single worker req/s ÷ hello-world req/s (the headline before the API worker). */
  singleRatio: number;
  /** Single worker req/s ÷ hello world behind the same assets config. */
  ratioToHelloAssets: number;
}

export interface ListResult extends ListRows {
  settings: ListSettings;
  /**
   * The same, sent straight to the workerd that runs each worker, past wrangler dev's proxy
   * (which production does not have; lib/direct.ts), on kept-alive connections like the rest.
   * Null when that workerd was not found.
   */
  direct: ListRows | null;
}

interface Target {
  dev: Dev;
  base: string;
  spec: RequestSpec;
  samples: Sample[];
  cpu: CpuSplit | null;
}

/** Takes turns (a, b, c, d, a, b, c, d …) so that a burst of other work lands on all of them. */
async function measure(targets: Target[], settings: ListSettings): Promise<ListRow[]> {
  const perRound = settings.seconds / settings.rounds;
  for (let round = 0; round < settings.rounds; round++) {
    for (const t of targets) {
      let before: CpuSplit | null = null;
      let used: CpuSplit | null = null;
      const { samples } = await closedLoop(
        t.base,
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
  return targets.map((t): ListRow => {
    const summary = summarize(t.samples, settings.seconds);
    return {
      ...summary,
      cpuMsPerRequest: t.cpu && {
        runtime: (t.cpu.runtime * 1000) / summary.requests,
        proxy: (t.cpu.proxy * 1000) / summary.requests,
      },
    };
  });
}

const rows = ([project, hello, single, helloAssets]: ListRow[]): ListRows => ({
  project: project!,
  single: single!,
  hello: hello!,
  helloAssets: helloAssets!,
  ratio: project!.perSecond / hello!.perSecond,
  singleRatio: single!.perSecond / hello!.perSecond,
  ratioToHelloAssets: single!.perSecond / helloAssets!.perSecond,
});

/**
 * (a) The public list from the API worker (wrangler.api.jsonc, the deployment for scale: no
 * static assets, so no assets router in front) against hello world on the same runtime, driven by
 * the same closed loop; and, for comparison, the list from the single worker (wrangler.jsonc),
 * which in `wrangler dev` (as on Cloudflare) runs behind the assets router that routes /api/* to
 * it, next to hello world behind the same static-assets config. Then all four again straight to
 * their workerd.
 */
export async function benchList(
  devs: { api: Dev; single: Dev; hello: Dev; helloAssets: Dev },
  slug: string,
  settings: ListSettings,
): Promise<ListResult> {
  // wrangler dev's proxy can lose a GET whose connection to the worker was reset (it waits for a
  // reload that never comes): such a request counts as failed after 10 s instead of hanging.
  const timeoutMs = 10_000;
  const listPath = `/api/v1/series/${slug}`;
  // The headline pair next to each other, then the pair behind the assets router.
  const plan: [Dev, string][] = [
    [devs.api, listPath],
    [devs.hello, '/'],
    [devs.single, listPath],
    // The same path as the list's, so the assets router takes the same route (run_worker_first).
    [devs.helloAssets, listPath],
  ];
  const target = (dev: Dev, base: string, path: string): Target => ({
    dev,
    base,
    spec: { path, timeoutMs },
    samples: [],
    cpu: { runtime: 0, proxy: 0, wrangler: 0 },
  });
  const viaWrangler = rows(
    await measure(
      plan.map(([dev, path]) => target(dev, dev.url, path)),
      settings,
    ),
  );
  const bases = await Promise.all(plan.map(([dev, path]) => directUrl(dev, path)));
  const direct = bases.every((b): b is string => b !== null)
    ? rows(
        await measure(
          plan.map(([dev, path], i) => target(dev, bases[i]!, path)),
          settings,
        ),
      )
    : null;
  return { settings, ...viaWrangler, direct };
}
