import { html } from '../html';
import type { Locale } from '../schemas/registration';

/** A paragraph of an e-mail: text (line breaks kept) and an optional link on its own line. */
export interface Paragraph {
  text: string;
  link?: string;
}

/** Line breaks in a paragraph become <br>. */
// prettier-ignore
const lines = (text: string) =>
  text.split('\n').map((line, i) => (i === 0 ? line : [html`<br>`, line]));

/** The HTML part of an e-mail: the same paragraphs as the text part, styled inline. */
export function emailHtml(locale: Locale, subject: string, paragraphs: Paragraph[]): string {
  const body = paragraphs.map(
    (p, i) =>
      // prettier-ignore
      html`${i > 0 ? '\n' : ''}<p style="margin:0 0 16px">${lines(p.text)}${p.link ? html`<br><a href="${p.link}" style="color:#126dff">${p.link}</a>` : ''}</p>`,
  );
  // Sent as written here, byte for byte.
  // prettier-ignore
  return String(html`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="margin:0;padding:24px;font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#000">
${body}
</body></html>`);
}
