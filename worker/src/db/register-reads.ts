import {
  registrationFromRow,
  SELECT_REGISTRATION,
  type Registration,
  type RegistrationRow,
} from './registrations';
import { selectSeries, type Series, seriesFromResult } from './series';
import { selectWorkshopsInSeriesSlug, workshopsFromResult, type Workshop } from './workshops';

/** What a registration request needs to know before it writes, read in one D1 round trip. */
export interface RegistrationContext {
  series: Series | null;
  /** The chosen workshops that belong to the series, with their live seat counts. */
  workshops: Workshop[];
  /** The registrations through which this address holds a seat in a chosen workshop. */
  holders: Registration[];
}

/**
 * Reads the series, the chosen workshops and the address's seats in them as one batch: one round
 * trip to the single D1 writer instead of three, and one consistent snapshot (a batch is one
 * transaction).
 */
export async function readRegistrationContext(
  db: D1Database,
  slug: string,
  emailKey: string,
  workshopIds: readonly string[],
  now: number,
): Promise<RegistrationContext> {
  const [series, workshops, holders] = await db.batch([
    selectSeries(db, slug),
    selectWorkshopsInSeriesSlug(db, slug, workshopIds, now),
    selectHoldersByEmail(db, emailKey, workshopIds),
  ]);
  return {
    series: series!.results.length > 0 ? seriesFromResult(series!) : null,
    workshops: workshopsFromResult(workshops!),
    holders: (holders!.results as RegistrationRow[]).map(registrationFromRow),
  };
}

/** The registrations through which this address holds a seat in any of these workshops. */
function selectHoldersByEmail(
  db: D1Database,
  emailKey: string,
  workshopIds: readonly string[],
): D1PreparedStatement {
  const placeholders = workshopIds.map((_, i) => `?${i + 2}`).join(', ');
  return db
    .prepare(
      `${SELECT_REGISTRATION}
       WHERE r.id IN (SELECT registration_id FROM seats
                      WHERE email_key = ?1 AND status = 'held' AND workshop_id IN (${placeholders}))`,
    )
    .bind(emailKey, ...workshopIds);
}
