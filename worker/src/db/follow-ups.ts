/**
 * A confirmed seat in a workshop with a follow-up whose time has come (or a little earlier: the
 * rules are `selectDueFollowUps`'s), with no follow-up in the ledger yet.
 */
export interface FollowUpCandidate {
  registrationId: string;
  registrationStatus: string;
  seatStatus: string;
  workshopId: string;
  endsAt: number;
  cancelledAt: number | null;
  /** Minutes after the end. */
  afterMinutes: number;
}

/** How far back the cron still catches up a follow-up (a week after it was due). */
export const FOLLOW_UP_CATCH_UP_MS = 7 * 24 * 3_600_000;

export async function followUpCandidates(
  db: D1Database,
  now: number,
  limit: number,
): Promise<FollowUpCandidate[]> {
  const { results } = await db
    .prepare(
      `SELECT s.registration_id, r.status AS registration_status, s.status AS seat_status,
         s.workshop_id, w.ends_at, w.cancelled_at, w.followup_after_minutes
       FROM workshops w
       JOIN seats s ON s.workshop_id = w.id
       JOIN registrations r ON r.id = s.registration_id
       WHERE w.followup_sk IS NOT NULL
         AND w.ends_at + w.followup_after_minutes * 60000 <= ?1
         AND w.ends_at + w.followup_after_minutes * 60000 > ?1 - ?2
         AND s.status = 'held' AND r.status = 'confirmed'
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.kind = 'followup'
                         AND o.registration_id = s.registration_id AND o.workshop_id = s.workshop_id)
       ORDER BY w.ends_at, s.workshop_id, s.registration_id
       LIMIT ?3`,
    )
    .bind(now, FOLLOW_UP_CATCH_UP_MS, limit)
    .all<{
      registration_id: string;
      registration_status: string;
      seat_status: string;
      workshop_id: string;
      ends_at: number;
      cancelled_at: number | null;
      followup_after_minutes: number;
    }>();
  return results.map((r) => ({
    registrationId: r.registration_id,
    registrationStatus: r.registration_status,
    seatStatus: r.seat_status,
    workshopId: r.workshop_id,
    endsAt: r.ends_at,
    cancelledAt: r.cancelled_at,
    afterMinutes: r.followup_after_minutes,
  }));
}
