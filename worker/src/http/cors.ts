import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { recentAllowedOrigins } from '../db/recent-origins';
import { corsOriginFor } from '../domain/origins';

/** How long a browser may reuse a preflight: short, so a changed allowlist applies soon. */
const PREFLIGHT_MAX_AGE = '600';

/**
 * CORS for the public series API, per series: any origin for a series open to any site (the
 * default) or an unknown one, otherwise only its allowed origins. A request or preflight from
 * another origin gets no CORS headers, so the browser keeps the answer from that page. No
 * credentials are ever allowed. (The widget script itself is a static asset: `_headers` gives it
 * `Access-Control-Allow-Origin: *`.)
 */
export const seriesCors: MiddlewareHandler<AppEnv> = async (c, next) => {
  const allowed = await recentAllowedOrigins(c.env.DB, c.req.param('slug') ?? '');
  const allow = corsOriginFor(allowed, c.req.header('origin'));
  const headers = corsHeaders(allow);
  if (c.req.method === 'OPTIONS') {
    if (allow && c.req.header('access-control-request-method')) {
      headers['Access-Control-Allow-Methods'] = 'GET, POST, OPTIONS';
      headers['Access-Control-Allow-Headers'] = 'Content-Type';
      headers['Access-Control-Max-Age'] = PREFLIGHT_MAX_AGE;
    }
    return c.body(null, 204, headers);
  }
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  await next();
};

/** The CORS headers of an answer (not a preflight) allowed to `allow` (corsOriginFor's result). */
export function corsHeaders(allow: string | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (allow) headers['Access-Control-Allow-Origin'] = allow;
  // The answer depends on the Origin whenever the series has a list: caches must know.
  if (allow !== '*') headers.Vary = 'Origin';
  return headers;
}
