import type { Context } from 'hono';
import type { AppEnv } from '../env';

/**
 * The public list (GET /api/v1/series/:slug) from the Cache API, for a few seconds.
 *
 * Why the Cache API inside the worker and not Cloudflare's edge cache (Cache-Control): the answer
 * carries per-origin CORS headers, which must not be cached with it, and seat counts must be no
 * staler than a known bound. `caches.default` is per data centre and `cache.delete` clears only
 * the one the worker runs in, so nothing here relies on a purge reaching anyone: every entry
 * simply expires after LIST_TTL_SECONDS, in every data centre. The one delete (after a 409) is for
 * the person who just met the refusal, whose reload comes through the same data centre. On
 * *.workers.dev and behind Cloudflare Access the Cache API does nothing or is missing: then every
 * request reads D1, which is correct, only slower.
 */
export const LIST_TTL_SECONDS = 5;

export interface CachedBody {
  body: string;
  etag: string;
  /** The body gzipped, once per copy this isolate keeps (see `gzipped`). */
  gzip?: ArrayBuffer;
}

/** What is used of `caches.default`. */
interface ListStore {
  match(key: string): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
  delete(key: string): Promise<boolean>;
}

const cache = (): ListStore | undefined =>
  typeof caches === 'undefined' ? undefined : (caches as unknown as { default: ListStore }).default;

/**
 * The list's shape, in the cache key: raised when the list gains a field the widget reads (2:
 * `when` and `joinLinkLead`), so that a copy the previous deploy cached (for up to
 * LIST_TTL_SECONDS) is never served to the widget that needs the field.
 */
const LIST_SHAPE = 2;

/** The cache key: the list's own URL and shape, without whatever query the request carried. */
export const listCacheKey = (origin: string, slug: string) =>
  `${origin}/api/v1/series/${encodeURIComponent(slug)}?shape=${LIST_SHAPE}`;

const keyOf = (c: Context<AppEnv>, slug: string) => listCacheKey(new URL(c.req.url).origin, slug);

/** A strong ETag: the SHA-256 of the body, shortened (the body is small; this runs once per TTL). */
async function etagOf(body: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
  const hex = [...new Uint8Array(digest).slice(0, 12)]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
  return `"${hex}"`;
}

/**
 * In front of the Cache API, this isolate's own copies of what it read from the cache, until the
 * same instant the data centre's copy expires (so the bound stays LIST_TTL_SECONDS): a request
 * that finds one needs no call to the cache at all. A reload that asks past caches (`Cache-Control: no-cache`, as the widget's
 * reload after a 409 does) skips them, since the 409 deleted only the data centre's copy.
 */
const memo = new Map<string, CachedBody & { expiresAt: number }>();

const EXPIRES_HEADER = 'x-list-expires-at';

/** Whether a request asks past caches (a reload, the widget's after a 409). */
export const asksPastCaches = (headers: Headers) =>
  /no-cache|max-age=0/.test(headers.get('cache-control') ?? '') ||
  headers.get('pragma') === 'no-cache';

/** This isolate's copy of the list, while it is fresh (the fast path answers from it). */
export function freshList(slug: string, now: number): CachedBody | undefined {
  const mine = memo.get(slug);
  return mine && mine.expiresAt > now ? mine : undefined;
}

/**
 * The cached body for `slug`, or `produce()`'s (then cached for LIST_TTL_SECONDS). A null from
 * `produce` (no such series) is not cached.
 */
export async function cachedList(
  c: Context<AppEnv>,
  slug: string,
  produce: () => Promise<unknown>,
): Promise<CachedBody | null> {
  const now = Date.now();
  const mine = freshList(slug, now);
  if (mine && !asksPastCaches(c.req.raw.headers)) return mine;
  const store = cache();
  const key = keyOf(c, slug);
  const hit = await store?.match(key);
  if (hit) {
    const body = await hit.text();
    const found = { body, etag: hit.headers.get('etag') ?? '', gzip: await gzipped(body) };
    remember(slug, found, Number(hit.headers.get(EXPIRES_HEADER)) || now);
    return found;
  }
  const value = await produce();
  if (value === null) return null;
  const body = JSON.stringify(value);
  const etag = await etagOf(body);
  const expiresAt = now + LIST_TTL_SECONDS * 1000;
  // Not remembered here but only once read back from the cache: where the Cache API does nothing
  // (*.workers.dev, Miniflare with the cache off) the isolate keeps nothing either.
  if (store) {
    const entry = new Response(body, {
      headers: {
        etag,
        'cache-control': `max-age=${LIST_TTL_SECONDS}`,
        [EXPIRES_HEADER]: String(expiresAt),
      },
    });
    c.executionCtx.waitUntil(store.put(key, entry));
  }
  return { body, etag };
}

/**
 * Compressed once here rather than on every answer: Cloudflare's front line (and Miniflare's
 * imitation of it, inside the local runtime) gzips a JSON answer for each request that accepts
 * it; an answer already gzipped passes through. The list is a few KB, the request a rush repeats.
 */
async function gzipped(body: string): Promise<ArrayBuffer> {
  const stream = new Blob([body]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

function remember(slug: string, value: CachedBody, expiresAt: number): void {
  // Bounded: slugs are anyone's input (unknown ones are not remembered, but be safe).
  if (memo.size >= 1_000) memo.clear();
  memo.set(slug, { ...value, expiresAt });
}

/** Forgets the cached list in this data centre (a refusal was just answered: show the truth). */
export async function forgetList(c: Context<AppEnv>, slug: string): Promise<void> {
  memo.delete(slug);
  await cache()?.delete(keyOf(c, slug));
}

/** Whether an If-None-Match header names this ETag (or is `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

/**
 * The list's answer from its cached body: 304 when If-None-Match names its ETag, else 200. Browsers
 * revalidate every time (no-cache), so the seat counts a person sees are never older than the
 * cache's few seconds. The route and the fast path (http/list-fast-path.ts) both answer with it.
 */
export function listReply(
  cached: CachedBody,
  request: { ifNoneMatch: string | undefined; acceptEncoding: string | undefined },
) {
  const headers: Record<string, string> = { ETag: cached.etag, 'Cache-Control': 'no-cache' };
  if (matchesEtag(request.ifNoneMatch, cached.etag)) {
    return { status: 304 as const, body: null, headers };
  }
  headers['Content-Type'] = 'application/json';
  if (cached.gzip && acceptsGzip(request.acceptEncoding)) {
    headers['Content-Encoding'] = 'gzip';
    return { status: 200 as const, body: cached.gzip, headers };
  }
  return { status: 200 as const, body: cached.body, headers };
}

/** Whether an Accept-Encoding header allows gzip (named, or by `*`; not with q=0). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  let any = false;
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [coding, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (coding === 'gzip') return allowed;
    if (coding === '*') any = allowed;
  }
  return any;
}
