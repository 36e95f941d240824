import type { Locale } from '../../contract';
import { insertAudit } from '../db/audit';
import type { Series } from '../db/series';
import type { Workshop } from '../db/workshops';
import { attachment } from '../export/csv';
import { csvFilename, registrationsCsv } from '../export/registrations-csv';
import { findRegistrations, workshopsAtAGlance } from './admin-reads';

/**
 * The registrations of a series, or of one of its workshops, as a CSV download. A list of people
 * leaves the system, so who took it, and how many rows, is recorded in the audit log.
 */
export async function exportRegistrations(
  db: D1Database,
  series: Series,
  workshop: Workshop | null,
  locale: Locale,
  actor: string,
  now: number,
): Promise<{ csv: string; disposition: string }> {
  const workshops = workshop
    ? [workshop]
    : (await workshopsAtAGlance(db, series)).map((w) => w.workshop);
  const { registrations } = await findRegistrations(db, series, { workshopId: workshop?.id });
  const csv = registrationsCsv(workshops, registrations, locale);
  await insertAudit(
    db,
    {
      actor,
      action: workshop ? 'export.workshop' : 'export.series',
      series: { id: series.id },
      target: workshop
        ? { type: 'workshop', id: workshop.id }
        : { type: 'series', id: series.slug },
      detail: { registrations: registrations.length },
    },
    now,
  ).run();
  return { csv, disposition: attachment(csvFilename(series, workshop, now)) };
}
