import type { D1Counts } from '../sections/d1-counts';
import type { ListResult, ListRow, ListRows } from '../sections/list';
import type { ReminderResult } from '../sections/reminders';
import type { RushResult, RushSettings } from '../sections/rush';
import type { WidgetResult } from '../sections/widget';
import type { Machine } from './machine';

export interface RushRow extends RushResult {
  /** CPU per rush request of the worker's workerd (with local D1's SQLite), wrangler's proxy, wrangler, and this generator. */
  cpuMsPerRequest: { runtime: number; proxy: number; wrangler: number; generator: number } | null;
  /** 1-minute load average before and after. */
  loadAverage: [number, number];
}

export interface Results {
  kind: 'full' | 'quick';
  date: string;
  machine: Machine;
  settings: unknown;
  list: ListResult;
  rush: {
    settings: RushSettings;
    /** Sent straight to the runtime workerd, a connection per request (lib/direct.ts). */
    direct?: boolean;
    project: RushRow;
    minimal: RushRow;
  };
  d1: D1Counts;
  reminders: ReminderResult;
  widget: WidgetResult;
  wallSeconds: number;
}

/** One frame at 60 Hz. */
const FRAME_MS = 1000 / 60;

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);
const one = (n: number) => n.toFixed(1).replace(/\.0$/, '');
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function rushCell(r: RushRow): string {
  return (
    `${int(r.accepted)} accepted, ${int(r.refusedFull)} full, **${int(r.errors)} errors**, ` +
    `${int(r.oversold)} oversold; p50 ${ms(r.p50)}, p99 ${ms(r.p99)}; ` +
    `${int(r.requestsPerSecond)} req/s, ${one(r.acceptedPerSecond)} accepted/s`
  );
}

const cpuCell = (r: RushRow) =>
  r.cpuMsPerRequest ? `${one(r.cpuMsPerRequest.runtime)} ms` : 'n/a (no /proc)';

function d1Cell(d: D1Counts['registration']): string {
  const { beforeResponse: b, afterResponse: a } = d;
  return (
    `${one(b.roundTrips)} before the response + ${one(a.roundTrips)} after it ` +
    `(${one(b.statements + a.statements)} statements)`
  );
}

function reminderCell(r: ReminderResult): string {
  const how = r.done
    ? `all ${int(r.sent)} handed over in ${r.runs} cron run${r.runs === 1 ? '' : 's'} (${one(r.cronHours)} h of cron time)`
    : `${int(r.sent)} of ${int(r.due)} handed over in ${r.runs} runs (${one(r.cronHours)} h of cron time), ` +
      `then stopped: ${r.stoppedBecause}; at that rate all need ${r.runsNeeded} runs ` +
      `(${one(r.cronHoursNeeded)} h)`;
  return (
    `${how}; ${int(r.sentInTime)} before their workshop; first run ${int(r.sentByFirstRun)}; ` +
    `${one(r.d1PerReminder.roundTrips)} D1 round trips (${one(r.d1PerReminder.statements)} statements) per reminder`
  );
}

const listCpu = (name: string, row: ListRow) =>
  row.cpuMsPerRequest
    ? `; CPU per request ${name}: worker workerd ${row.cpuMsPerRequest.runtime.toFixed(2)} ms, ` +
      `proxy workerd ${row.cpuMsPerRequest.proxy.toFixed(2)} ms`
    : '';

/**
 * The list's rows of the table: the API worker against hello world (the headline), then the
 * single worker (wrangler.jsonc, behind its assets router) for comparison; through wrangler dev,
 * then straight to workerd.
 */
export function listTableRows(list: ListResult): string[] {
  const { concurrency, seconds } = list.settings;
  const figure = (which: string, how: string) =>
    `| \`GET /api/v1/series/:slug\` (10 workshops), ${which}, ${concurrency} connections, ${seconds} s, ${how} | `;
  const cell = (r: ListRow) => `${int(r.perSecond)} req/s, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}`;
  const rows = (how: string, l: ListRows) => [
    figure('API worker (`wrangler.api.jsonc`, no static assets)', how) +
      `${cell(l.project)} | hello world: ${cell(l.hello)} (**ratio ${l.ratio.toFixed(2)}**) |`,
    figure('single worker (`wrangler.jsonc`, behind its assets router)', how) +
      `${cell(l.single)} (ratio ${l.singleRatio.toFixed(2)} to plain hello world) | ` +
      `hello world with the project's static-assets config: ${cell(l.helloAssets)} ` +
      `(ratio ${l.ratioToHelloAssets.toFixed(2)}) |`,
  ];
  return [
    ...rows('through wrangler dev', list),
    ...(list.direct ? rows('straight to workerd', list.direct) : []),
  ];
}

export function listDetails(how: string, l: ListRows): string[] {
  return [
    `- list ${how}: answers API worker ${JSON.stringify(l.project.statuses)}, ` +
      `single worker ${JSON.stringify(l.single.statuses)}, ` +
      `hello ${JSON.stringify(l.hello.statuses)}, hello with assets ${JSON.stringify(l.helloAssets.statuses)}` +
      listCpu('API worker', l.project) +
      listCpu('single worker', l.single) +
      listCpu('hello world', l.hello) +
      listCpu('hello world with assets', l.helloAssets),
  ];
}

/** The widget's own part of that: the parsed JSON in hand → the list in the DOM. */
const ownPart = (o: Pick<WidgetResult, 'median' | 'p90'>) =>
  `of which the widget's own work (JSON in hand → list) ${ms(o.median.renderMs)} (p90 ${ms(o.p90.renderMs)})`;

/** The widget over a link with latency: the API's answer comes to a widget waiting for it. */
function overLinkRow(o: NonNullable<WidgetResult['overLink']>): string {
  return (
    `| the same over a ${o.latencyMs} ms link (Chromium's network emulation), median of ${o.runs} | ` +
    `navigation → list ${ms(o.median.listMs)}; API response → list in the DOM ${ms(o.median.afterApiMs)} ` +
    `(p90 ${ms(o.p90.afterApiMs)}), ${ownPart(o)}; painted ${ms(o.median.paintedAfterApiMs)} (p90 ${ms(o.p90.paintedAfterApiMs)}) | ` +
    `one frame: ${one(FRAME_MS)} ms at 60 Hz |`
  );
}

/** The summary table (Markdown, to paste into the README) and the details under it. */
export function printReport(r: Results): void {
  const m = r.machine;
  const rush = r.rush.settings;
  const w = r.widget;
  const lines = [
    '',
    `## workshop-signup benchmark (${r.kind} run, ${r.date})`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node}; wrangler ${m.wrangler} ` +
      `(workerd ${m.workerd}); ${m.chromium}. Load average at start: ${m.loadAtStart.toFixed(2)}.`,
    '',
    '| figure | this project | reference on the same runtime |',
    '|---|---|---|',
    ...listTableRows(r.list),
    `| rush: ${int(rush.registrations)} registrations from ${rush.clients} clients over ` +
      `${rush.workshops} workshops × ${rush.capacity} seats` +
      `${r.rush.direct ? ' (straight to workerd, a connection per request)' : ' (through wrangler dev)'} | ${rushCell(r.rush.project)} | ` +
      `minimal D1 worker: ${rushCell(r.rush.minimal)} |`,
    `| worker CPU per rush request (workerd running the worker and local D1) | ${cpuCell(r.rush.project)} | ` +
      `${cpuCell(r.rush.minimal)} |`,
    `| D1 round trips per registration (counted, one at a time) | ${d1Cell(r.d1.registration)} | 3 (count, insert batch, select) |`,
    `| join-link reminders, ${int(r.reminders.due)} due, cron every 15 min | ${reminderCell(r.reminders)} | ` +
      `due: all within one cron interval |`,
    `| widget: \`workshop-signup.js\` | ${kib(w.bytes.gzip)} gzip (${kib(w.bytes.raw)} raw, ${kib(w.bytes.brotli)} brotli) | — |`,
    `| navigation → workshop list rendered, Chromium, median of ${w.runs} | ${ms(w.median.listMs)} ` +
      `(p90 ${ms(w.p90.listMs)}); the list is in the DOM ${ms(w.median.afterApiMs)} after the API response ` +
      `(p90 ${ms(w.p90.afterApiMs)}), ${ownPart(w)} | the floor: the API round trip ` +
      `(${ms(w.median.apiMs)}) after the module runs (request starts at ${ms(w.median.apiStartMs)}) |`,
    ...(w.overLink ? [overLinkRow(w.overLink)] : []),
    '',
    `One run took ${Math.floor(r.wallSeconds / 60)} min ${Math.round(r.wallSeconds % 60)} s.`,
    '',
    'Details:',
  ];
  for (const [name, row] of [
    ['project', r.rush.project],
    ['minimal D1 worker', r.rush.minimal],
  ] as const) {
    const kinds = Object.entries(row.errorKinds)
      .map(([kind, n]) => `${n} × ${kind}`)
      .join('; ');
    const other = Object.entries(row.other)
      .map(([status, n]) => `${n} × ${status}`)
      .join(', ');
    const cpu = row.cpuMsPerRequest;
    lines.push(
      `- rush, ${name}: ${row.requests} requests in ${row.seconds.toFixed(1)} s` +
        (kinds ? `; errors: ${kinds}` : '') +
        (other ? `; other answers: ${other}` : '') +
        `; seats held ${row.seats.reduce((s, w) => s + w.held, 0)} (accepted answers promised ${row.seatsAccepted}, ` +
        `held without an answer ${row.seatsWithoutAnswer})` +
        (cpu
          ? `; CPU per request: worker workerd ${one(cpu.runtime)} ms, proxy workerd ${one(cpu.proxy)} ms, ` +
            `wrangler ${one(cpu.wrangler)} ms, load generator ${one(cpu.generator)} ms`
          : '') +
        `; load average ${row.loadAverage[0].toFixed(1)} → ${row.loadAverage[1].toFixed(1)}`,
    );
  }
  for (const [name, d] of [
    ['list', r.d1.list],
    ['registration (201)', r.d1.registration],
    ['registration refused as full (409)', r.d1.refusedFull],
  ] as const) {
    lines.push(
      `- D1 per ${name}: before the response ${one(d.beforeResponse.roundTrips)} round trips, ` +
        `${one(d.beforeResponse.statements)} statements; ` +
        `after it ${one(d.afterResponse.roundTrips)} round trips, ${one(d.afterResponse.statements)} statements` +
        (d.runtimeCpuMs === null
          ? ''
          : `; worker workerd CPU ${one(d.runtimeCpuMs)} ms per request`),
    );
  }
  const rem = r.reminders;
  lines.push(
    `- reminders: ${rem.runs} cron runs, median ${ms(rem.runMsMedian)} each, ${one(rem.runSecondsTotal)} s of runs, ` +
      `${one(rem.wallSeconds)} s wall; D1 in all runs: ${int(rem.d1.roundTrips)} round trips, ` +
      `${int(rem.d1.statements)} statements`,
    `- widget, from the API response's end: → its headers handed to the page's script ${ms(w.median.handOverMs)}, → JSON parsed ${ms(w.median.jsonMs)}; JSON → list in the DOM ` +
      `${ms(w.median.renderMs)} (medians); list after API p90 ${ms(w.p90.afterApiMs)}; ready event ${ms(w.median.readyMs)}`,
    `- widget, on screen: list in the DOM → painted ${ms(w.median.paintMs)}; API response → list painted ` +
      `${ms(w.median.paintedAfterApiMs)} (p90 ${ms(w.p90.paintedAfterApiMs)}); with the snippet's preload: navigation → list ` +
      `${ms(w.preloaded?.median.listMs ?? NaN)}, element → list painted ${ms(w.preloaded?.median.paintedAfterApiMs ?? NaN)}`,
    ...listDetails('through wrangler dev', r.list),
    ...(r.list.direct ? listDetails('straight to workerd', r.list.direct) : []),
    '',
  );
  console.log(lines.join('\n'));
}
