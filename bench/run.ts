/**
 * `npm run bench`: starts the project's worker and the reference workers on the same runtime
 * (`wrangler dev`, local D1), measures (a) the public list, (b) the registration rush, (c) the
 * reminder run and (d) the widget in Chromium, prints a table and writes bench/results.json.
 * A benchmark, not a test: it prints numbers and fails only when something does not run.
 * `npm run bench -- --quick` is a smaller smoke run that writes no results.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuDelta, devCpu, type CpuSplit } from './lib/cpu';
import { directUrl } from './lib/direct';
import { writeInstrumentedConfig } from './lib/instrumented';
import { CONFIG, LIST_SLUG, startListWorkers } from './lib/list-workers';
import { CHROMIUM, describeMachine } from './lib/machine';
import { PROJECT_VARS, seedSeries } from './lib/project';
import { printReport, type Results } from './lib/report';
import { DEV_REGISTRY, ROOT, applyMigrations, d1Execute, startDev, type Dev } from './lib/wrangler';
import { countD1 } from './sections/d1-counts';
import { benchList } from './sections/list';
import {
  CRON_INTERVAL_MS,
  benchReminders,
  seedReminders,
  writeReminderSeed,
} from './sections/reminders';
import {
  rush,
  rushPlan,
  type HeldSeats,
  type RushResult,
  type RushSettings,
} from './sections/rush';
import { benchWidget } from './sections/widget';

const quick = process.argv.includes('--quick');
const keepLogs = process.argv.includes('--keep-logs');

const SETTINGS = quick
  ? {
      list: { concurrency: 50, seconds: 2, rounds: 1, warmupSeconds: 0.5 },
      rush: { registrations: 200, clients: 50, workshops: 10, capacity: 10 },
      reminders: { registrations: 1_000, workshops: 10, budgetSeconds: 30 },
      widget: { runs: 3, warmup: 1 },
      d1Samples: 5,
    }
  : {
      list: { concurrency: 50, seconds: 10, rounds: 2, warmupSeconds: 1 },
      rush: { registrations: 1_000, clients: 200, workshops: 10, capacity: 50 },
      reminders: { registrations: 10_000, workshops: 10, budgetSeconds: 180 },
      widget: { runs: 15, warmup: 2 },
      d1Samples: 20,
    };

const started = performance.now();
const log = (message: string) =>
  console.error(
    `[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`,
  );

function npmRun(script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run ${script} failed:\n${output}`)),
    );
  });
}

/** Runs `work` and returns its result with the CPU seconds `dev` and this process spent meanwhile. */
async function withCpu<T>(dev: Dev, work: () => Promise<T>) {
  const before = devCpu(dev.pid, dev.port);
  const generatorBefore = process.cpuUsage();
  const loadBefore = loadavg()[0]!;
  const result = await work();
  const generator = process.cpuUsage(generatorBefore);
  return {
    result,
    cpu: cpuDelta(devCpu(dev.pid, dev.port), before) as CpuSplit | null,
    generatorCpu: (generator.user + generator.system) / 1e6,
    load: [loadBefore, loadavg()[0]!] as [number, number],
  };
}

const heldSeatsSql = (where: string, held: string) =>
  `SELECT w.id, w.capacity, (SELECT COUNT(*) FROM seats s WHERE s.workshop_id = w.id ${held}) AS held
   FROM workshops w ${where} ORDER BY w.id`;

const machine = describeMachine();
const work = mkdtempSync(join(tmpdir(), 'workshop-signup-bench-'));
const persist = {
  project: join(work, 'd1-project'),
  minimal: join(work, 'd1-minimal'),
  counting: join(work, 'd1-counting'),
};
const devs: Dev[] = [];
let failed = false;
// Interrupted: stop the wrangler processes, so that no workerd is left running.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the workers…`);
    void Promise.all(devs.map((d) => d.stop())).then(() => process.exit(130));
  });
}

try {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The widget is measured in Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROME_PATH.`,
    );
  }
  log('building the widget and the demo site (npm run build)…');
  await npmRun('build');

  log(
    `migrating three local D1 databases, seeding ${SETTINGS.reminders.registrations} due reminders…`,
  );
  const countingConfig = writeInstrumentedConfig(work);
  // A cron boundary, so the simulated runs fall on the quarter hours the real cron uses.
  const t0 = Math.ceil(Date.now() / CRON_INTERVAL_MS) * CRON_INTERVAL_MS;
  const reminderSeed = writeReminderSeed(work, SETTINGS.reminders, t0);
  await Promise.all([
    applyMigrations(CONFIG.project, persist.project),
    applyMigrations(CONFIG.minimal, persist.minimal),
    applyMigrations(countingConfig, persist.counting).then(() =>
      seedReminders(countingConfig, persist.counting, reminderSeed),
    ),
  ]);

  log(
    'starting wrangler dev: the project, the API worker, hello world (plain and with assets), ' +
      'the minimal D1 worker, the counting worker…',
  );
  const logFile = (name: string) => join(work, `${name}.log`);
  const startAndKeep = (options: Parameters<typeof startDev>[0]) =>
    startDev(options).then((dev) => (devs.push(dev), dev));
  const [listWorkers, minimal, counting] = await Promise.all([
    startListWorkers(work, persist.project, devs),
    startAndKeep({
      name: 'minimal-d1',
      config: CONFIG.minimal,
      persistTo: persist.minimal,
      logFile: logFile('minimal-d1'),
    }),
    startAndKeep({
      name: 'counting',
      config: countingConfig,
      persistTo: persist.counting,
      vars: PROJECT_VARS,
      logFile: logFile('counting'),
      readyPath: '/api/v1/series/-',
    }),
  ]);
  const project = listWorkers.single;

  log('seeding the rush series through the admin API…');
  const rushIds = await seedSeries(project.url, 'bench-rush', {
    count: SETTINGS.rush.workshops,
    capacity: SETTINGS.rush.capacity,
  });
  const minimalIds = Array.from({ length: SETTINGS.rush.workshops }, (_, i) => `bench-rush-${i}`);
  const put = await fetch(`${minimal.url}/workshops`, {
    method: 'PUT',
    body: JSON.stringify({
      workshops: minimalIds.map((id) => ({ id, capacity: SETTINGS.rush.capacity })),
    }),
  });
  if (put.status !== 201) throw new Error(`minimal-d1 setup answered ${put.status}`);

  log(
    `(a) GET /api/v1/series/:slug, the API worker vs hello world, the single worker vs hello ` +
      `world with the project's assets, ${SETTINGS.list.concurrency} connections, through ` +
      `wrangler dev and then straight to workerd…`,
  );
  const list = await benchList(listWorkers, LIST_SLUG, SETTINGS.list);

  log(`(d) the widget in Chromium, ${SETTINGS.widget.runs} navigations…`);
  const widget = await benchWidget(project.url, LIST_SLUG, SETTINGS.widget);

  const rushSettings: RushSettings = SETTINGS.rush;
  log(
    `(b) the rush on the project: ${rushSettings.registrations} registrations, ${rushSettings.clients} clients…`,
  );
  // Straight to the runtime, a connection per request: see lib/direct.ts for why.
  const projectDirect = (await directUrl(project, '/api/v1/series/bench-rush')) ?? project.url;
  const minimalDirect = (await directUrl(minimal, '/workshops')) ?? minimal.url;
  const direct = projectDirect !== project.url && minimalDirect !== minimal.url;
  log(`(b) rush ${direct ? 'straight to the runtime workerd' : 'through wrangler dev'}`);
  const projectRush = await withCpu(project, () =>
    rush(
      direct ? projectDirect : project.url,
      'bench-rush',
      rushPlan(rushSettings, rushIds, 'project'),
      () =>
        d1Execute<HeldSeats>(CONFIG.project, persist.project, {
          command: heldSeatsSql(
            `WHERE w.series_id = (SELECT id FROM series WHERE slug = 'bench-rush')`,
            `AND s.status = 'held'`,
          ),
        }),
      direct,
    ),
  );
  log('(b) the same rush on the minimal D1 worker…');
  const minimalRush = await withCpu(minimal, () =>
    rush(
      direct ? minimalDirect : minimal.url,
      'bench-rush',
      rushPlan(rushSettings, minimalIds, 'minimal'),
      () =>
        d1Execute<HeldSeats>(CONFIG.minimal, persist.minimal, { command: heldSeatsSql('', '') }),
      direct,
    ),
  );

  log(
    `(c) reminders: ${SETTINGS.reminders.registrations} due, the cron every 15 simulated minutes…`,
  );
  const reminders = await benchReminders(counting, SETTINGS.reminders, t0);

  log('D1 round trips per request, counted one request at a time…');
  const d1 = await countD1(counting, SETTINGS.d1Samples);

  const perRequest = (r: {
    result: RushResult;
    cpu: CpuSplit | null;
    generatorCpu: number;
    load: [number, number];
  }) => ({
    ...r.result,
    cpuMsPerRequest: r.cpu && {
      runtime: (r.cpu.runtime * 1000) / r.result.requests,
      proxy: (r.cpu.proxy * 1000) / r.result.requests,
      wrangler: (r.cpu.wrangler * 1000) / r.result.requests,
      generator: (r.generatorCpu * 1000) / r.result.requests,
    },
    loadAverage: r.load,
  });
  const results: Results = {
    kind: quick ? 'quick' : 'full',
    date: new Date().toISOString(),
    machine,
    settings: SETTINGS,
    list,
    rush: {
      settings: rushSettings,
      direct,
      project: perRequest(projectRush),
      minimal: perRequest(minimalRush),
    },
    d1,
    reminders,
    widget,
    wallSeconds: 0,
  };
  await Promise.all(devs.map((d) => d.stop()));
  devs.length = 0;
  results.wallSeconds = (performance.now() - started) / 1000;
  printReport(results);
  if (!quick) {
    writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
    log('wrote bench/results.json');
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await Promise.all(devs.map((d) => d.stop()));
  rmSync(DEV_REGISTRY, { recursive: true, force: true });
  if (failed || keepLogs) log(`wrangler logs kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
  process.exitCode = failed ? 1 : 0;
}
