import { html } from 'lit';
import type { Locale } from '../api.js';
import { heading } from './heading.js';

/** The widget's box: its live region first (in the page from the first render), then the rest. */
export const frame = (look: string, locale: Locale, status: string, content: unknown) =>
  html`<div class="root ${look}" part="base" lang=${locale}>
    <div class="visually-hidden" role="status" aria-live="polite">${status}</div>
    ${content}
  </div>`;

/** A loaded series: its heading, then the form, the list or the confirmation. */
export const seriesView = (level: number, title: unknown, body: unknown) =>
  html`${heading(level, title, 'title', { focusable: true })} ${body}`;
