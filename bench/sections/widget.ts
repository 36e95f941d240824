import { createServer, type Server } from 'node:http';
import { chromium, type BrowserContext } from 'playwright-core';
import { bundleSize } from '../../widget/scripts/bundle-size';
import { CHROMIUM } from '../lib/machine';
import { percentile } from '../lib/load';

export interface WidgetRun {
  /** Navigation start → the workshop list is in the widget's shadow DOM. */
  listMs: number;
  /** The series response's last byte (Resource Timing responseEnd) → the list is in the DOM. */
  afterApiMs: number;
  /** …of which: responseEnd → the widget's `response.json()` resolved. */
  jsonMs: number;
  /** …and: JSON in hand → the list is in the DOM (state update, locale, render). */
  renderMs: number;
  /** Navigation start → the series request started (the module has run by then). */
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
  p90: { listMs: number; afterApiMs: number };
  all: WidgetRun[];
}

/**
 * The host page: the README's embed on a page of another origin, as on a municipality's site
 * (the widget's script and API come from the worker's origin).
 */
const hostPage = (workerUrl: string, series: string) => `<!doctype html>
<html lang="sk">
  <head>
    <meta charset="utf-8" />
    <title>Benchmark host page</title>
    <script type="module" src="${workerUrl}/workshop-signup.js"></script>
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
  const bench = (window.__bench = { listAt: 0, readyAt: 0, jsonAt: 0 });
  addEventListener('workshop-signup-ready', () => { bench.readyAt = performance.now(); });
  const nativeFetch = window.fetch;
  window.fetch = function (input, init) {
    const answer = nativeFetch.call(this, input, init);
    if (!String(input && input.url ? input.url : input).includes('/api/v1/series/')) return answer;
    return answer.then((response) => {
      const json = response.json;
      response.json = function () {
        return json.call(this).then((value) => { bench.jsonAt = performance.now(); return value; });
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
        }
      };
      new MutationObserver(seen).observe(root, { childList: true, subtree: true });
    }
    return root;
  };
})();`;

interface PageTimes {
  listAt: number;
  readyAt: number;
  jsonAt: number;
  api: { startTime: number; responseEnd: number };
}

/** One navigation in `context` to the host page, until the list is in the widget's shadow DOM. */
async function navigate(context: BrowserContext, url: string): Promise<PageTimes> {
  const page = await context.newPage();
  await page.addInitScript(INIT_SCRIPT);
  await page.goto(url, { timeout: 20_000 });
  // These functions run in the page: they cannot use anything from this module.
  await page.waitForFunction(
    () => (window as unknown as { __bench: PageTimes }).__bench.listAt > 0,
    null,
    { timeout: 20_000 },
  );
  const times = await page.evaluate(() => {
    const api = performance
      .getEntriesByType('resource')
      .find((e) => e.name.includes('/api/v1/series/')) as PerformanceResourceTiming | undefined;
    return {
      ...(window as unknown as { __bench: Omit<PageTimes, 'api'> }).__bench,
      api: api ? { startTime: api.startTime, responseEnd: api.responseEnd } : null,
    };
  });
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

/**
 * (d) The widget's gzip size, and navigation → workshop list rendered in Chromium: each run in a
 * fresh browser context (an empty cache, like a first visit), the first `warmup` runs not counted.
 */
export async function benchWidget(
  workerUrl: string,
  series: string,
  { runs, warmup }: { runs: number; warmup: number },
): Promise<WidgetResult> {
  const bytes = bundleSize();
  const { server, url } = await serve(hostPage(workerUrl, series));
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
  const all: WidgetRun[] = [];
  let failed = 0;
  try {
    for (let i = 0; i < warmup + runs; i++) {
      const context = await browser.newContext();
      let times: PageTimes;
      try {
        times = await navigate(context, url);
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
      const api = times.api;
      all.push({
        listMs: times.listAt,
        afterApiMs: times.listAt - api.responseEnd,
        jsonMs: times.jsonAt - api.responseEnd,
        renderMs: times.listAt - times.jsonAt,
        apiStartMs: api.startTime,
        apiMs: api.responseEnd - api.startTime,
        readyMs: times.readyAt,
      });
    }
  } finally {
    await browser.close();
    server.close();
  }
  const pick = (key: keyof WidgetRun) => all.map((r) => r[key]);
  const sorted = (key: keyof WidgetRun) => pick(key).sort((a, b) => a - b);
  return {
    bytes,
    runs,
    failedRuns: failed,
    median: {
      listMs: median(pick('listMs')),
      afterApiMs: median(pick('afterApiMs')),
      jsonMs: median(pick('jsonMs')),
      renderMs: median(pick('renderMs')),
      apiStartMs: median(pick('apiStartMs')),
      apiMs: median(pick('apiMs')),
      readyMs: median(pick('readyMs')),
    },
    p90: {
      listMs: percentile(sorted('listMs'), 90),
      afterApiMs: percentile(sorted('afterApiMs'), 90),
    },
    all,
  };
}
