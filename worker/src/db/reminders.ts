import type { ReminderCandidate } from '../jobs/reminders';

interface CandidateRow {
  registration_id: string;
  registration_status: string;
  seat_status: string;
  workshop_id: string;
  starts_at: number;
  cancelled_at: number | null;
  reminded: number;
}

/**
 * Seats whose workshop starts within the lead time and that have no reminder yet. The pure
 * `selectDueReminders` has the last word; this only narrows what is read.
 */
export async function reminderCandidates(
  db: D1Database,
  now: number,
  leadMs: number,
  limit: number,
  registrationId?: string,
): Promise<ReminderCandidate[]> {
  const { results } = await db
    .prepare(
      `SELECT s.registration_id, r.status AS registration_status, s.status AS seat_status,
         s.workshop_id, w.starts_at, w.cancelled_at,
         EXISTS (SELECT 1 FROM outbox o WHERE o.dedupe_key =
           'reminder:' || s.registration_id || ':' || s.workshop_id || ':' || w.starts_at) AS reminded
       FROM seats s
       JOIN registrations r ON r.id = s.registration_id
       JOIN workshops w ON w.id = s.workshop_id
       WHERE s.status = 'held' AND r.status = 'confirmed' AND w.cancelled_at IS NULL
         AND w.starts_at > ?1 AND w.starts_at <= ?1 + ?2
         AND (?3 IS NULL OR s.registration_id = ?3)
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.dedupe_key =
           'reminder:' || s.registration_id || ':' || s.workshop_id || ':' || w.starts_at)
       ORDER BY w.starts_at
       LIMIT ?4`,
    )
    .bind(now, leadMs, registrationId ?? null, limit)
    .all<CandidateRow>();
  return results.map((r) => ({
    registrationId: r.registration_id,
    registrationStatus: r.registration_status,
    seatStatus: r.seat_status,
    workshopId: r.workshop_id,
    startsAt: r.starts_at,
    cancelledAt: r.cancelled_at,
    reminded: r.reminded === 1,
  }));
}
