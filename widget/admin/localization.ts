import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';
// Static: the admin page is one module with both languages in it (it is small and used by few).
import * as sk from './generated/locales/sk.js';

export type AdminLocale = 'sk' | 'en';

const STORAGE_KEY = 'workshop-signup-admin-locale';

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: async () => sk,
});

export { getLocale };

/** Slovak unless the organizer chose English in this tab before. */
export function initialLocale(): AdminLocale {
  return sessionStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'sk';
}

/** Switches every admin screen, `<html lang>` and what the next visit in this tab starts with. */
export async function useLocale(locale: AdminLocale): Promise<void> {
  sessionStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  if (getLocale() !== locale) await setLocale(locale);
}

/** BCP 47 tags for Intl. */
export const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'sk-SK');
