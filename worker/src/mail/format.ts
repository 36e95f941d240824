import type { Locale } from '../schemas/registration';

/**
 * A series' or workshop's text in the reader's language, or the Slovak when the organizer gave no
 * English (English is optional; Slovak never is).
 */
export const inLanguage = (text: { sk: string; en: string }, locale: Locale) =>
  text[locale] || text.sk;

/** Workshop times are Bratislava times, wherever the reader is. */
export const TIME_ZONE = 'Europe/Bratislava';

/** A no-break space: dates, times and ranges never break across lines. */
const NBSP = '\u00a0';

/**
 * One formatter per language, built once per isolate (building one costs far more than using it,
 * and the public list words every workshop's times in both languages). It has every field the
 * texts use, so an instant takes one `formatToParts` call, whatever is made of it.
 */
const formatters = new Map<Locale, Intl.DateTimeFormat>();

type Parts = Record<string, string>;

const partsOf = (instant: number, locale: Locale): Parts => {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sk-SK', {
      timeZone: TIME_ZONE,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(locale, formatter);
  }
  return Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
};

/** "25. mája 2026" / "25 May 2026", with no-break spaces. */
const dayMonthYear = ({ day, month, year }: Parts, locale: Locale) =>
  locale === 'en' ? `${day}${NBSP}${month}${NBSP}${year}` : `${day}.${NBSP}${month}${NBSP}${year}`;

/** "10:00", 24-hour clock. */
const time = ({ hour, minute }: Parts) => `${hour}:${minute}`;

/** The dash of a range, held to both ends by no-break spaces. */
export const RANGE = `${NBSP}–${NBSP}`;

/**
 * "streda 25. mája 2026, 10:00 – 12:00" / "Wednesday 25 May 2026, 10:00 – 12:00", what the widget
 * shows too (the list's `when`): a range after a comma, never "o 10:00 – 12:00", assembled from
 * Intl parts so that ICU versions cannot change it.
 */
export function formatWhen(startsAt: number, endsAt: number, locale: Locale): string {
  const [from, to] = [partsOf(startsAt, locale), partsOf(endsAt, locale)];
  const date = (p: Parts) => `${p.weekday} ${dayMonthYear(p, locale)}`;
  const start = `${date(from)}, ${time(from)}`;
  return date(to) === date(from)
    ? `${start}${RANGE}${time(to)}`
    : `${start}${RANGE}${date(to)}, ${time(to)}`;
}

/** "28. novembra 2026 o 10:15" / "28 November 2026 at 10:15": a moment, without the weekday. */
export function formatMoment(instant: number, locale: Locale): string {
  const at = locale === 'en' ? `at${NBSP}` : `o${NBSP}`;
  const parts = partsOf(instant, locale);
  return `${dayMonthYear(parts, locale)} ${at}${time(parts)}`;
}

export type PluralForms = { one: string; few: string; other: string };

/** Built once per isolate and language, as the formatters above. */
const pluralRules = new Map<Locale, Intl.PluralRules>();

/**
 * The plural category of a count: Slovak one (1), few (2–4), other (0, 5+); English one and other
 * (its "few" entries repeat "other"). Slovak "many" is for fractions only.
 */
export function pluralCategory(count: number, locale: Locale): keyof PluralForms {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale === 'en' ? 'en-GB' : 'sk-SK');
    pluralRules.set(locale, rules);
  }
  const category = rules.select(count);
  return category === 'one' || category === 'few' ? category : 'other';
}

/** The entry for this count. */
export const plural = <T>(forms: { one: T; few: T; other: T }, count: number, locale: Locale): T =>
  forms[pluralCategory(count, locale)];

/** A series' reminder lead when it has none of its own: the announcement's 24 hours. */
export const DEFAULT_LEAD_MINUTES = 24 * 60;

/** Whole hours when the lead is, else minutes (the admin API stores minutes, 15 or more). */
const leadUnits = (minutes: number) =>
  minutes % 60 === 0 ? { n: minutes / 60, hours: true } : { n: minutes, hours: false };

/**
 * A reminder lead as the object of "about … before": "24 hodín", "2 hodiny", "hodinu", "90 minút"
 * / "24 hours", "an hour", "90 minutes" (Slovak accusative, by the count's plural category).
 */
export function formatLead(minutes: number, locale: Locale): string {
  const { n, hours } = leadUnits(minutes);
  const forms =
    locale === 'en'
      ? hours
        ? { one: 'an hour', few: `${n} hours`, other: `${n} hours` }
        : { one: 'a minute', few: `${n} minutes`, other: `${n} minutes` }
      : hours
        ? { one: 'hodinu', few: `${n} hodiny`, other: `${n} hodín` }
        : { one: 'minútu', few: `${n} minúty`, other: `${n} minút` };
  return plural(forms, n, locale);
}

/**
 * "Starts in less than …": "necelých 24 hodín", "necelé 2 hodiny", "necelú hodinu" / "less than 24
 * hours", "less than an hour" (Slovak: the adjective agrees with the count).
 */
export function formatWithin(minutes: number, locale: Locale): string {
  const lead = formatLead(minutes, locale);
  if (locale === 'en') return `less than ${lead}`;
  const { n } = leadUnits(minutes);
  return `${plural({ one: 'necelú', few: 'necelé', other: 'necelých' }, n, locale)} ${lead}`;
}
