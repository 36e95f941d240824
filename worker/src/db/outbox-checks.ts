import type { RegistrationStatus } from './registrations';
import { outboxMessageFromRow, type OutboxMessage, type OutboxRow } from './outbox';

/** A registration's seat in a workshop, and that workshop, now. */
export interface SeatNow {
  held: boolean;
  workshopCancelled: boolean;
  sequence: number;
  startsAt: number;
  endsAt: number;
  /** The seat is an offer not accepted yet, waiting until then (null: not an open offer). */
  offeredUntil?: number | null;
}

/** What the mail checks read about a registration. */
export interface RegistrationNow {
  status: RegistrationStatus;
  createdAt: number;
  expiresAt: number | null;
}

/** The state now of the registrations these messages go to, and of their seats. */
export interface StateNow {
  registrations: Map<string, RegistrationNow>;
  /** Registration id → its seats by workshop id. */
  seats: Map<string, Map<string, SeatNow>>;
}

/** D1 binds at most 100 values per statement. */
const CHUNK = 90;

/** Two queries per 90 registrations, however many messages go to them. */
export async function stateOfRegistrations(
  db: D1Database,
  registrationIds: readonly string[],
): Promise<StateNow> {
  const state: StateNow = { registrations: new Map(), seats: new Map() };
  const ids = [...new Set(registrationIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const list = chunk.map(() => '?').join(', ');
    const [registrations, seats] = await db.batch([
      db
        .prepare(
          `SELECT id, status, created_at, expires_at FROM registrations WHERE id IN (${list})`,
        )
        .bind(...chunk),
      db
        .prepare(
          `SELECT s.registration_id, s.workshop_id, s.status, w.cancelled_at, w.sequence,
             w.starts_at, w.ends_at,
             (SELECT q.offered_until FROM waitlist q WHERE q.registration_id = s.registration_id
                AND q.workshop_id = s.workshop_id AND q.status = 'offered') AS offered_until
           FROM seats s JOIN workshops w ON w.id = s.workshop_id
           WHERE s.registration_id IN (${list})`,
        )
        .bind(...chunk),
    ]);
    for (const r of registrations!.results as RegistrationRow[]) {
      state.registrations.set(r.id, {
        status: r.status,
        createdAt: r.created_at,
        expiresAt: r.expires_at,
      });
    }
    for (const s of seats!.results as SeatRow[]) {
      if (!state.seats.has(s.registration_id)) state.seats.set(s.registration_id, new Map());
      state.seats.get(s.registration_id)!.set(s.workshop_id, {
        held: s.status === 'held',
        workshopCancelled: s.cancelled_at !== null,
        sequence: s.sequence,
        startsAt: s.starts_at,
        endsAt: s.ends_at,
        offeredUntil: s.offered_until,
      });
    }
  }
  return state;
}

interface RegistrationRow {
  id: string;
  status: RegistrationStatus;
  created_at: number;
  expires_at: number | null;
}

interface SeatRow {
  registration_id: string;
  workshop_id: string;
  status: string;
  cancelled_at: number | null;
  sequence: number;
  starts_at: number;
  ends_at: number;
  offered_until: number | null;
}

/**
 * A message that is no longer true, dropped from `from` (sending: claimed for delivery; failed:
 * asked to be requeued), with the reason. Its bodies go: they carry link tokens and will never
 * be sent.
 */
export const markDropped = (
  db: D1Database,
  id: string,
  reason: string,
  from: 'sending' | 'failed',
) =>
  db
    .prepare(
      `UPDATE outbox SET status = 'dropped', drop_reason = ?3, text_body = '', html_body = '',
         attachments = '[]'
       WHERE id = ?1 AND status = ?2`,
    )
    .bind(id, from, reason);

/** A failed message back to the queue, as if new (e.g. once the mail setup is fixed). */
export const requeue = (db: D1Database, id: string, now: number) =>
  db
    .prepare(
      `UPDATE outbox SET status = 'queued', attempts = 0, next_attempt_at = ?2
       WHERE id = ?1 AND status = 'failed'`,
    )
    .bind(id, now);

/** The failed messages of a series, with what the checks need. */
export async function failedMessagesOf(db: D1Database, seriesId: number): Promise<OutboxMessage[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM outbox
       WHERE status = 'failed'
         AND registration_id IN (SELECT id FROM registrations WHERE series_id = ?)`,
    )
    .bind(seriesId)
    .all<OutboxRow>();
  return results.map(outboxMessageFromRow);
}
