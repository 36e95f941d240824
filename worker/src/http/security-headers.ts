import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Every response the worker makes, errors included: nosniff and the usual hardening, and a CSP
 * that allows nothing and no framing, which fits JSON and is the floor for any page that does not
 * set its own (the link pages and the dev outbox set theirs; `overwrite: false` keeps them).
 * Cross-Origin-Resource-Policy stays unset: host pages on other sites read the public API.
 */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"],
  },
  crossOriginResourcePolicy: false,
  xFrameOptions: 'DENY',
  overwrite: false,
});

/**
 * The headers `securityHeaders` puts on a response, read from the middleware itself (once per
 * isolate) rather than written out a second time: the list's fast path (http/list-fast-path.ts)
 * answers with exactly these, and stays right when the options above change.
 */
let learned: [string, string][] | undefined;
let learning: Promise<void> | undefined;

export function securityHeaderList(): [string, string][] | undefined {
  learning ??= Promise.resolve(
    new Hono()
      .use(securityHeaders)
      .get('*', (c) => c.body(null, 204))
      .request('/'),
  )
    .then((response) => void (learned = [...response.headers]))
    // Not learned: the fast path stays off in this isolate, and the app answers every request.
    .catch(() => undefined);
  return learned;
}
