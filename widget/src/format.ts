import { msg, str } from '@lit/localize';
import type { Locale } from './api.js';
import { intlLocale } from './localization.js';

const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};

/**
 * The plural category of a count. Slovak has one (1), few (2–4) and other (0, 5+); its "many" is
 * for fractions only, so counts never need it. English has one and other.
 */
export function pluralCategory(count: number, locale: Locale): 'one' | 'few' | 'other' {
  // Built once per language: every workshop's seats ask, at every render (a keystroke is one).
  const rules = (pluralRules[locale] ??= new Intl.PluralRules(intlLocale(locale)));
  const category = rules.select(count);
  return category === 'one' || category === 'few' ? category : 'other';
}

/**
 * "1 voľné miesto", "2 voľné miesta", "5 voľných miest". @lit/localize has no plural API, so the
 * plural category picks one message per category, each with its own id.
 */
export function formatSeatsLeft(seats: number, locale: Locale): string {
  switch (pluralCategory(seats, locale)) {
    case 'one':
      return msg(str`${seats} seat left`, { id: 'seats-one' });
    case 'few':
      return msg(str`${seats} seats left`, { id: 'seats-few' });
    default:
      return msg(str`${seats} seats left`, { id: 'seats-other' });
  }
}

/**
 * „A“, „B“ a „C“ / “A”, “B” and “C”: titles quoted and listed the way each language does it.
 * Built here rather than with Intl.ListFormat, whose spacing differs between ICU versions.
 */
export function quotedList(titles: string[], locale: Locale): string {
  const [open, close] = locale === 'en' ? ['\u201c', '\u201d'] : ['\u201e', '\u201c'];
  const quoted = titles.map((title) => `${open}${title}${close}`);
  const last = quoted.pop() ?? '';
  if (quoted.length === 0) return last;
  const rest = quoted.join(', ');
  return msg(str`${rest} and ${last}`, { id: 'list-and' });
}
