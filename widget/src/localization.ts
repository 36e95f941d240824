import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';
// Imported statically so that the widget stays one file with every language in it.
import * as sk from './generated/locales/sk.js';
import type { Locale } from './api.js';

export const DEFAULT_LOCALE: Locale = 'sk';

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: async () => sk,
});

export { getLocale };

/** "sk-SK", "SK", "en-GB" → a locale the widget speaks; anything else → Slovak. */
export function toLocale(lang: string | null | undefined): Locale {
  const primary = (lang ?? '').trim().toLowerCase().split('-')[0];
  return primary === 'en' ? 'en' : primary === 'sk' ? 'sk' : DEFAULT_LOCALE;
}

/**
 * Switches the page's widget language. @lit/localize keeps one language per page, so every
 * <workshop-signup> on a page shows the same language.
 */
export function useLocale(locale: Locale): Promise<void> {
  return getLocale() === locale ? Promise.resolve() : setLocale(locale);
}

/** BCP 47 tags for Intl: British English writes "Wednesday 25 May 2022, 10:00". */
export const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'sk-SK');

/** The element's parent, crossing out of a shadow root to its host. */
const parentOf = (node: Element): Element | null =>
  node.parentElement ?? ((node.getRootNode() as Partial<ShadowRoot>).host || null);

/** The `lang` of the nearest ancestor that has one, across shadow roots (like the :lang() rule). */
export function inheritedLang(el: Element): string | null {
  for (let node = parentOf(el); node; node = parentOf(node)) {
    if (node.hasAttribute('lang')) return node.getAttribute('lang');
  }
  return null;
}

/**
 * Calls `onChange` when the `lang` of any ancestor changes (a host page's language switch may
 * only set <html lang>). Returns the function that stops watching.
 */
export function watchInheritedLang(el: Element, onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  for (let node = parentOf(el); node; node = parentOf(node)) {
    observer.observe(node, { attributes: true, attributeFilter: ['lang'] });
  }
  return () => observer.disconnect();
}
