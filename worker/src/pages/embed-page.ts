import { html } from '../html';
import type { EmbedQuery } from '../schemas/embed';
import { frameAncestors } from '../domain/origins';

/** What the iframe page is called in the host page's accessibility tree (its <title>). */
const TITLE = { sk: 'Registrácia na workshopy', en: 'Workshop registration' };

/**
 * The headers of the iframe page: it may be framed only by the series' allowed origins (any
 * https: page when there are none) and the worker's own pages; it runs only same-origin scripts
 * (the widget and the height reporter), talks only to its own API, and sends no Referer.
 */
export function embedPageHeaders(allowedOrigins: readonly string[]): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "connect-src 'self'",
      "img-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      `frame-ancestors ${frameAncestors(allowedOrigins)}`,
    ].join('; '),
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    // Organizers change series and workshops; the widget loads live data anyway.
    'cache-control': 'no-cache',
  };
}

/**
 * The widget alone, for pages whose CMS strips scripts: the host page embeds this in an iframe,
 * and /embed-frame.js tells it the height of the content (see /embed-host.js). Every value from
 * the query was checked by the schema and is escaped here again.
 */
export function embedPage(slug: string, q: EmbedQuery): string {
  // Sent as written here.
  // prettier-ignore
  return String(html`<!doctype html>
<html lang="${q.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${TITLE[q.lang]}</title>
<link rel="stylesheet" href="/embed-frame.css">
<script type="module" src="/workshop-signup.js"></script>
<script src="/embed-frame.js" defer></script>
</head>
<body>
<workshop-signup series="${slug}" lang="${q.lang}"${q.theme === 'idsk2' ? html` theme="idsk2"` : ''}${q.workshops ? html` workshops="${q.workshops.join(' ')}"` : ''}${q['heading-level'] ? html` heading-level="${q['heading-level']}"` : ''}></workshop-signup>
</body>
</html>`);
}
