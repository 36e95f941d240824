import { msg, str } from '@lit/localize';
import type { Locale } from './api.js';
import { intlLocale } from './localization.js';

/** Workshop times are Bratislava times, wherever the visitor is. */
export const TIME_ZONE = 'Europe/Bratislava';

const partsOf = (
  instant: Date,
  locale: Locale,
  options: Intl.DateTimeFormatOptions,
): Record<string, string> =>
  Object.fromEntries(
    new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TIME_ZONE, ...options })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );

/**
 * "streda 25. mája 2022" / "Wednesday 25 May 2022". Assembled from parts, so the result does not
 * depend on how a browser's ICU punctuates long dates; the names (in the genitive) come from Intl.
 */
export function formatDate(instant: Date, locale: Locale): string {
  const { weekday, day, month, year } = partsOf(instant, locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  // A pattern rather than a str`` template: the tooling merges placeholders that only spaces separate.
  return msg('{weekday} {day} {month} {year}', { id: 'date-long' })
    .replace('{weekday}', weekday!)
    .replace('{day}', day!)
    .replace('{month}', month!)
    .replace('{year}', year!);
}

/** "10:00", 24-hour clock. */
export function formatTime(instant: Date, locale: Locale): string {
  const { hour, minute } = partsOf(instant, locale, {
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${hour}:${minute}`;
}

/** "streda 25. mája 2022 o 10:00 – 12:00" / "Wednesday 25 May 2022, 10:00 – 12:00". */
export function formatWhen(startsAt: string, endsAt: string, locale: Locale): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const date = formatDate(start, locale);
  const endDate = formatDate(end, locale);
  const startTime = formatTime(start, locale);
  const endTime = formatTime(end, locale);
  if (endDate !== date) {
    return msg(str`${date}, ${startTime} – ${endDate}, ${endTime}`, { id: 'when-multi-day' });
  }
  return msg(str`${date}, ${startTime} – ${endTime}`, { id: 'when' });
}

/**
 * "1 voľné miesto", "2 voľné miesta", "5 voľných miest". @lit/localize has no plural API, so the
 * plural category picks one message per category (Slovak: one, few, other; many is fractions only).
 */
export function formatSeatsLeft(seats: number, locale: Locale): string {
  switch (new Intl.PluralRules(intlLocale(locale)).select(seats)) {
    case 'one':
      return msg(str`${seats} seat left`, { id: 'seats-left-one' });
    case 'few':
      return msg(str`${seats} seats left`, { id: 'seats-left-few' });
    case 'many':
      return msg(str`${seats} seats left`, { id: 'seats-left-many' });
    default:
      return msg(str`${seats} seats left`, { id: 'seats-left-other' });
  }
}
