/** Escapes text for HTML content and attribute values. */
export const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** A template tag that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    const part = Array.isArray(value)
      ? value.map((v) => (v instanceof Html ? v.value : escapeHtml(String(v)))).join('')
      : value instanceof Html
        ? value.value
        : value === null || value === undefined || value === false
          ? ''
          : escapeHtml(String(value));
    out += part + strings[i + 1]!;
  });
  return new Html(out);
}

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

const STYLE = `
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

export function page(lang: string, title: string, body: Html): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>${body.value}</main></body>
</html>`;
}
