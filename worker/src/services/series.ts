import { forgetAllowedOrigins } from '../db/recent-origins';
import { afterAChange, insertAudit } from '../db/audit';
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
import { ApiError } from '../http/errors';
import { changedSeriesFields } from '../domain/series';
import { commitChecked, editConflict, onTheVersionRead } from './versions';

/** A series to create whose address name is taken (If-None-Match: * failed). */
export const seriesExists = () =>
  new ApiError(412, 'series_exists', 'A series with this address name exists; nothing was saved.');

/**
 * Creates or updates a series and records who did it, in one batch; a save that changes nothing
 * writes nothing and records nothing (decided in the batch, statement by statement), and an
 * update's entry names the fields it changed (`detail.fields`, as a workshop edit's does).
 *
 * The write is made on the strength of the series as read (its version, or its absence), so an
 * edit that comes in between makes it fail whole and what it recorded stays true. `precondition`
 * (the request's If-Match / If-None-Match): `holds(version)` judges the series as read (null when
 * there is none), and a lost race is the client's: 412 `edit_conflict`, or `series_exists` for a
 * create. Without one (a blind save: scripts, the demo seed) it is read again and retried
 * (services/versions.ts `onTheVersionRead`).
 */
export function saveSeries(
  db: D1Database,
  slug: string,
  input: SeriesInput,
  actor: string,
  now: number,
  precondition?: {
    holds: (version: number | null) => boolean;
    createOnly: boolean;
    pinned: boolean;
  },
): Promise<{ series: Series; created: boolean }> {
  return onTheVersionRead(precondition?.pinned ?? false, async () => {
    const current = await findSeries(db, slug);
    if (precondition && !precondition.holds(current?.version ?? null)) {
      throw precondition.createOnly ? seriesExists() : editConflict();
    }
    const write = () =>
      db.batch([
        upsertSeries(db, slug, input, now, current?.version ?? 'absent'),
        // Turnstile: set or turned off (null) when given, kept when left out.
        ...(input.turnstile === undefined ? [] : [setTurnstile(db, slug, input.turnstile, now)]),
        // The reminder schedule (issue 12): set when given, kept when left out.
        ...(input.reminders === undefined
          ? []
          : [setReminderSchedule(db, slug, input.reminders, now)]),
        // Right after the last statement that could change the series: only a save that changed
        // something is recorded (each statement above writes only if a value differs).
        insertAudit(
          db,
          {
            actor,
            action: current ? 'series.update' : 'series.create',
            series: { slug },
            target: { type: 'series', id: slug },
            detail: current ? { fields: changedSeriesFields(current, input) } : undefined,
          },
          now,
          undefined,
          afterAChange,
        ),
        selectSeries(db, slug),
      ]);
    const results = await commitChecked('series', write).catch((error: unknown) => {
      throw error instanceof ApiError && error.code === 'edit_conflict' && precondition?.createOnly
        ? seriesExists()
        : error;
    });
    forgetAllowedOrigins(slug);
    return { series: seriesFromResult(results.at(-1)!), created: current === null };
  });
}
