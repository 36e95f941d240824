import { createServer, type Server } from 'node:http';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { bundleSize } from '../../widget/scripts/bundle-size';
import { CHROMIUM } from '../lib/machine';
import { percentile } from '../lib/load';

export interface WidgetRun {
  /** Navigation start → the workshop list is in the widget's shadow DOM. */
  listMs: number;
  /**
   * The response is the widget's → the list is in the DOM: from the series response's last byte
   * (Resource Timing responseEnd), or from the script's call to define its element (which
   * connects the page's elements) if a preload (or the script's own early request) had it all
   * before that.
   */
  afterApiMs: number;
  /** …of which: that moment → the widget's `response.json()` resolved. */
  jsonMs: number;
  /**
   * That moment → the widget's `fetch()` resolves: the response's headers are the page's script's
   * (its body follows). On localhost the response is complete while the script's task still runs,
   * and the browser first draws the frame that task leaves due. Over an emulated link the headers
   * may be handed over before the last byte: then this is negative.
   */
  handOverMs: number;
  /** …and: JSON in hand → the list is in the DOM (state update, locale, render). */
  renderMs: number;
  /** The list in the DOM → the next frame has laid it out and painted it. */
  paintMs: number;
  /** The response is the widget's (as above) → the list is painted: what a person sees. */
  paintedAfterApiMs: number;
  /** Navigation start → the series request started (the module has run by then, unless preloaded). */
  apiStartMs: number;
  /** The series request's duration (start → responseEnd). */
  apiMs: number;
  /** Navigation start → `workshop-signup-ready`. */
  readyMs: number;
}

export interface WidgetResult {
  bytes: { raw: number; gzip: number; brotli: number };
  runs: number;
  /** Navigations that never showed the list (within 20 s) and were repeated. */
  failedRuns: number;
  median: WidgetRun;
  p90: { listMs: number; afterApiMs: number; paintedAfterApiMs: number; renderMs: number };
  all: WidgetRun[];
  /** The same with the snippet's `<link rel="preload" as="fetch">` of the list in the page's head. */
  preloaded?: Series;
  /**
   * The plain embed over a link with `latencyMs` of latency per request (Chromium's network
   * emulation), as a visitor on a phone or across the country: on localhost the API answers before
   * the widget's script has even run, so only here does the answer come to a widget waiting for it.
   */
  overLink?: Series & { latencyMs: number };
}

type Series = Omit<WidgetResult, 'bytes' | 'preloaded' | 'overLink'>;

/**
 * The host page: the README's embed on a page of another origin, as on a municipality's site
 * (the widget's script and API come from the worker's origin).
 */
const hostPage = (
  workerUrl: string,
  series: string,
  preload: boolean,
  script: string,
) => `<!doctype html>
<html lang="sk">
  <head>
    <meta charset="utf-8" />
    <title>Benchmark host page</title>${
      preload
        ? `\n    <link rel="preload" as="fetch" crossorigin="anonymous" href="${workerUrl}/api/v1/series/${series}" />`
        : ''
    }
    <script type="module" src="${workerUrl}/${script}"></script>
  </head>
  <body>
    <h1>Workshopy</h1>
    <workshop-signup series="${series}"></workshop-signup>
  </body>
</html>`;

/**
 * Runs in the page before any of its scripts, on the page's clock (navigation start = 0): watches
 * every shadow root the widget attaches for the workshop list, and notes when the widget's series
 * request resolved and its JSON was parsed (fetch and Response.json wrapped, nothing else changed).
 */
const INIT_SCRIPT = `(() => {
  const bench = (window.__bench = { listAt: 0, paintAt: 0, readyAt: 0, definedAt: 0, jsonAt: 0, handedAt: 0 });
  // The widget's script asks to define its element: its own set-up is done, and defining it
  // connects the page's elements. Marked for the traces too (bench:widget-cpu): the frame the
  // page draws next is the one that ends the script's task.
  const define = customElements.define;
  customElements.define = function (name, ...rest) {
    if (name === 'workshop-signup' && !bench.definedAt) {
      bench.definedAt = performance.now();
      performance.mark('bench:defined');
    }
    return define.call(this, name, ...rest);
  };
  addEventListener('workshop-signup-ready', () => { bench.readyAt = performance.now(); });
  const nativeFetch = window.fetch;
  window.fetch = function (input, init) {
    const answer = nativeFetch.call(this, input, init);
    if (!String(input && input.url ? input.url : input).includes('/api/v1/series/')) return answer;
    return answer.then((response) => {
      if (!bench.handedAt) {
        bench.handedAt = performance.now();
        performance.mark('bench:handed');
      }
      const json = response.json;
      response.json = function () {
        return json.call(this).then((value) => { bench.jsonAt = performance.now(); performance.mark('bench:json'); return value; });
      };
      return response;
    });
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.localName === 'workshop-signup') {
      const seen = () => {
        if (!bench.listAt && root.querySelector('[part~="workshop-list"] [part~="workshop"]')) {
          bench.listAt = performance.now();
          performance.mark('bench:list');
          // The next frame's style, layout and paint run right after its animation-frame
          // callbacks, in the same task: a message posted from one arrives once they are done.
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              bench.paintAt = performance.now();
              performance.mark('bench:painted');
              console.debug('bench: painted');
            };
            channel.port2.postMessage(0);
          });
        }
      };
      new MutationObserver(seen).observe(root, { childList: true, subtree: true });
    }
    return root;
  };
})();`;

interface PageTimes {
  listAt: number;
  paintAt: number;
  readyAt: number;
  /** The script called customElements.define for the element: the widget's code has run. */
  definedAt: number;
  jsonAt: number;
  /** The widget's `fetch()` of the series resolved: the page's script has the response's headers. */
  handedAt: number;
  api: { startTime: number; responseEnd: number };
}

/** One navigation in `context` to the host page, until the list is in the widget's shadow DOM. */
async function navigate(
  context: BrowserContext,
  url: string,
  { trace, latencyMs }: { trace?: string; latencyMs?: number },
): Promise<PageTimes> {
  const page = await context.newPage();
  await page.addInitScript(INIT_SCRIPT);
  if (latencyMs) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: latencyMs,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
  }
  const browser = context.browser()!;
  if (trace) await browser.startTracing(page, { path: trace, screenshots: true });
  // The page says when it is done: polling it (waitForFunction) would run Playwright's scripts in
  // the page while the widget works, and they take the main thread for tens of milliseconds.
  const painted = page.waitForEvent('console', {
    predicate: (message) => message.text() === 'bench: painted',
    timeout: 20_000,
  });
  await page.goto(url, { timeout: 20_000 });
  await painted;
  // This function runs in the page: it cannot use anything from this module.
  const times = await page.evaluate(() => {
    const api = performance
      .getEntriesByType('resource')
      .find((e) => e.name.includes('/api/v1/series/')) as PerformanceResourceTiming | undefined;
    return {
      ...(window as unknown as { __bench: Omit<PageTimes, 'api'> }).__bench,
      api: api ? { startTime: api.startTime, responseEnd: api.responseEnd } : null,
    };
  });
  if (trace) await browser.stopTracing();
  if (!times.api) throw new Error('No Resource Timing entry for the series request');
  return { ...times, api: times.api };
}

function serve(html: string): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = createServer((_req, res) => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(html);
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    });
  });
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/** `runs` navigations to `url`, each in a fresh browser context, after `warmup` not counted. */
async function measure(
  browser: Browser,
  url: string,
  {
    runs,
    warmup,
    trace,
    traceEach,
    latencyMs,
  }: { runs: number; warmup: number; trace?: string; traceEach?: boolean; latencyMs?: number },
): Promise<Series> {
  const all: WidgetRun[] = [];
  let failed = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const context = await browser.newContext();
    let times: PageTimes;
    try {
      // The trace: of the last run, when the caches of the machine (not the browser's) are warm;
      // or of every counted run, FILE.1.json…, to compare CPU time on a busy machine.
      const path =
        traceEach && i >= warmup
          ? trace?.replace(/(\.json)?$/, `.${i - warmup + 1}.json`)
          : undefined;
      times = await navigate(context, url, {
        trace: i === warmup + runs - 1 && !traceEach ? trace : path,
        latencyMs,
      });
    } catch (error) {
      // wrangler dev's proxy can lose a GET whose connection to the worker was reset (it waits
      // for a reload that never comes): the page never loads. Counted, not fatal.
      failed++;
      console.error(
        `widget run ${i + 1}: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
      );
      if (failed > runs)
        throw new Error('The widget page failed to load again and again', { cause: error });
      i--;
      continue;
    } finally {
      await context.close();
    }
    if (i < warmup) continue;
    // Preloaded (or on localhost), the response may be complete before the element exists:
    // from then on. (The shadow root is attached only at the first render, so not from that.)
    const arrived = Math.max(times.api.responseEnd, times.definedAt);
    all.push({
      listMs: times.listAt,
      afterApiMs: times.listAt - arrived,
      jsonMs: times.jsonAt - arrived,
      handOverMs: times.handedAt - arrived,
      renderMs: times.listAt - times.jsonAt,
      paintMs: times.paintAt - times.listAt,
      paintedAfterApiMs: times.paintAt - arrived,
      apiStartMs: times.api.startTime,
      apiMs: times.api.responseEnd - times.api.startTime,
      readyMs: times.readyAt,
    });
  }
  const pick = (key: keyof WidgetRun) => all.map((r) => r[key]);
  const sorted = (key: keyof WidgetRun) => pick(key).sort((a, b) => a - b);
  const keys = Object.keys(all[0]!) as (keyof WidgetRun)[];
  return {
    runs,
    failedRuns: failed,
    median: Object.fromEntries(keys.map((k) => [k, median(pick(k))])) as unknown as WidgetRun,
    p90: {
      listMs: percentile(sorted('listMs'), 90),
      afterApiMs: percentile(sorted('afterApiMs'), 90),
      paintedAfterApiMs: percentile(sorted('paintedAfterApiMs'), 90),
      renderMs: percentile(sorted('renderMs'), 90),
    },
    all,
  };
}

/**
 * (d) The widget's gzip size, and navigation → workshop list rendered in Chromium: each run in a
 * fresh browser context (an empty cache, like a first visit), the first `warmup` runs not counted;
 * once with the README's plain embed, once with the snippet's preload of the list, and once with
 * the plain embed over a link with `latencyMs` of latency (0: not at all).
 */
export async function benchWidget(
  workerUrl: string,
  series: string,
  {
    runs,
    warmup,
    trace,
    traceEach,
    script = 'workshop-signup.js',
    latencyMs = 40,
  }: {
    runs: number;
    warmup: number;
    trace?: string;
    traceEach?: boolean;
    script?: string;
    latencyMs?: number;
  },
): Promise<WidgetResult> {
  const bytes = bundleSize();
  const plain = await serve(hostPage(workerUrl, series, false, script));
  const preloading = await serve(hostPage(workerUrl, series, true, script));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  try {
    const result = await measure(browser, plain.url, { runs, warmup, trace, traceEach });
    const preloaded = await measure(browser, preloading.url, {
      runs,
      warmup,
      trace: trace?.replace(/(\.json)?$/, '.preloaded.json'),
      traceEach,
    });
    const overLink = latencyMs
      ? {
          latencyMs,
          ...(await measure(browser, plain.url, {
            runs,
            warmup,
            trace: trace?.replace(/(\.json)?$/, '.link.json'),
            traceEach,
            latencyMs,
          })),
        }
      : undefined;
    return { bytes, ...result, preloaded, overLink };
  } finally {
    await browser.close();
    plain.server.close();
    preloading.server.close();
  }
}
