import { createSeries, createWorkshop, HOUR, unique } from './series-fixtures';
import type { TestWorker } from './worker';

/**
 * Hundreds of confirmed registrations in one statement each, for the tests at volume (mail
 * fan-out, offer reminders): registering them one by one through the API would take minutes.
 * Ids and addresses are `<prefix>-<i>`; all belong to the workshop's series.
 */
export const confirmedInBulk = (
  db: D1Database,
  prefix: string,
  workshopId: string,
  n: number,
  confirmedAt: number,
) =>
  db
    .prepare(
      `INSERT INTO registrations (id, series_id, given_name, family_name, email, email_key,
         organization_type, locale, status, created_at, confirmed_at, base_url)
       WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < ?3 - 1)
       SELECT ?1 || '-' || i, (SELECT series_id FROM workshops WHERE id = ?2), 'Ema', 'Nová',
         ?1 || '-' || i || '@example.org', ?1 || '-' || i || '@example.org', 'municipality',
         'sk', 'confirmed', ?4, ?4, 'http://worker.test'
       FROM k`,
    )
    .bind(prefix, workshopId, n, confirmedAt);

/** A seat in the workshop for each of `confirmedInBulk`'s registrations of `prefix`. */
export const seatsInBulk = (db: D1Database, prefix: string, workshopId: string, at: number) =>
  db
    .prepare(
      `INSERT INTO seats (registration_id, workshop_id, email_key, created_at)
       SELECT id, ?2, email_key, ?3 FROM registrations WHERE id LIKE ?1 || '-%'`,
    )
    .bind(prefix, workshopId, at);

/**
 * `n` confirmed people, each holding a seat in `workshopId` offered to them at `offeredAt` until
 * `offeredUntil` ('offer' mode), announced at `announcedAt` (null: moved in by a request that
 * did not get to announce it, the cron's catch-up).
 */
export const offeredInBulk = (
  db: D1Database,
  prefix: string,
  workshopId: string,
  n: number,
  offer: { offeredAt: number; offeredUntil: number; announcedAt: number | null },
) => [
  confirmedInBulk(db, prefix, workshopId, n, offer.offeredAt),
  seatsInBulk(db, prefix, workshopId, Date.now()),
  db
    .prepare(
      `INSERT INTO waitlist (registration_id, workshop_id, email_key, status, created_at,
         promoted_at, offered_until, announced_at)
       SELECT id, ?2, email_key, 'offered', ?3, ?3, ?4, ?5
       FROM registrations WHERE id LIKE ?1 || '-%'`,
    )
    .bind(prefix, workshopId, offer.offeredAt, offer.offeredUntil, offer.announcedAt),
];

/**
 * A workshop starting 23 h after `t0` (its join-link reminder due at `t0`) with `n` confirmed
 * registrations holding a seat each, registered two days before `t0`.
 */
export async function workshopWithDueReminders(worker: TestWorker, n: number, t0: number) {
  const slug = unique('due');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug, { startsInHours: 200, capacity: n });
  const startsAt = t0 + 23 * HOUR;
  await worker.db.batch([
    worker.db
      .prepare(
        `UPDATE workshops SET starts_at = ?2, ends_at = ?2 + ${2 * HOUR},
           registration_closes_at = ?2 WHERE id = ?1`,
      )
      .bind(workshop.id, startsAt),
    confirmedInBulk(worker.db, slug, workshop.id, n, t0 - 2 * 24 * HOUR),
    seatsInBulk(worker.db, slug, workshop.id, t0 - 2 * 24 * HOUR),
  ]);
  return { slug, workshop };
}
