import { liveSeatCount, seatedLive } from './seat-rule';

/**
 * Waiting lists (migration 0007): places in line, and the statements that move the first
 * confirmed person in line into a freed seat. Those run in the same batch as whatever frees the
 * seat, so no request can take the seat in between, and concurrent frees each fill what they
 * freed: the seat guard (migration 0004) still judges every seat, and a statement inserts only
 * as many as it finds free, so it never trips the guard and never oversells.
 */

/** A place in line counts while its registration is confirmed, or pending within its hold. */
const COUNTS = (r: string, now: string) =>
  `(${r}.status = 'confirmed' OR (${r}.status = 'pending' AND ${r}.expires_at > ${now}))`;

/** Places in line for a registration in these workshops; run in the registration's batch. */
export const insertPlaces = (
  db: D1Database,
  place: { registrationId: string; emailKey: string; now: number },
  workshopIds: readonly string[],
): D1PreparedStatement[] =>
  workshopIds.map((workshopId) =>
    db
      .prepare(
        // Already in this line with another registration: that place stays, this adds none.
        `INSERT INTO waitlist (registration_id, workshop_id, email_key, created_at)
         VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      )
      .bind(place.registrationId, workshopId, place.emailKey, place.now),
  );

/**
 * Moves the first confirmed people in line into the free seats of these workshops (or of every
 * workshop): at most as many per workshop as are free now, in the order they joined, skipping
 * unconfirmed places. Free and owed are counted exactly as the seat guard (migration 0009) counts
 * them, by the rule in db/seat-rule.ts: a lapsed hold frees its seat even before it expires, and a
 * person in line with a live seat there (another registration of theirs) is owed none and has no
 * turn. One whose seat there is a lapsed hold keeps their turn (they are owed a seat) but is not
 * moved in here: the unique index allows one held seat per address, and theirs is still held
 * until the expiry, which moves them in. So the seats behind them go only to those the guard lets
 * pass, and the fill never trips it. Two statements: the seats, then their places marked promoted
 * (a waiting place whose own seat is held was just promoted).
 *
 * SQLite reads the whole SELECT before inserting (it reads the table it inserts into), so the
 * free count is the one before this statement; a concurrent free runs its own statement after
 * or before this one, never between.
 */
export function fillFromWaitlist(
  db: D1Database,
  now: number,
  workshopIds: readonly string[] | 'all',
): D1PreparedStatement[] {
  const only = workshopIds === 'all' ? null : JSON.stringify(workshopIds);
  return [
    // An offer whose seat was let go (the person cancelled it: declined) ends here.
    db
      .prepare(
        `UPDATE waitlist SET status = 'left', ended_at = ?1
         WHERE status = 'offered' AND NOT EXISTS (
           SELECT 1 FROM seats s WHERE s.registration_id = waitlist.registration_id
             AND s.workshop_id = waitlist.workshop_id AND s.status = 'held')`,
      )
      .bind(now),
    db
      .prepare(
        `INSERT INTO seats (registration_id, workshop_id, email_key, created_at)
         SELECT registration_id, workshop_id, email_key, ?1 FROM (
           SELECT q.registration_id, q.workshop_id, q.email_key,
             ROW_NUMBER() OVER (PARTITION BY q.workshop_id ORDER BY q.id) AS place,
             w.capacity - ${liveSeatCount('q.workshop_id', '?1')} AS free,
             EXISTS (SELECT 1 FROM seats l WHERE l.workshop_id = q.workshop_id
                       AND l.email_key = q.email_key AND l.status = 'held') AS lapsed_seat
           FROM waitlist q
             JOIN registrations r ON r.id = q.registration_id AND r.status = 'confirmed'
             JOIN workshops w ON w.id = q.workshop_id
           WHERE q.status = 'waiting' AND w.cancelled_at IS NULL AND ?1 < w.registration_closes_at
             AND (?2 IS NULL OR q.workshop_id IN (SELECT value FROM json_each(?2)))
             AND NOT ${seatedLive('q', '?1')})
         WHERE place <= free AND NOT lapsed_seat`,
      )
      .bind(now, only),
    markPromoted(db, now),
  ];
}

/**
 * Waiting places whose registration now holds the seat were moved in at this instant: promoted,
 * or in a workshop in 'offer' mode offered (the seat is held for them until `offered_until`, at
 * most until registration closes). By hand an organizer promotes whatever the mode
 * (`promoteByHand` marks the place itself, before the seat).
 */
const markPromoted = (db: D1Database, now: number) =>
  db
    .prepare(
      `UPDATE waitlist SET
         status = CASE WHEN w.waitlist_mode = 'offer' THEN 'offered' ELSE 'promoted' END,
         promoted_at = ?1,
         offered_until = CASE WHEN w.waitlist_mode = 'offer'
           THEN MIN(?1 + w.offer_minutes * 60000, w.registration_closes_at) END
       FROM workshops w
       WHERE w.id = waitlist.workshop_id AND waitlist.status = 'waiting' AND EXISTS (
         SELECT 1 FROM seats s WHERE s.registration_id = waitlist.registration_id
           AND s.workshop_id = waitlist.workshop_id AND s.status = 'held')`,
    )
    .bind(now);

/** Takes a place out of line ('removed' by an organizer, 'left' by the person). */
export const endPlace = (
  db: D1Database,
  registrationId: string,
  workshopId: string,
  status: 'removed' | 'left',
  now: number,
) =>
  db
    .prepare(
      `UPDATE waitlist SET status = ?3, ended_at = ?4
       WHERE registration_id = ?1 AND workshop_id = ?2 AND status = 'waiting'`,
    )
    .bind(registrationId, workshopId, status, now);

/** A cancelled workshop's line ends ('removed': the organizer's doing). */
export const endLine = (db: D1Database, workshopId: string, now: number) =>
  db
    .prepare(
      `UPDATE waitlist SET status = 'removed', ended_at = ?2
       WHERE workshop_id = ?1 AND status = 'waiting'`,
    )
    .bind(workshopId, now);

/**
 * Places of registrations that expired unconfirmed end with them (after `expirePending`): all, or
 * only `registrationId`'s.
 */
export const expirePlaces = (db: D1Database, now: number, registrationId: string | null = null) =>
  db
    .prepare(
      `UPDATE waitlist SET status = 'expired', ended_at = ?1
       WHERE status = 'waiting' AND (?2 IS NULL OR registration_id = ?2)
         AND registration_id IN (SELECT id FROM registrations WHERE status IN ('expired', 'cancelled'))`,
    )
    .bind(now, registrationId);

/**
 * A late confirmation (its hold ran out, its link still works) takes its places in line back at
 * the end of each line: a new id (the rowid orders the line), as if it joined now. Only if this
 * batch confirmed the registration (run after `confirmRegistration`); a place the address holds
 * in that line through another registration stays the one (OR IGNORE: the unique index).
 */
export const rejoinLine = (
  db: D1Database,
  registrationId: string,
  workshopId: string,
  now: number,
) =>
  db
    .prepare(
      `UPDATE OR IGNORE waitlist SET id = (SELECT MAX(id) + 1 FROM waitlist), status = 'waiting',
         created_at = ?3, ended_at = NULL
       WHERE registration_id = ?1 AND workshop_id = ?2 AND status = 'expired'
         AND EXISTS (SELECT 1 FROM registrations
                     WHERE id = ?1 AND status = 'confirmed' AND confirmed_at = ?3)`,
    )
    .bind(registrationId, workshopId, now);

export type { PlaceStatus, LinePlace } from './waitlist-reads';

/** Counted places in line now per workshop (the next to join gets this + 1). */
export async function lineLengths(
  db: D1Database,
  workshopIds: readonly string[],
  now: number,
): Promise<Map<string, number>> {
  const lengths = new Map(workshopIds.map((id) => [id, 0]));
  if (workshopIds.length === 0) return lengths;
  const { results } = await db
    .prepare(
      `SELECT q.workshop_id, COUNT(*) AS waiting FROM waitlist q
         JOIN registrations r ON r.id = q.registration_id
       WHERE q.status = 'waiting' AND ${COUNTS('r', '?2')}
         AND q.workshop_id IN (SELECT value FROM json_each(?1))
       GROUP BY q.workshop_id`,
    )
    .bind(JSON.stringify(workshopIds), now)
    .all<{ workshop_id: string; waiting: number }>();
  for (const r of results) lengths.set(r.workshop_id, r.waiting);
  return lengths;
}

/** A registration's places in line now: workshop id → place (1 is next). */
export async function placesOf(
  db: D1Database,
  registrationId: string,
  now: number,
): Promise<Map<string, number>> {
  const { results } = await db
    .prepare(
      `SELECT q.workshop_id,
         (SELECT COUNT(*) FROM waitlist p JOIN registrations pr ON pr.id = p.registration_id
          WHERE p.workshop_id = q.workshop_id AND p.status = 'waiting' AND p.id <= q.id
            AND ${COUNTS('pr', '?2')}) AS place
       FROM waitlist q WHERE q.registration_id = ?1 AND q.status = 'waiting'`,
    )
    .bind(registrationId, now)
    .all<{ workshop_id: string; place: number }>();
  return new Map(results.map((r) => [r.workshop_id, r.place]));
}

/** Places moved in (promoted, or offered a seat) and not announced yet. */
export async function unannouncedPromotions(
  db: D1Database,
  limit: number,
): Promise<{ registrationId: string; workshopId: string; offeredUntil: number | null }[]> {
  const { results } = await db
    .prepare(
      `SELECT q.registration_id, q.workshop_id, q.status, q.offered_until FROM waitlist q
       WHERE q.status IN ('promoted', 'offered') AND q.announced_at IS NULL
       ORDER BY q.promoted_at, q.id LIMIT ?`,
    )
    .bind(limit)
    .all<{
      registration_id: string;
      workshop_id: string;
      status: string;
      offered_until: number | null;
    }>();
  return results.map((r) => ({
    registrationId: r.registration_id,
    workshopId: r.workshop_id,
    offeredUntil: r.status === 'offered' ? r.offered_until : null,
  }));
}

/** The promotion was announced (its message queued, or skipped as no longer true). */
export const markAnnounced = (
  db: D1Database,
  registrationId: string,
  workshopId: string,
  now: number,
) =>
  db
    .prepare(
      `UPDATE waitlist SET announced_at = ?3
       WHERE registration_id = ?1 AND workshop_id = ?2 AND announced_at IS NULL`,
    )
    .bind(registrationId, workshopId, now);
