import { join } from 'node:path';
import { writeHelloAssetsConfig } from './hello-assets';
import { PROJECT_VARS, seedSeries } from './project';
import {
  ROOT,
  applyMigrations,
  startDev as startWranglerDev,
  type Dev,
  type DevOptions,
} from './wrangler';

/** The configs the benchmark runs, as a deployment would. */
export const CONFIG = {
  /** The single worker: the site, its static assets, and the API behind the assets router. */
  project: join(ROOT, 'wrangler.jsonc'),
  /** The optional API worker: the same code, no static assets (README "Deploying"). */
  api: join(ROOT, 'wrangler.api.jsonc'),
  hello: join(ROOT, 'bench/reference/hello/wrangler.jsonc'),
  minimal: join(ROOT, 'bench/reference/minimal-d1/wrangler.jsonc'),
};

/** The series every list measurement reads: 10 workshops, as issue 11's figure has it. */
export const LIST_SLUG = 'bench-list';

export interface ListWorkers {
  /** wrangler.jsonc, on the project's D1 (which run.ts also seeds for the rush). */
  single: Dev;
  /** wrangler.api.jsonc, on a D1 of its own with the same list seeded through its admin API. */
  api: Dev;
  hello: Dev;
  helloAssets: Dev;
}

/**
 * Starts, each with `wrangler dev`, what the list section drives: the single worker on the
 * project's D1 (already migrated at `projectPersist`), the API worker, hello world, and hello world
 * behind the project's assets config; seeds the list series into both projects' databases.
 *
 * The API worker gets its own D1 files: two workerd processes writing one SQLite file is not
 * something production does, and the list reads the same rows either way. Its ASSETS service
 * binding finds the single worker through wrangler's dev registry (lib/wrangler.ts keeps one
 * registry per run); the list never uses it.
 */
export async function startListWorkers(
  work: string,
  projectPersist: string,
  /** Each dev is added here as soon as it runs, so that a failure still stops them all. */
  started: Dev[],
): Promise<ListWorkers> {
  const logFile = (name: string) => join(work, `${name}.log`);
  const apiPersist = join(work, 'd1-api');
  const startDev = (options: DevOptions) =>
    startWranglerDev(options).then((dev) => (started.push(dev), dev));
  const [single, api, hello, helloAssets] = await Promise.all([
    startDev({
      name: 'project',
      config: CONFIG.project,
      persistTo: projectPersist,
      vars: PROJECT_VARS,
      logFile: logFile('project'),
      readyPath: '/api/v1/series/-',
    }),
    applyMigrations(CONFIG.api, apiPersist).then(() =>
      startDev({
        name: 'api',
        config: CONFIG.api,
        persistTo: apiPersist,
        vars: PROJECT_VARS,
        logFile: logFile('api'),
        readyPath: '/api/v1/series/-',
      }),
    ),
    startDev({ name: 'hello', config: CONFIG.hello, logFile: logFile('hello') }),
    startDev({
      name: 'hello-assets',
      config: writeHelloAssetsConfig(work),
      logFile: logFile('hello-assets'),
    }),
  ]);
  await Promise.all(
    [single, api].map((dev) => seedSeries(dev.url, LIST_SLUG, { count: 10, capacity: 50 })),
  );
  return { single, api, hello, helloAssets };
}
