import { html } from 'lit';
import type { Locale, Localized } from '../api.js';

/**
 * Text of the series in the widget's language, or in the other one when it was left empty, then
 * marked with its own `lang` so that screen readers pronounce it right (WCAG 3.1.2).
 */
export function localizedText(value: Localized, locale: Locale) {
  if (value[locale] || !value.sk) return value[locale];
  return html`<span lang="sk">${value.sk}</span>`;
}

/**
 * The organizer's name: organizers are Slovak public bodies and the API gives one name, so it is
 * Slovak and marked as such on an English page.
 */
export const organizerName = (name: string, locale: Locale) =>
  locale === 'sk' ? name : html`<span lang="sk">${name}</span>`;
