import type { D1Tally } from '../../bench/lib/d1-tally';
import { testWorker } from './shared-worker';
import { BUILD, startTestWorker, type TestWorker } from './worker';

/**
 * The project's worker behind the benchmark's counting D1 binding (bench/instrumented): the same
 * code, every D1 call it makes (requests, cron runs, queue batches) tallied as `npm run bench`
 * tallies it, so a test can hold the mail jobs to a number of round trips.
 */
export interface CountingWorker extends TestWorker {
  /** What the worker asked of D1 since it started or since the last `resetD1()`. */
  d1(): Promise<D1Tally>;
  resetD1(): Promise<void>;
}

let bundled: Promise<string> | undefined;

function bundleCountingWorker(): Promise<string> {
  bundled ??= import('esbuild').then(async (esbuild) => {
    const result = await esbuild.build({
      ...BUILD,
      entryPoints: ['bench/instrumented/index.ts'],
      metafile: false,
    });
    return result.outputFiles![0]!.text;
  });
  return bundled;
}

export async function countingWorker(
  t: Parameters<typeof testWorker>[0],
  bindings: Parameters<typeof startTestWorker>[0] = {},
  options: Parameters<typeof startTestWorker>[1] = {},
): Promise<CountingWorker> {
  const worker = await testWorker(t, bindings, {
    ...options,
    script: await bundleCountingWorker(),
  });
  const tallies = async (query = '') =>
    ((await (await worker.fetch(`/__bench/d1${query}`)).json()) as { all: D1Tally }).all;
  return Object.assign(worker, {
    d1: () => tallies(),
    resetD1: async () => void (await tallies('?reset=1')),
  });
}
