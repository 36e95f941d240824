import { deleteRegistrations, registrationsPastRetention } from '../db/retention';

/** Deleted per run (D1 allows 100 bound parameters per statement). */
const PER_RUN = 90;

/** Deletes personal data past each series' retention period; returns how many registrations. */
export async function applyRetention(db: D1Database, now: number): Promise<number> {
  const ids = await registrationsPastRetention(db, now, PER_RUN);
  if (ids.length > 0) await db.batch(deleteRegistrations(db, ids));
  return ids.length;
}
