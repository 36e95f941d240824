import { forgetRegistrationsInAudit } from './audit';

const DAY_MS = 86_400_000;

/** Dashes, as many bytes as column `c` holds: SQLite then overwrites the row in place. */
const FILLER = (c: string) => `printf('%.*c', length(CAST(${c} AS BLOB)), '-')`;

/** Days an expired (never confirmed) registration is kept, to answer "why was my seat released?". */
export const EXPIRED_KEEP_DAYS = 7;

/**
 * Registrations whose personal data is due for deletion: their series' retention period has
 * passed since their last workshop ended — one they had a seat in or a place in line for (issue
 * 12) — or since they registered, if they had neither.
 */
export async function registrationsPastRetention(
  db: D1Database,
  now: number,
  limit: number,
): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT r.id FROM registrations r JOIN series se ON se.id = r.series_id
       WHERE COALESCE(
           (SELECT MAX(w.ends_at) FROM workshops w
            WHERE w.id IN (SELECT workshop_id FROM seats WHERE registration_id = r.id
                           UNION SELECT workshop_id FROM waitlist WHERE registration_id = r.id)),
           r.created_at) + se.retention_days * ${DAY_MS} < ?1
         -- Never confirmed (often someone else's address): gone a week after the hold ended.
         OR (r.status = 'expired' AND r.expires_at + ${EXPIRED_KEEP_DAYS * DAY_MS} < ?1)
       LIMIT ?2`,
    )
    .bind(now, limit)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}

/**
 * Deletes the registrations, their seats, tokens and mail, and clears their ids from the audit
 * log, after adding their confirmed seats to the anonymous counts per workshop and organization
 * type. One batch: all or nothing.
 *
 * `countEndedBy`: count only seats in workshops that ended by then. Retention leaves it out (it
 * deletes after the workshops); an erasure passes "now", so that attendance already past stays in
 * the statistics while a seat given up for a workshop still to come is not counted.
 */
export function deleteRegistrations(
  db: D1Database,
  ids: readonly string[],
  { countEndedBy }: { countEndedBy?: number } = {},
): D1PreparedStatement[] {
  const list = ids.map(() => '?').join(', ');
  const statement = (sql: string) => db.prepare(sql).bind(...ids);
  const ended = ids.length + 1;
  const counts = db
    .prepare(
      `INSERT INTO attendance_counts (workshop_id, organization_type, participants)
       SELECT s.workshop_id, r.organization_type, COUNT(*)
       FROM seats s JOIN registrations r ON r.id = s.registration_id
         JOIN workshops w ON w.id = s.workshop_id
       WHERE r.id IN (${list}) AND r.status = 'confirmed' AND s.status = 'held'
         AND (?${ended} IS NULL OR w.ends_at <= ?${ended})
       GROUP BY s.workshop_id, r.organization_type
       ON CONFLICT (workshop_id, organization_type)
       DO UPDATE SET participants = participants + excluded.participants`,
    )
    .bind(...ids, countEndedBy ?? null);
  /**
   * Overwrites the personal columns in place before the rows go. D1 refuses `PRAGMA
   * secure_delete`, and SQLite leaves a deleted row's bytes in the page's free space, where they
   * stay in the database file and in every later copy of that page in the write-ahead log. A value
   * of the same byte length makes SQLite rewrite the cell where it is, so the freed space holds
   * filler (test/worker/erase.test.ts scans the local files).
   */
  const scrub = (table: string, columns: string[], key: string) =>
    statement(
      `UPDATE ${table} SET ${columns.map((c) => `${c} = ${FILLER(c)}`).join(', ')}
       WHERE ${key} IN (${list})`,
    );
  return [
    counts,
    scrub(
      'outbox',
      ['to_address', 'subject', 'text_body', 'html_body', 'attachments'],
      'registration_id',
    ),
    // Each seat's key becomes its registration id, padded to the same length: equal fillers
    // would collide in the index of held seats (one per address and workshop), and a seat taken
    // out of that index instead would leave the old key in the index's free space.
    statement(
      `UPDATE seats SET email_key = substr(registration_id || ${FILLER('email_key')}, 1, length(CAST(email_key AS BLOB)))
       WHERE registration_id IN (${list})`,
    ),
    statement(
      `UPDATE waitlist SET email_key = substr(registration_id || ${FILLER('email_key')}, 1, length(CAST(email_key AS BLOB)))
       WHERE registration_id IN (${list})`,
    ),
    scrub(
      'registrations',
      ['given_name', 'family_name', 'email', 'email_key', 'organization', 'role'],
      'id',
    ),
    statement(`DELETE FROM outbox WHERE registration_id IN (${list})`),
    statement(`DELETE FROM tokens WHERE registration_id IN (${list})`),
    statement(`DELETE FROM seats WHERE registration_id IN (${list})`),
    statement(`DELETE FROM waitlist WHERE registration_id IN (${list})`),
    statement(`DELETE FROM registrations WHERE id IN (${list})`),
    forgetRegistrationsInAudit(db, ids),
  ];
}
