import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import {
  createSeries,
  createWorkshop,
  expectError,
  postRegistration,
  seriesPath,
  unique,
  validRegistration,
} from '../support/fixtures';
import { acceptsGzip, listCacheKey } from '../../worker/src/http/list-cache';
import { ORIGIN, startTestWorker, type TestWorker } from '../support/worker';

/**
 * The public list's fast path (worker/src/http/list-fast-path.ts) answers in front of the Hono
 * app while the isolate holds a fresh copy of the list. Its answers must be the app's, header for
 * header. The app's answer for the very same state is the same request sent as a reload
 * (`Cache-Control: no-cache`), which the fast path never takes: it reads the data centre's cached
 * copy (the same body and ETag) through the app, and leaves this isolate's copy fresh, so the plain
 * request right after it is the fast path's.
 */

const SITE = 'https://www.obec-example.sk';

/**
 * Framing, not the answer: a gzipped body the fast path made once has a known length; the app's,
 * compressed on its way out (by Cloudflare's front line, here Miniflare's imitation of it), is
 * chunked.
 */
const FRAMING = new Set(['content-length', 'transfer-encoding']);

interface Answer {
  status: number;
  /** Decoded. */
  body: string;
  headers: [string, string][];
  /** Whether the body's length was known when it left the worker (the fast path's gzip is). */
  sized: boolean;
}

/** One GET over HTTP as a browser sees it (Miniflare's dispatchFetch would decode and rename). */
async function get(worker: TestWorker, slug: string, headers: Record<string, string>) {
  const url = new URL(seriesPath(slug), await worker.mf.ready);
  return new Promise<Answer>((resolve, reject) => {
    // The host the other requests (worker.fetch) use: the cache key and the 409's delete agree.
    request(url, { headers: { ...headers, host: new URL(ORIGIN).host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const gzipped = res.headers['content-encoding'] === 'gzip' && bytes.length > 0;
        const body = gzipped ? gunzipSync(bytes) : bytes;
        resolve({
          status: res.statusCode ?? 0,
          body: body.toString(),
          headers: Object.entries(res.headers)
            .filter(([name]) => !FRAMING.has(name))
            .map(([name, value]): [string, string] => [name, String(value)])
            .sort(([a], [b]) => a.localeCompare(b)),
          sized: res.headers['content-length'] !== undefined,
        });
      });
    })
      .on('error', reject)
      .end();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The list in this data centre's cache (the put runs after the first answer, in waitUntil). */
async function untilCached(worker: TestWorker, slug: string): Promise<void> {
  const cache = (await worker.mf.getCaches()).default;
  for (let i = 0; i < 250; i++) {
    const hit = await cache.match(listCacheKey(new URL(ORIGIN).origin, slug));
    if (hit) return void (await hit.arrayBuffer());
    await sleep(20);
  }
  assert.fail('the list never reached the Cache API');
}

/** The app's answer to `headers`, then the fast path's, for the same state. */
async function appThenFast(worker: TestWorker, slug: string, headers: Record<string, string>) {
  const app = await get(worker, slug, { ...headers, 'cache-control': 'no-cache' });
  const fast = await get(worker, slug, headers);
  return { app, fast };
}

/** Equal but for framing; for a gzipped 200, also shown to come from the fast path. */
function assertSame({ app, fast }: { app: Answer; fast: Answer }) {
  if (
    app.status === 200 &&
    app.headers.some(([n, v]) => n === 'content-encoding' && v === 'gzip')
  ) {
    assert.equal(app.sized, false, 'the app’s answer is compressed on its way out');
    assert.equal(fast.sized, true, 'the fast path’s answer was compressed before, once');
  }
  assert.deepEqual({ ...fast, sized: undefined }, { ...app, sized: undefined });
}

/** A browser's request headers. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };

let worker: TestWorker;
before(async () => {
  worker = await startTestWorker({}, { listCache: true });
});
after(() => worker.dispose());

/** A series with one workshop of `capacity` seats, its list read once and in the cache. */
async function listed(options: { allowed?: string[]; capacity?: number } = {}) {
  const slug = unique('fast');
  await createSeries(worker, slug, options.allowed ? { allowedOrigins: options.allowed } : {});
  const workshop = await createWorkshop(worker, slug, {
    startsInHours: 72,
    capacity: options.capacity ?? 3,
  });
  assert.equal((await get(worker, slug, BROWSER)).status, 200);
  await untilCached(worker, slug);
  return { slug, workshop };
}

const seatsLeft = (answer: Answer) =>
  (JSON.parse(answer.body) as { workshops: { seatsLeft: number }[] }).workshops[0]!.seatsLeft;

describe('the public list before the app: the same answers, header for header', () => {
  const cases: [string, Record<string, string>, string[] | undefined][] = [
    ['an allowed origin', { origin: SITE }, [SITE]],
    ['another origin (no CORS headers)', { origin: 'https://elsewhere.example' }, [SITE]],
    ['no origin, a series with an allowlist', {}, [SITE]],
    ['no origin, a series open to any site', {}, undefined],
    ['any origin, a series open to any site', { origin: 'https://elsewhere.example' }, undefined],
  ];
  for (const [what, headers, allowed] of cases) {
    test(what, async () => {
      const { slug } = await listed({ allowed });
      const answers = await appThenFast(worker, slug, { ...BROWSER, ...headers });
      assert.equal(answers.app.status, 200);
      assertSame(answers);
    });
  }

  test('no Accept-Encoding: the body uncompressed', async () => {
    const { slug } = await listed();
    const answers = await appThenFast(worker, slug, {});
    assert.equal(
      answers.app.headers.find(([n]) => n === 'content-encoding'),
      undefined,
    );
    assertSame(answers);
  });

  test('If-None-Match with the ETag: 304, with CORS', async () => {
    const { slug } = await listed({ allowed: [SITE] });
    const etag = (await get(worker, slug, BROWSER)).headers.find(([n]) => n === 'etag')![1];
    const answers = await appThenFast(worker, slug, {
      ...BROWSER,
      origin: SITE,
      'if-none-match': etag,
    });
    assert.equal(answers.app.status, 304);
    assert.equal(answers.app.body, '');
    assertSame(answers);
  });

  test('after a 409 the reload (no-cache) shows the truth, and so does the fast path after it', async () => {
    const { slug, workshop } = await listed({ capacity: 1 });
    const post = (body: unknown) => postRegistration(worker, slug, body);
    assert.equal((await post(validRegistration([workshop.id]))).status, 201);
    // This isolate now keeps a copy, which still offers the seat for at most its few seconds.
    await get(worker, slug, BROWSER);
    await expectError(await post(validRegistration([workshop.id])), 409, 'workshop_full');
    const answers = await appThenFast(worker, slug, BROWSER);
    assert.equal(seatsLeft(answers.app), 0);
    await untilCached(worker, slug);
    // The reload after the refusal read D1, so its copy is cached but not yet this isolate's.
    const after409 = await appThenFast(worker, slug, BROWSER);
    assert.equal(seatsLeft(after409.fast), 0);
    assertSame(after409);
  });

  test('an unknown series: 404 from the app either way', async () => {
    const answers = await appThenFast(worker, unique('no-such-series'), BROWSER);
    assert.equal(answers.app.status, 404);
    assert.match(answers.app.body, /series_not_found/);
    assertSame(answers);
  });

  test('a saved allowlist applies to the next answer', async () => {
    const { slug } = await listed({ allowed: [SITE] });
    assertSame(await appThenFast(worker, slug, { ...BROWSER, origin: SITE }));
    await createSeries(worker, slug, { allowedOrigins: ['https://other.example.sk'] });
    const next = await get(worker, slug, { ...BROWSER, origin: SITE });
    assert.equal(
      next.headers.find(([n]) => n === 'access-control-allow-origin'),
      undefined,
    );
  });
});

describe('Accept-Encoding: when the gzipped copy is sent', () => {
  const cases: [string | undefined, boolean][] = [
    ['gzip, deflate, br, zstd', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['GZIP', true],
    ['*', true],
    ['identity', false],
    ['br', false],
    ['gzip;q=0', false],
    ['gzip;q=0.000, *', false],
    ['', false],
    [undefined, false],
  ];
  for (const [header, expected] of cases) {
    test(`${JSON.stringify(header)}: ${expected ? 'gzip' : 'as it is'}`, () =>
      assert.equal(acceptsGzip(header), expected));
  }
});
