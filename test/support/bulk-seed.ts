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
