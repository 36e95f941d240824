/**
 * A seat in a workshop that starts within the lead time and has no reminder for that start time
 * yet, in whatever state: whether it is due is for `selectDueReminders` to say.
 */
export interface ReminderCandidate {
  registrationId: string;
  registrationStatus: string;
  seatStatus: string;
  workshopId: string;
  startsAt: number;
  cancelledAt: number | null;
  /** Which reminder: the join link at the series' lead time, or its second, short one. */
  kind?: ReminderKind;
  /** The series' lead time for this kind (issue 12). */
  leadMs?: number;
  /** Second reminders: when the first reminder for this start was queued (null: not yet). */
  firstReminderAt?: number | null;
  /** The seat is offered from a waiting list and not accepted yet (issue 12). */
  offered?: boolean;
}

export type ReminderKind = 'reminder' | 'reminder_short';

/** The series column with each kind's lead time, in minutes. */
const LEAD_COLUMN: Record<ReminderKind, string> = {
  reminder: 'se.reminder_lead_minutes',
  reminder_short: 'se.second_reminder_minutes',
};

export interface CandidateQuery {
  now: number;
  /** How long before its start a workshop's seats are read (default: the series' schedule). */
  leadMs?: number;
  /** Which reminder's candidates (default: the join link at the lead time). */
  kind?: ReminderKind;
  limit: number;
  /** Only these registrations' seats (one JSON array: D1 binds at most 100 values). */
  registrationIds?: readonly string[];
  /** The last candidate of the previous page: reading goes on after it. */
  after?: Pick<ReminderCandidate, 'startsAt' | 'workshopId' | 'registrationId'>;
}

interface CandidateRow {
  registration_id: string;
  registration_status: string;
  seat_status: string;
  workshop_id: string;
  starts_at: number;
  cancelled_at: number | null;
  lead_ms: number;
  first_reminder_at: number | null;
  offered: number;
}

/**
 * One page of candidates, soonest workshop first. SQL only narrows: to the time window, and past
 * seats the ledger already has a reminder for at this start time (so that work done never fills a
 * page). Every rule about who is reminded is the pure `selectDueReminders`'s.
 */
export async function reminderCandidates(
  db: D1Database,
  q: CandidateQuery,
): Promise<ReminderCandidate[]> {
  const kind = q.kind ?? 'reminder';
  // The kind is one of two literals: spelled into the SQL so the ledger's partial index applies.
  const lead = `COALESCE(?2, ${LEAD_COLUMN[kind]} * 60000)`;
  const { results } = await db
    .prepare(
      `SELECT s.registration_id, r.status AS registration_status, s.status AS seat_status,
         s.workshop_id, w.starts_at, w.cancelled_at, ${lead} AS lead_ms,
         ${
           kind === 'reminder_short'
             ? `(SELECT MIN(f.created_at) FROM outbox f
                 WHERE f.kind = 'reminder' AND f.registration_id = s.registration_id
                   AND f.workshop_id = s.workshop_id AND f.starts_at = w.starts_at
                   AND f.status <> 'dropped')`
             : 'NULL'
         } AS first_reminder_at,
         EXISTS (SELECT 1 FROM waitlist q WHERE q.registration_id = s.registration_id
                 AND q.workshop_id = s.workshop_id AND q.status = 'offered') AS offered
       FROM workshops w
       JOIN series se ON se.id = w.series_id
       JOIN seats s ON s.workshop_id = w.id
       JOIN registrations r ON r.id = s.registration_id
       WHERE w.starts_at > ?1 AND ${lead} IS NOT NULL AND w.starts_at <= ?1 + ${lead}
         AND (?3 IS NULL OR s.registration_id IN (SELECT value FROM json_each(?3)))
         AND (?5 IS NULL OR (w.starts_at, s.workshop_id, s.registration_id) > (?5, ?6, ?7))
         AND NOT EXISTS (
           SELECT 1 FROM outbox o
           WHERE o.kind = '${kind}' AND o.registration_id = s.registration_id
             AND o.workshop_id = s.workshop_id AND o.starts_at = w.starts_at)
       ORDER BY w.starts_at, s.workshop_id, s.registration_id
       LIMIT ?4`,
    )
    .bind(
      q.now,
      q.leadMs ?? null,
      q.registrationIds ? JSON.stringify(q.registrationIds) : null,
      q.limit,
      q.after?.startsAt ?? null,
      q.after?.workshopId ?? null,
      q.after?.registrationId ?? null,
    )
    .all<CandidateRow>();
  return results.map((r) => ({
    registrationId: r.registration_id,
    registrationStatus: r.registration_status,
    seatStatus: r.seat_status,
    workshopId: r.workshop_id,
    startsAt: r.starts_at,
    cancelledAt: r.cancelled_at,
    kind,
    leadMs: r.lead_ms,
    firstReminderAt: r.first_reminder_at,
    offered: r.offered === 1,
  }));
}

/** A join-link reminder in the ledger, for the workshop's current start time. */
export interface ReminderLedgerEntry {
  registrationId: string;
  workshopId: string;
  status: 'queued' | 'sending' | 'sent' | 'failed';
}

/**
 * The reminders of a series' workshops for their current start times (one per seat and start;
 * a resend by an organizer is a second row for the same seat). A moved workshop's reminders for
 * its old time are history, not counted.
 */
export async function reminderLedger(
  db: D1Database,
  seriesId: number,
): Promise<ReminderLedgerEntry[]> {
  const { results } = await db
    .prepare(
      `SELECT o.registration_id, o.workshop_id, o.status
       FROM outbox o JOIN workshops w ON w.id = o.workshop_id
       WHERE o.kind = 'reminder' AND w.series_id = ? AND o.starts_at = w.starts_at
       ORDER BY o.created_at, o.rowid`,
    )
    .bind(seriesId)
    .all<{ registration_id: string; workshop_id: string; status: ReminderLedgerEntry['status'] }>();
  return results.map((r) => ({
    registrationId: r.registration_id,
    workshopId: r.workshop_id,
    status: r.status,
  }));
}
