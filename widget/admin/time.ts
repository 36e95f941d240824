/**
 * Organizers enter and read times as Bratislava wall-clock time; the API stores UTC instants.
 * No time-zone library: Intl knows the zone's rules, and Bratislava is UTC+1 or UTC+2.
 */
const ZONE = 'Europe/Bratislava';

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as `{date: 'YYYY-MM-DD', time: 'HH:MM'}` in Bratislava, for date/time inputs. */
export function toWallClock(instant: string | number): { date: string; time: string } {
  const parts = wallClock.formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
  };
}

/**
 * Bratislava wall-clock date and time → ISO instant in UTC; null when that time does not exist
 * (the hour skipped when clocks go forward) or the input is malformed. In the hour repeated in
 * October, the first (summer-time) one is meant.
 */
export function fromWallClock(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const asUtc = Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!, +t[1]!, +t[2]!);
  for (const offsetHours of [2, 1]) {
    const candidate = asUtc - offsetHours * 3_600_000;
    const back = toWallClock(candidate);
    if (back.date === date && back.time === time) return new Date(candidate).toISOString();
  }
  return null;
}

/** "25. 5. 2026 10:00 – 12:00"; the end's date only when it is another day. */
export function formatTimeRange(start: string, end: string, locale: string): string {
  const from = formatDateTime(start, locale);
  const to = formatDateTime(end, locale);
  const sameDay = toWallClock(start).date === toWallClock(end).date;
  return `${from}\u00a0– ${sameDay ? toWallClock(end).time : to}`;
}

/** "25. 5. 2026 10:00" / "25/05/2026, 10:00", always Bratislava time. */
export function formatDateTime(instant: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sk-SK', {
    timeZone: ZONE,
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(new Date(instant))
    .replace(/ (?=\d)/g, '\u00a0');
}
