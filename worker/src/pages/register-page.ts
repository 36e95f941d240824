import type { Series } from '../db/series';
import { html } from '../html';
import type { Locale } from '../schemas/registration';
import { page } from './layout';

/** Where Turnstile's script and challenge frame come from, for a series that uses it. */
export const TURNSTILE_ORIGIN = 'https://challenges.cloudflare.com';

/**
 * The series' own registration page on the worker's origin: the widget, loaded from this origin
 * (a static asset), with the series' title. Where "register again" links point when a hold ran
 * out, because the page the person first registered on is not known to us.
 */
export function registerPage(series: Series, locale: Locale): string {
  // Markup as written here.
  // prettier-ignore
  const body = html`<workshop-signup series="${series.slug}" lang="${locale}" heading-level="1"></workshop-signup>
<script type="module" src="/workshop-signup.js"></script>`;
  return page(locale, series.title[locale] || series.title.sk, body);
}

/**
 * Its policy: scripts, styles and the API from this origin only (the page's own inline style
 * sheet included), Turnstile's script and frame when the series uses it, never framed.
 */
export function registerPageHeaders(series: Series): Record<string, string> {
  const turnstile = series.turnstile ? ` ${TURNSTILE_ORIGIN}` : '';
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': [
      "default-src 'none'",
      `script-src 'self'${turnstile}`,
      "style-src 'self' 'unsafe-inline'",
      "connect-src 'self'",
      ...(turnstile ? [`frame-src${turnstile}`] : []),
      "img-src 'self'",
      "form-action 'self'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  };
}
