import { html, type Html } from '../html';

/**
 * Pages the links in e-mails open. No scripts at all; the tokens in their URLs must not leak
 * through Referer, caches or search engines.
 */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex',
  'x-content-type-options': 'nosniff',
};

// A style sheet, not markup for the formatter to reflow.
// prettier-ignore
const STYLE = html`
body{margin:0;font-family:"Source Sans Pro",Arial,sans-serif;font-size:1.1875rem;line-height:1.5;color:#000}
main{max-width:40rem;margin:0 auto;padding:40px 20px}
h1{font-size:2rem;line-height:1.2;margin:0 0 20px}
.panel{border:3px solid #078814;border-radius:10px;padding:15px 20px;margin:0 0 20px}
.panel--error{border-color:#c3112b}
ul{padding-left:20px}
li{margin-bottom:10px}
fieldset{border:0;padding:0;margin:0 0 20px}
legend{font-weight:700;margin-bottom:10px}
.choice{display:flex;gap:10px;align-items:flex-start;margin-bottom:10px}
.choice input{width:28px;height:28px;margin:2px;accent-color:#126dff}
button{font:inherit;font-weight:700;min-height:48px;padding:10px 20px;border:0;border-radius:5px;color:#fff;background:#126dff;cursor:pointer;margin:0 10px 10px 0}
button.secondary{background:#eff5fe;color:#072c66}
button:hover{box-shadow:0 0 0 3px #072c66}
:focus-visible{outline:3px solid #d96e00;outline-offset:2px}
.hint{color:#757575}
`;

/** A whole page around `body`, as the string a response sends. */
export function page(lang: string, title: string, body: Html): string {
  // Sent as written here, byte for byte.
  // prettier-ignore
  return String(html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body><main>${body}</main></body>
</html>`);
}
