/**
 * `npm run bench:list`: the benchmark's list section (a) alone, as `npm run bench` runs it — the
 * API worker (wrangler.api.jsonc) against hello world, and the single worker (wrangler.jsonc)
 * against hello world behind the same assets config, taking turns, through `wrangler dev` and
 * straight to workerd — without the rush, the reminders and the widget. Writes nothing.
 *
 * `--repeat N` measures N times on the same workers (default 1), each with the load average;
 * `--seconds S` (default 10) and `--rounds R` (default 2) as in the full run; `--no-build` uses
 * the dist/ already built.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG, LIST_SLUG, startListWorkers } from './lib/list-workers';
import { describeMachine } from './lib/machine';
import { listDetails, listTableRows } from './lib/report';
import { DEV_REGISTRY, ROOT, applyMigrations, type Dev } from './lib/wrangler';
import { benchList } from './sections/list';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
};
const REPEAT = option('--repeat', 1);
const SETTINGS = {
  concurrency: 50,
  seconds: option('--seconds', 10),
  rounds: option('--rounds', 2),
  warmupSeconds: 1,
};

const work = mkdtempSync(join(tmpdir(), 'workshop-signup-bench-list-'));
const devs: Dev[] = [];
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');
try {
  if (!process.argv.includes('--no-build') || !existsSync(join(ROOT, 'dist/site'))) {
    console.error('building the site (npm run build)…');
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const persist = join(work, 'd1-project');
  await applyMigrations(CONFIG.project, persist);
  const workers = await startListWorkers(work, persist, devs);
  const m = describeMachine();
  console.log(
    `Machine: ${m.cpu}, ${m.cores} cores; wrangler ${m.wrangler} (workerd ${m.workerd}).`,
  );
  for (let run = 1; run <= REPEAT; run++) {
    const before = load();
    const list = await benchList(workers, LIST_SLUG, SETTINGS);
    console.log(
      `\n### run ${run} of ${REPEAT}: load average (1 / 5 / 15 min) ${before} before, ${load()} after\n`,
    );
    console.log(
      [
        ...listTableRows(list),
        '',
        ...listDetails('through wrangler dev', list),
        ...(list.direct ? listDetails('straight to workerd', list.direct) : []),
      ].join('\n'),
    );
  }
} finally {
  await Promise.all(devs.map((d) => d.stop()));
  rmSync(DEV_REGISTRY, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}
