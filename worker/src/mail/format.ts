import type { Locale } from '../schemas/registration';

/**
 * A series' or workshop's text in the reader's language, or the Slovak when the organizer gave no
 * English (English is optional; Slovak never is).
 */
export const inLanguage = (text: { sk: string; en: string }, locale: Locale) =>
  text[locale] || text.sk;

/** Workshop times are Bratislava times, wherever the reader is. */
export const TIME_ZONE = 'Europe/Bratislava';

const parts = (instant: number, locale: Locale, options: Intl.DateTimeFormatOptions) =>
  Object.fromEntries(
    new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sk-SK', {
      timeZone: TIME_ZONE,
      ...options,
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;

/**
 * "streda 25. mája 2022 o 10:00 – 12:00" / "Wednesday 25 May 2022, 10:00 – 12:00" — the same
 * wording as the widget, assembled from Intl parts so that ICU versions cannot change it.
 */
export function formatWhen(startsAt: number, endsAt: number, locale: Locale): string {
  const date = (instant: number) => {
    const { weekday, day, month, year } = parts(instant, locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    return locale === 'en'
      ? `${weekday} ${day} ${month} ${year}`
      : `${weekday} ${day}. ${month} ${year}`;
  };
  const time = (instant: number) => {
    const { hour, minute } = parts(instant, locale, {
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    return `${hour}:${minute}`;
  };
  const joiner = locale === 'en' ? ', ' : ' o ';
  const start = date(startsAt) + joiner + time(startsAt);
  return date(endsAt) === date(startsAt)
    ? `${start} – ${time(endsAt)}`
    : `${start} – ${date(endsAt)}${joiner}${time(endsAt)}`;
}

/** "28. novembra 2026 o 10:15" / "28 November 2026 at 10:15": a moment, without the weekday. */
export function formatMoment(instant: number, locale: Locale): string {
  const { day, month, year, hour, minute } = parts(instant, locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return locale === 'en'
    ? `${day} ${month} ${year} at ${hour}:${minute}`
    : `${day}. ${month} ${year} o ${hour}:${minute}`;
}
