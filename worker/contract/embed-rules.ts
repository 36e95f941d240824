/**
 * The rule for a series' allowed embedding origins, shared by the API (zod schema) and the admin
 * page (checks as the organizer types). No dependencies.
 */

/** At most this many origins per series: more belongs in a proxy, not in a CORS list. */
export const MAX_ALLOWED_ORIGINS = 50;

/** Hosts browsers treat as secure over plain http, so an editor can try an embed locally. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A DNS name (punycode after URL parsing) or an IP literal: no wildcards, nothing else. */
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$|^\[[0-9a-f:.]+\]$/;

/**
 * An origin as browsers send it (`https://www.obec.sk`, `http://localhost:8080`), or null when
 * the text is not one: https only (http for loopback hosts), no path, query, fragment, user or
 * wildcard. "HTTPS://Www.Obec.sk:443/" becomes "https://www.obec.sk"; an internationalized name
 * becomes its punycode, as in the Origin header.
 */
export function normalizeOrigin(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure || url.username || url.password || !HOST.test(url.hostname)) return null;
  // "https://a.sk" and "https://a.sk/" are origins; "https://a.sk/page", "https://a.sk/?x" are not.
  if (url.href !== `${url.origin}/`) return null;
  return url.origin;
}
