/**
 * Wall-clock time in Bratislava → UTC instant, for building demo and test data
 * ("a workshop at 10:00 on 25 May"). Works across DST changes without a time-zone library.
 */
export function bratislavaInstant(date: string, time: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wallAsUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!);
  // Bratislava is UTC+1 or UTC+2; take the offset that maps back onto the same wall-clock time.
  for (const offsetHours of [1, 2]) {
    const candidate = wallAsUtc - offsetHours * 3_600_000;
    if (bratislavaWallClock(candidate) === `${date} ${time}`) return candidate;
  }
  throw new Error(`${date} ${time} does not exist in Europe/Bratislava (DST gap)`);
}

/** "YYYY-MM-DD HH:MM" of an instant in Bratislava. */
export function bratislavaWallClock(instant: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Bratislava',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** The calendar date in Bratislava `days` after `from`, skipping to Monday if it falls on a weekend. */
export function bratislavaWorkday(from: number, days: number): string {
  const start = bratislavaWallClock(from).slice(0, 10);
  const [y, m, d] = start.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d! + days));
  const weekday = date.getUTCDay();
  if (weekday === 6) date.setUTCDate(date.getUTCDate() + 2);
  if (weekday === 0) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
