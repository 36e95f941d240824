import { html } from 'lit';
import type { Localized } from '../../../worker/contract/index.js';

/**
 * A series' or workshop's text in the page's language; a Slovak-only text on an English page is
 * shown in Slovak, marked `lang="sk"` so screen readers pronounce it as Slovak.
 */
export function localizedText(text: Localized, locale: string) {
  if (locale === 'en' && text.en.trim() !== '') return text.en;
  if (locale === 'sk') return text.sk;
  return html`<span lang="sk">${text.sk}</span>`;
}

/** The same as plain text (for document titles and attributes). */
export const localizedString = (text: Localized, locale: string) =>
  locale === 'en' && text.en.trim() !== '' ? text.en : text.sk;
