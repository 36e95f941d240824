/**
 * Who may embed a series, from its allowed origins (normalized, see contract/embed-rules.ts).
 * An empty list is the organizer's "any site", the default.
 */

/**
 * The `Access-Control-Allow-Origin` to answer a request from `origin` with: `*` for a series open
 * to any site (and for an unknown one, `null` here, so the widget can read its 404), the origin
 * itself when the list has it, or null (no CORS headers: the browser keeps the answer from the
 * page).
 */
export function corsOriginFor(
  allowed: readonly string[] | null,
  origin: string | undefined,
): string | null {
  if (allowed === null || allowed.length === 0) return '*';
  return origin !== undefined && allowed.includes(origin) ? origin : null;
}

/**
 * The `frame-ancestors` sources for the series' iframe page: the worker's own pages (the admin
 * page's preview) and the allowed origins, or any https: page when the list is empty.
 */
export function frameAncestors(allowed: readonly string[]): string {
  return ["'self'", ...(allowed.length > 0 ? allowed : ['https:'])].join(' ');
}
