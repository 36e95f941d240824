import { settledAllowedOrigins } from '../db/recent-origins';
import { corsOriginFor } from '../domain/origins';
import { corsHeaders } from './cors';
import { asksPastCaches, freshList, listReply } from './list-cache';
import { securityHeaderList } from './security-headers';

/**
 * The public list (GET /api/v1/series/:slug) answered before the Hono app, when everything the
 * app would use is already in this isolate: its fresh copy of the list (http/list-cache.ts), the
 * series' allowed origins read within their few seconds (db/recent-origins.ts), and the security
 * headers (http/security-headers.ts). The answer is the app's, header for header — the same
 * helpers build it (test/worker/list-fast-path.test.ts compares them) — without routing over
 * the whole app and running its middleware on the one request a rush sends most.
 *
 * Anything else returns undefined and goes to the app: another method or path, a slug that is not
 * plainly one (the app decodes %-escapes), a reload that asks past caches (after a 409 the truth
 * must come from D1), a list or origins not yet read or older than their few seconds.
 */
const LIST_PATH = /^\/api\/v1\/series\/([a-z0-9-]{1,64})$/;

export function listFastPath(request: Request): Response | undefined {
  if (request.method !== 'GET') return undefined;
  const url = request.url;
  // The path without the origin and the query, cheaper than a URL object.
  const pathStart = url.indexOf('/', url.indexOf('//') + 2);
  const queryStart = url.indexOf('?', pathStart);
  const slug = LIST_PATH.exec(url.slice(pathStart, queryStart < 0 ? undefined : queryStart))?.[1];
  if (slug === undefined) return undefined;
  // Asked on the isolate's first list request, so they are known by the time a copy is fresh.
  const security = securityHeaderList();
  const headers = request.headers;
  if (asksPastCaches(headers) || !security) return undefined;
  const now = Date.now();
  const cached = freshList(slug, now);
  const allowed = cached && settledAllowedOrigins(slug, now);
  if (!cached || allowed === undefined) return undefined;
  const reply = listReply(cached, {
    ifNoneMatch: headers.get('if-none-match') ?? undefined,
    // What the client sent: Cloudflare shows the worker its own Accept-Encoding and keeps the
    // client's in cf (Miniflare does the same).
    acceptEncoding:
      (request.cf?.clientAcceptEncoding as string | undefined) ??
      headers.get('accept-encoding') ??
      undefined,
  });
  const answer = new Headers(
    corsHeaders(corsOriginFor(allowed, headers.get('origin') ?? undefined)),
  );
  for (const [name, value] of Object.entries(reply.headers)) answer.set(name, value);
  for (const [name, value] of security) if (!answer.has(name)) answer.set(name, value);
  // A gzipped body goes out as it is ('manual'), not compressed a second time.
  return new Response(reply.body, { status: reply.status, headers: answer, encodeBody: 'manual' });
}
