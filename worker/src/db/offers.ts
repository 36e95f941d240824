import type { PlaceStatus } from './waitlist-reads';

/** Offered seats ('offer' mode, migration 0007): a seat held for the first in line to accept. */

/**
 * Offers not accepted in time: their seats go back (release_reason 'offer_expired') and the
 * places end, oldest offer first in effect: the fill that follows in the same batch offers each
 * freed seat to the next in line, in order.
 */
export const expireOffers = (db: D1Database, now: number): D1PreparedStatement[] => [
  db
    .prepare(
      `UPDATE seats SET status = 'released', released_at = ?1, release_reason = 'offer_expired'
       WHERE status = 'held' AND EXISTS (
         SELECT 1 FROM waitlist q WHERE q.registration_id = seats.registration_id
           AND q.workshop_id = seats.workshop_id AND q.status = 'offered'
           AND q.offered_until <= ?1)`,
    )
    .bind(now),
  db
    .prepare(
      `UPDATE waitlist SET status = 'offer_expired', ended_at = ?1
       WHERE status = 'offered' AND offered_until <= ?1`,
    )
    .bind(now),
];

/**
 * The person accepts an offer in time: promoted, and to be announced again (the "you have a
 * seat" message with the calendar file). Check `meta.changes`: 0 when the offer ran out or is
 * not theirs.
 */
export const acceptOffer = (
  db: D1Database,
  registrationId: string,
  workshopId: string,
  now: number,
) =>
  db
    .prepare(
      `UPDATE waitlist SET status = 'promoted', promoted_at = ?3, announced_at = NULL
       WHERE registration_id = ?1 AND workshop_id = ?2 AND status = 'offered'
         AND offered_until > ?3 AND EXISTS (
           SELECT 1 FROM seats s WHERE s.registration_id = ?1 AND s.workshop_id = ?2
             AND s.status = 'held')`,
    )
    .bind(registrationId, workshopId, now);

/** A registration's offered place in a workshop: until when, or null when none. */
export async function offerOf(
  db: D1Database,
  registrationId: string,
  workshopId: string,
): Promise<{ status: PlaceStatus; offeredUntil: number | null } | null> {
  const row = await db
    .prepare(
      `SELECT status, offered_until FROM waitlist WHERE registration_id = ? AND workshop_id = ?`,
    )
    .bind(registrationId, workshopId)
    .first<{ status: PlaceStatus; offered_until: number | null }>();
  return row ? { status: row.status, offeredUntil: row.offered_until } : null;
}

/** An open offer, as the cron reads it. */
export interface OfferCandidate {
  registrationId: string;
  workshopId: string;
  offeredAt: number;
  offeredUntil: number;
}

/**
 * Open offers with no reminder queued yet, soonest to run out first (the cron's candidates for
 * `selectDueOfferReminders`), a page at a time: `after` is the last row of the previous page, so
 * that offers the rules turn down (too short for a reminder, not due yet) cannot hide due ones.
 */
export async function offerReminderCandidates(
  db: D1Database,
  now: number,
  limit: number,
  after?: OfferCandidate,
): Promise<OfferCandidate[]> {
  const { results } = await db
    .prepare(
      `SELECT q.registration_id, q.workshop_id, q.promoted_at, q.offered_until FROM waitlist q
       WHERE q.status = 'offered' AND q.offered_until > ?1
         AND (?3 IS NULL OR q.offered_until > ?3
              OR (q.offered_until = ?3 AND (q.registration_id, q.workshop_id) > (?4, ?5)))
         AND NOT EXISTS (
           SELECT 1 FROM outbox o WHERE o.registration_id = q.registration_id
             AND o.workshop_id = q.workshop_id AND o.kind = 'offer_reminder')
       ORDER BY q.offered_until, q.registration_id, q.workshop_id LIMIT ?2`,
    )
    .bind(
      now,
      limit,
      after?.offeredUntil ?? null,
      after?.registrationId ?? null,
      after?.workshopId ?? null,
    )
    .all<{
      registration_id: string;
      workshop_id: string;
      promoted_at: number;
      offered_until: number;
    }>();
  return results.map((r) => ({
    registrationId: r.registration_id,
    workshopId: r.workshop_id,
    offeredAt: r.promoted_at,
    offeredUntil: r.offered_until,
  }));
}
