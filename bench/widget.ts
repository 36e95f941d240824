/**
 * `npm run bench:widget`: section (d) of `npm run bench` alone — the widget's size and first paint
 * in Chromium against the project's worker under `wrangler dev` — for working on the widget
 * without the minutes the list, rush and reminder sections take. Prints the medians; writes nothing.
 *
 *   --runs N          measured navigations (default 15, after 2 not counted)
 *   --trace FILE      also records one Chromium performance trace (open it in DevTools' Performance panel)
 *   --trace-each      …of every counted run (FILE.1.json, …; FILE.preloaded.1.json, …) for
 *                     `npm run bench:widget-cpu` to read
 *   --no-build        use the dist/ that is there
 *   --script FILE     another build of the widget in dist/site/ (to compare two builds)
 *   --json FILE       also writes every run's figures there
 *   --latency MS      the third series' latency per request (default 40; 0 leaves it out)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_VARS, seedSeries } from './lib/project';
import { ROOT, applyMigrations, startDev, type Dev } from './lib/wrangler';
import { benchWidget, type WidgetRun } from './sections/widget';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    trace: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    script: { type: 'string', default: 'workshop-signup.js' },
    json: { type: 'string' },
    'trace-each': { type: 'boolean', default: false },
    latency: { type: 'string', default: '40' },
  },
});

const work = mkdtempSync(join(tmpdir(), 'workshop-signup-bench-widget-'));
let dev: Dev | undefined;
try {
  if (!values['no-build']) {
    console.error('building (npm run build)…');
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const config = join(ROOT, 'wrangler.jsonc');
  const persistTo = join(work, 'd1');
  await applyMigrations(config, persistTo);
  dev = await startDev({
    name: 'project',
    config,
    persistTo,
    vars: PROJECT_VARS,
    logFile: join(work, 'project.log'),
    readyPath: '/api/v1/series/-',
  });
  await seedSeries(dev.url, 'bench-list', { count: 10, capacity: 50 });
  const runs = Number(values.runs);
  const result = await benchWidget(dev.url, 'bench-list', {
    runs,
    warmup: 2,
    trace: values.trace,
    traceEach: values['trace-each'],
    script: values.script,
    latencyMs: Number(values.latency),
  });
  const row = (name: string, figures: Partial<Record<keyof WidgetRun, number>>) =>
    `${name.padEnd(14)} ` +
    (Object.keys(figures) as (keyof WidgetRun)[])
      .map((k) => `${k} ${figures[k]!.toFixed(1)}`)
      .join(', ');
  console.log(`gzip ${result.bytes.gzip} B; medians and p90 of ${runs} (ms):`);
  console.log(row('plain', result.median));
  console.log(row('plain p90', result.p90));
  if (result.preloaded) {
    console.log(row('preloaded', result.preloaded.median));
    console.log(row('preloaded p90', result.preloaded.p90));
  }
  if (result.overLink) {
    console.log(row(`${result.overLink.latencyMs} ms link`, result.overLink.median));
    console.log(row('  …p90', result.overLink.p90));
  }
  if (values.json) writeFileSync(values.json, JSON.stringify(result, null, 2));
  if (values.trace) console.log(`trace: ${values.trace}`);
} finally {
  await dev?.stop();
  rmSync(work, { recursive: true, force: true });
}
