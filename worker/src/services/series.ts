import { insertAudit } from '../db/audit';
import { findSeries, seriesFromResult, upsertSeries, type Series } from '../db/series';
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
  const [stored] = await db.batch([
    upsertSeries(db, slug, input, now),
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
  ]);
  return { series: seriesFromResult(stored!), created };
}
