import { msg, str } from '@lit/localize';
import type { Locale } from './api.js';
import { intlLocale } from './localization.js';

/** Workshop times are Bratislava times, wherever the visitor is. */
export const TIME_ZONE = 'Europe/Bratislava';

/**
 * Formatters are costly to build and the form re-renders on every keystroke, each workshop's
 * times with it: one per language and set of options is kept.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TIME_ZONE, ...options });
    formatters.set(key, format);
  }
  return format;
}

const DATE: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', hourCycle: 'h23' };

/**
 * Builds a language's formatters and plural rules before they are needed: the first build loads
 * locale and time zone data, tens of milliseconds a list must not wait for.
 */
export function warmUpFormatters(locale: Locale): void {
  for (const o of [DATE, TIME]) formatter(locale, o);
  pluralCategory(0, locale);
}

const partsOf = (
  instant: Date,
  locale: Locale,
  options: Intl.DateTimeFormatOptions,
): Record<string, string> =>
  Object.fromEntries(
    formatter(locale, options)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );

/**
 * "streda 25. mája 2022" / "Wednesday 25 May 2022". Assembled from parts, so the result does not
 * depend on how a browser's ICU punctuates long dates; the names (in the genitive) come from Intl.
 */
export function formatDate(instant: Date, locale: Locale): string {
  const { weekday, day, month, year } = partsOf(instant, locale, DATE);
  // A pattern rather than a str`` template: the tooling merges placeholders that only spaces separate.
  return msg('{weekday} {day}\u00a0{month}\u00a0{year}', { id: 'date-long' })
    .replace('{weekday}', weekday!)
    .replace('{day}', day!)
    .replace('{month}', month!)
    .replace('{year}', year!);
}

/** "10:00", 24-hour clock. */
export function formatTime(instant: Date, locale: Locale): string {
  const { hour, minute } = partsOf(instant, locale, TIME);
  return `${hour}:${minute}`;
}

/**
 * "streda 25. mája 2022, 10:00 – 12:00" / "Wednesday 25 May 2022, 10:00 – 12:00": a range after a
 * comma (never "o 10:00 – 12:00"), with no-break spaces so that no line breaks inside it.
 */
export function formatWhen(startsAt: string, endsAt: string, locale: Locale): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const date = formatDate(start, locale);
  const endDate = formatDate(end, locale);
  const startTime = formatTime(start, locale);
  const endTime = formatTime(end, locale);
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
