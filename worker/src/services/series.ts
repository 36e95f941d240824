import { forgetAllowedOrigins } from '../db/recent-origins';
import { insertAudit } from '../db/audit';
import {
  findSeries,
  selectSeries,
  seriesFromResult,
  setReminderSchedule,
  setTurnstile,
  upsertSeries,
  type Series,
} from '../db/series';
import type { SeriesInput } from '../schemas/series';

/** Creates or updates a series and records who did it, in one batch. */
export async function saveSeries(
  db: D1Database,
  slug: string,
  input: SeriesInput,
  actor: string,
  now: number,
): Promise<{ series: Series; created: boolean }> {
  const created = (await findSeries(db, slug)) === null;
  const results = await db.batch([
    upsertSeries(db, slug, input, now),
    // Turnstile: set or turned off (null) when given, kept when left out.
    ...(input.turnstile === undefined ? [] : [setTurnstile(db, slug, input.turnstile)]),
    // The reminder schedule (issue 12): set when given, kept when left out.
    ...(input.reminders === undefined ? [] : [setReminderSchedule(db, slug, input.reminders)]),
    insertAudit(
      db,
      {
        actor,
        action: created ? 'series.create' : 'series.update',
        series: { slug },
        target: { type: 'series', id: slug },
      },
      now,
    ),
    selectSeries(db, slug),
  ]);
  forgetAllowedOrigins(slug);
  return { series: seriesFromResult(results.at(-1)!), created };
}
