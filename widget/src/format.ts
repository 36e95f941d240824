import { msg, str } from '@lit/localize';
import type { Locale } from './api.js';
import { intlLocale } from './localization.js';

/** Workshop times are Bratislava times, wherever the visitor is. */
export const TIME_ZONE = 'Europe/Bratislava';

/**
 * One formatter per language gives a moment's date and time together: building one loads the
 * language's locale data (tens of milliseconds, the first time), and every workshop's times ask
 * at every render (a keystroke is one), so it is built once and kept.
 */
const formatters: Partial<Record<Locale, Intl.DateTimeFormat>> = {};

const WHEN: Intl.DateTimeFormatOptions = {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
};

/**
 * Builds a language's formatter and plural rules before they are needed (early-load.ts does, while
 * the list is being fetched): the first build must not fall between the data and the list.
 */
export function warmUpFormatters(locale: Locale): void {
  partsOf(new Date(0), locale);
  pluralCategory(0, locale);
}

const partsOf = (instant: Date, locale: Locale): Record<string, string> =>
  Object.fromEntries(
    (formatters[locale] ??= new Intl.DateTimeFormat(intlLocale(locale), WHEN))
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );

/**
 * "streda 25. mája 2022" / "Wednesday 25 May 2022". Assembled from parts, so the result does not
 * depend on how a browser's ICU punctuates long dates; the names (in the genitive) come from Intl.
 */
const longDate = ({ weekday, day, month, year }: Record<string, string>): string =>
  // A pattern rather than a str`` template: the tooling merges placeholders that only spaces separate.
  msg('{weekday} {day}\u00a0{month}\u00a0{year}', { id: 'date-long' })
    .replace('{weekday}', weekday!)
    .replace('{day}', day!)
    .replace('{month}', month!)
    .replace('{year}', year!);

/** "10:00", 24-hour clock. */
const clock = ({ hour, minute }: Record<string, string>): string => `${hour}:${minute}`;

export const formatDate = (instant: Date, locale: Locale) => longDate(partsOf(instant, locale));

export const formatTime = (instant: Date, locale: Locale) => clock(partsOf(instant, locale));

/**
 * "streda 25. mája 2022, 10:00 – 12:00" / "Wednesday 25 May 2022, 10:00 – 12:00": a range after a
 * comma (never "o 10:00 – 12:00"), with no-break spaces so that no line breaks inside it.
 */
export function formatWhen(startsAt: string, endsAt: string, locale: Locale): string {
  // Two calls, each the date and the time at once: forty workshop times are one render's work.
  const start = partsOf(new Date(startsAt), locale);
  const end = partsOf(new Date(endsAt), locale);
  const date = longDate(start);
  const endDate = longDate(end);
  const startTime = clock(start);
  const endTime = clock(end);
  if (endDate !== date) {
    return msg(str`${date}, ${startTime}\u00a0–\u00a0${endDate}, ${endTime}`, {
      id: 'when-multi-day',
    });
  }
  return msg(str`${date}, ${startTime}\u00a0–\u00a0${endTime}`, { id: 'when' });
}

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
