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

/**
 * One page of candidates, soonest end first; `after` is the last row of the previous page, so a
 * run can read on past candidates the rules turn down.
 */
export async function followUpCandidates(
  db: D1Database,
  now: number,
  limit: number,
  after?: Pick<FollowUpCandidate, 'endsAt' | 'workshopId' | 'registrationId'>,
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
         AND (?4 IS NULL OR (w.ends_at, s.workshop_id, s.registration_id) > (?4, ?5, ?6))
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.kind = 'followup'
                         AND o.registration_id = s.registration_id AND o.workshop_id = s.workshop_id)
       ORDER BY w.ends_at, s.workshop_id, s.registration_id
       LIMIT ?3`,
    )
    .bind(
      now,
      FOLLOW_UP_CATCH_UP_MS,
      limit,
      after?.endsAt ?? null,
      after?.workshopId ?? null,
      after?.registrationId ?? null,
    )
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

/** A second reminder (for the workshop's current start) or a follow-up in the ledger. */
export interface DeliveryEntry {
  registrationId: string;
  workshopId: string;
  kind: 'reminder_short' | 'followup';
  status: 'queued' | 'sending' | 'sent' | 'failed' | 'dropped';
}

/** The series' second reminders and follow-ups, for the organizer's registrations list. */
export async function deliveryLedger(db: D1Database, seriesId: number): Promise<DeliveryEntry[]> {
  const { results } = await db
    .prepare(
      `SELECT o.registration_id, o.workshop_id, o.kind, o.status
       FROM outbox o JOIN workshops w ON w.id = o.workshop_id
       WHERE w.series_id = ?
         AND (o.kind = 'followup' OR (o.kind = 'reminder_short' AND o.starts_at = w.starts_at))
       ORDER BY o.created_at, o.rowid`,
    )
    .bind(seriesId)
    .all<{
      registration_id: string;
      workshop_id: string;
      kind: DeliveryEntry['kind'];
      status: DeliveryEntry['status'];
    }>();
  return results.map((r) => ({
    registrationId: r.registration_id,
    workshopId: r.workshop_id,
    kind: r.kind,
    status: r.status,
  }));
}
