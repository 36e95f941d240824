import { html as honoHtml } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** HTML made by `html`: put into another `html` template, it is kept as it is. */
export type Html = HtmlEscapedString;

/**
 * The one way this worker writes HTML, for link pages and e-mails alike: Hono's `html` tag. It
 * escapes every interpolated value (& < > " ') unless the value is itself `html`, flattens arrays
 * and leaves out null, undefined and booleans, so escaping cannot be forgotten. Ours is
 * synchronous: nothing we interpolate is a promise, and this throws rather than return one.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const out = honoHtml(strings, ...values);
  if (out instanceof Promise) throw new TypeError('html: an interpolated value was a promise');
  return out;
}
