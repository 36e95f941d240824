/**
 * `npm run bench:widget-cpu -- FILE…`: reads Chromium traces that `npm run bench:widget --
 * --trace FILE --trace-each` recorded and prints, per trace and as medians, the page's main-thread
 * CPU time (the trace's thread clock, `tdur`) from the API response being the widget's to the list
 * in the DOM, and from there to the list painted, next to the wall-clock times. On a machine other
 * work keeps busy, wall-clock times mostly measure the wait for a core; CPU time measures what the
 * widget made the page do, so two builds compare on it even then.
 *
 * The moments are the bench's own (sections/widget.ts): its user-timing marks `bench:defined`,
 * `bench:json`, `bench:list` and `bench:painted`, and the series request's end (its ResourceFinish).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface Figures {
  /** arrived → list in the DOM: wall ms, CPU ms. */
  toListWall: number;
  toListCpu: number;
  /** list in the DOM → painted. */
  toPaintWall: number;
  toPaintCpu: number;
  /** …of which style, layout and paint (CPU ms), the whole page's. */
  styleCpu: number;
  layoutCpu: number;
  paintCpu: number;
  /**
   * Frames the page committed after the response was the widget's and before the list was in the
   * DOM: frames that could have shown the list and did not (0: the list is in the first frame
   * after its data, issue 11's "same frame"). Read from the trace, which, unlike a
   * requestAnimationFrame loop in the page, asks for no frame of its own.
   */
  framesBetween: number;
  /**
   * …counted instead from when the page itself had the whole response (its loader's
   * ResourceFinish on the main thread): the browser hands the answer from its network process to
   * the page in tasks of their own, and a frame the page draws in between falls before the widget
   * could have had the data.
   */
  framesAfterReceipt: number;
  /**
   * …counted from the network's last byte again, but leaving out the first frame after the
   * widget's script defined its element: on localhost the answer is in before that script's task
   * ends, and the page draws the frame that task leaves due (its load) before any script can
   * take an answer. 0: the widget drew no frame of its own without the list.
   */
  framesBesidesScripts: number;
}

function analyse(file: string): Figures {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as
    TraceEvent[] | { traceEvents: TraceEvent[] };
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mainThread = events.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  if (!mainThread) throw new Error(`${file}: no renderer main thread`);
  const main = events.filter((e) => e.pid === mainThread.pid && e.tid === mainThread.tid);
  const mark = (name: string) => {
    const found = events.find((e) => e.name === name && e.ph !== 'M');
    if (!found) throw new Error(`${file}: no ${name} mark`);
    return found.ts;
  };
  const finish = events.find(
    (e) =>
      e.name === 'ResourceFinish' &&
      e.pid === mainThread.pid &&
      events.some(
        (s) =>
          s.name === 'ResourceSendRequest' &&
          s.args?.data?.requestId === e.args?.data?.requestId &&
          String(s.args?.data?.url).includes('/api/v1/series/'),
      ),
  );
  // As the bench: the later of the response's end and the script's defining its element.
  const defined = mark('bench:defined');
  const responseEnd = finish ? Number(finish.args!.data!.finishTime) * 1e6 : 0;
  const arrived = Math.max(responseEnd, defined);
  const received = Math.max(finish?.ts ?? 0, defined);
  const list = mark('bench:list');
  const scriptsFrame = main
    .filter((e) => e.name === 'Commit' && e.ts > defined)
    .sort((a, b) => a.ts - b.ts)[0];
  const painted = mark('bench:painted');

  // Top-level tasks: those not inside another complete event on the thread.
  const complete = main
    .filter((e) => e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tops: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of complete) {
    if (e.ts >= end) {
      tops.push(e);
      end = e.ts + e.dur!;
    }
  }
  /** CPU ms of the thread between `from` and `to`, a task straddling either end pro rata. */
  const cpu = (from: number, to: number, of: TraceEvent[] = tops) =>
    of.reduce((sum, e) => {
      const overlap = Math.min(to, e.ts + e.dur!) - Math.max(from, e.ts);
      if (overlap <= 0 || !e.dur) return sum;
      return sum + ((e.tdur ?? e.dur) * overlap) / e.dur;
    }, 0) / 1000;
  const named = (...names: string[]) => complete.filter((e) => names.includes(e.name));
  return {
    toListWall: (list - arrived) / 1000,
    toListCpu: cpu(arrived, list),
    toPaintWall: (painted - list) / 1000,
    toPaintCpu: cpu(list, painted),
    styleCpu: cpu(list, painted, named('UpdateLayoutTree')),
    layoutCpu: cpu(list, painted, named('Layout')),
    paintCpu: cpu(list, painted, named('PrePaint', 'Paint')),
    framesBetween: named('Commit').filter((e) => e.ts > arrived && e.ts < list).length,
    framesBesidesScripts: named('Commit').filter(
      (e) => e.ts > arrived && e.ts < list && e !== scriptsFrame,
    ).length,
    framesAfterReceipt: named('Commit').filter((e) => e.ts > received && e.ts < list).length,
  };
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run bench:widget-cpu -- TRACE.json…');
  process.exit(2);
}
const all = files.map((file) => ({ file, figures: analyse(file) }));
const keys = Object.keys(all[0]!.figures) as (keyof Figures)[];
const line = (name: string, f: Figures) =>
  `${name.padEnd(28)} ${keys.map((k) => `${k} ${f[k].toFixed(1)}`).join(', ')}`;
for (const { file, figures } of all) console.log(line(basename(file), figures));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const count = (key: 'framesBetween' | 'framesAfterReceipt' | 'framesBesidesScripts') =>
  all.filter((a) => a.figures[key] === 0).length;
console.log(
  `the list in the first frame after its data: ${count('framesBetween')} of ${all.length}; ` +
    `after the page had it: ${count('framesAfterReceipt')} of ${all.length}; ` +
    `no frame but the one ending the script's task: ${count('framesBesidesScripts')} of ${all.length}`,
);
console.log(
  line(
    `median of ${all.length}`,
    Object.fromEntries(
      keys.map((k) => [k, median(all.map((a) => a.figures[k]))]),
    ) as unknown as Figures,
  ),
);
