/**
 * `npm run bench:profile-list`: where the public list's CPU goes. Starts, each with `wrangler dev`,
 * the project as the single worker (wrangler.jsonc) and as the API worker (wrangler.api.jsonc: the
 * same code without static assets), hello world, hello world with the
 * list's answer shape (bench/reference/list-shaped), each of the two also behind the project's
 * `assets` block; then drives them in turns with the bench's closed loop and prints the CPU per
 * answer of the worker's workerd and of wrangler's proxy, through `wrangler dev` and straight to
 * workerd. `--rounds N` (default 3) and `--seconds S` per round (default 3). README "Benchmark".
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { cpuDelta, devCpu, type CpuSplit } from './lib/cpu';
import { directUrl } from './lib/direct';
import { closedLoop, summarize } from './lib/load';
import { PROJECT_VARS, seedSeries } from './lib/project';
import { DEV_REGISTRY, ROOT, applyMigrations, startDev, type Dev } from './lib/wrangler';

const ts = createRequire(import.meta.url)('typescript') as typeof import('typescript');
const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
};
const ROUNDS = option('--rounds', 3);
const SECONDS = option('--seconds', 3);
const work = mkdtempSync(join(tmpdir(), 'workshop-signup-profile-'));

interface WranglerConfig {
  main: string;
  assets?: { directory: string; [key: string]: unknown };
  d1_databases?: { migrations_dir?: string }[];
  [key: string]: unknown;
}

function read(path: string): WranglerConfig {
  const { config, error } = ts.parseConfigFileTextToJson(path, readFileSync(path, 'utf8'));
  if (error || !config) throw new Error(`Cannot read ${path}`);
  delete config.$schema;
  return config as WranglerConfig;
}

const abs = (path: string) => (isAbsolute(path) ? path : join(ROOT, path));
/** A project config, written elsewhere: its paths made absolute. */
function readProject(path: string): WranglerConfig {
  const config = read(path);
  config.main = abs(config.main);
  for (const db of config.d1_databases ?? []) {
    if (db.migrations_dir) db.migrations_dir = abs(db.migrations_dir);
  }
  return config;
}
const project = readProject(join(ROOT, 'wrangler.jsonc'));
const apiWorker = readProject(join(ROOT, 'wrangler.api.jsonc'));
const assets = { ...project.assets!, directory: abs(project.assets!.directory) };
project.assets = assets;
const hello = read(join(ROOT, 'bench/reference/hello/wrangler.jsonc'));
const reference = (main: string, withAssets: boolean): WranglerConfig => ({
  ...hello,
  main: join(ROOT, main),
  ...(withAssets ? { assets } : {}),
});

const VARIANTS: { name: string; config: WranglerConfig; isProject: boolean }[] = [
  { name: 'the list', config: project, isProject: true },
  { name: 'the list, API worker', config: apiWorker, isProject: true },
  {
    name: 'hello world',
    config: reference('bench/reference/hello/index.ts', false),
    isProject: false,
  },
  {
    name: 'hello world, assets',
    config: reference('bench/reference/hello/index.ts', true),
    isProject: false,
  },
  {
    name: 'list-shaped',
    config: reference('bench/reference/list-shaped/index.ts', false),
    isProject: false,
  },
  {
    name: 'list-shaped, assets',
    config: reference('bench/reference/list-shaped/index.ts', true),
    isProject: false,
  },
];

const LIST_PATH = '/api/v1/series/bench-list';
const devs: Dev[] = [];
try {
  const started = [];
  for (const [i, v] of VARIANTS.entries()) {
    const config = join(work, `config-${i}.json`);
    writeFileSync(config, JSON.stringify(v.config, null, 2));
    const persistTo = join(work, `d1-${i}`);
    if (v.isProject) await applyMigrations(config, persistTo);
    const dev = await startDev({
      name: v.name,
      config,
      logFile: join(work, `${i}.log`),
      ...(v.isProject ? { persistTo, vars: PROJECT_VARS, readyPath: '/api/v1/series/-' } : {}),
    });
    devs.push(dev);
    if (v.isProject) await seedSeries(dev.url, 'bench-list', { count: 10, capacity: 50 });
    started.push({ ...v, dev, direct: null as string | null });
  }
  // Found once all run: a `wrangler dev` started later (its registration in the dev registry) can
  // make an earlier one restart its workerd on new ports. The list's path for all, so the assets
  // router takes the same route (run_worker_first).
  for (const v of started) v.direct = await directUrl(v.dev, LIST_PATH);
  console.log(`load average at start ${loadavg()[0]!.toFixed(1)}`);
  for (const direct of [false, true]) {
    const results = new Map<string, { runtime: number[]; proxy: number[]; perSecond: number[] }>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const v of started) {
        const base = direct ? v.direct : v.dev.url;
        if (!base) continue;
        let before: CpuSplit | null = null;
        let used: CpuSplit | null = null;
        const { samples } = await closedLoop(
          base,
          { path: LIST_PATH, timeoutMs: 10_000 },
          { concurrency: 50, seconds: SECONDS, warmupSeconds: 1 },
          {
            open: () => (before = devCpu(v.dev.pid, v.dev.port)),
            close: () => (used = cpuDelta(devCpu(v.dev.pid, v.dev.port), before)),
          },
        );
        const s = summarize(samples, SECONDS);
        const cpu = used as CpuSplit | null;
        if (s.failed > 0)
          console.log(`${v.name}: ${s.failed} failed (${JSON.stringify(s.statuses)})`);
        const row = results.get(v.name) ?? { runtime: [], proxy: [], perSecond: [] };
        row.runtime.push(cpu ? (cpu.runtime * 1000) / s.requests : NaN);
        row.proxy.push(cpu ? (cpu.proxy * 1000) / s.requests : NaN);
        row.perSecond.push(s.perSecond);
        results.set(v.name, row);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(
      `\n${direct ? 'straight to workerd' : 'through wrangler dev'} (medians of ${ROUNDS} rounds):`,
    );
    for (const [name, r] of results) {
      console.log(
        `${name.padEnd(22)} ${median(r.perSecond).toFixed(0).padStart(5)} req/s; CPU per answer: ` +
          `worker's workerd ${median(r.runtime).toFixed(2)} ms` +
          (direct ? '' : `, proxy workerd ${median(r.proxy).toFixed(2)} ms`),
      );
    }
  }
  console.log(`load average at the end ${loadavg()[0]!.toFixed(1)}`);
} finally {
  await Promise.all(devs.map((d) => d.stop()));
  rmSync(DEV_REGISTRY, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}
