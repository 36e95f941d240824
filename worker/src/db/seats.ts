import type { RegistrationStatus } from './registrations';
import { stillSeatedElsewhere } from './seats-elsewhere';

/** Why the database refused a seat (raised by the `seats_guard` trigger). */
export type SeatRefusal = 'workshop_full' | 'registration_closed';

export class SeatRefusedError extends Error {
  constructor(readonly reason: SeatRefusal) {
    super(reason);
    this.name = 'SeatRefusedError';
  }
}

/** The client has as many unconfirmed registrations in the series as it may (migration 0004). */
export class PendingCapError extends Error {
  override name = 'PendingCapError';
}

/** Two requests for the same address raced for the same seat; the loser looks again. */
export class DuplicateSeatError extends Error {
  override name = 'DuplicateSeatError';
}

/**
 * Runs a batch (one transaction), turning the seat guard's refusal into a SeatRefusedError, a
 * second seat for the same address (the unique index) into a DuplicateSeatError, and the pending
 * cap's refusal into a PendingCapError.
 */
export async function runSeatBatch(db: D1Database, statements: D1PreparedStatement[]) {
  try {
    return await db.batch(statements);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (message.includes('workshop_full')) throw new SeatRefusedError('workshop_full');
    if (message.includes('registration_closed')) throw new SeatRefusedError('registration_closed');
    if (message.includes('UNIQUE') && message.includes('seats')) throw new DuplicateSeatError();
    if (message.includes('too_many_pending')) throw new PendingCapError();
    throw error;
  }
}

/** A registration's seats in these workshops; run them with runSeatBatch. */
export const insertSeats = (
  db: D1Database,
  seat: { registrationId: string; emailKey: string; now: number },
  workshopIds: readonly string[],
): D1PreparedStatement[] =>
  workshopIds.map((workshopId) =>
    db
      .prepare(
        // No silent skip: if the address took this seat meanwhile, the unique index fails the
        // whole batch rather than leave a registration without the seat its e-mail promises.
        `INSERT INTO seats (registration_id, workshop_id, email_key, created_at) VALUES (?, ?, ?, ?)`,
      )
      .bind(seat.registrationId, workshopId, seat.emailKey, seat.now),
  );

/**
 * Frees some of a registration's seats (the person cancelled them): all of them or, if any is no
 * longer held (a parallel cancellation, expiry or the organizer was first), none. A registration
 * left with no seat (and no place in a waiting list) is cancelled. Check the first statement's `meta.changes`.
 */
export function releaseSeats(
  db: D1Database,
  registrationId: string,
  workshopIds: readonly string[],
  now: number,
): D1PreparedStatement[] {
  const placeholders = workshopIds.map(() => '?').join(', ');
  return [
    db
      .prepare(
        `UPDATE seats SET status = 'released', released_at = ?, release_reason = 'cancelled'
         WHERE registration_id = ? AND status = 'held' AND workshop_id IN (${placeholders})
           AND (SELECT COUNT(*) FROM seats
                WHERE registration_id = ? AND status = 'held' AND workshop_id IN (${placeholders}))
               = ?`,
      )
      .bind(
        now,
        registrationId,
        ...workshopIds,
        registrationId,
        ...workshopIds,
        workshopIds.length,
      ),
    db
      .prepare(
        `UPDATE registrations SET status = 'cancelled', client_key = NULL
         WHERE id = ?1 AND status IN ('pending', 'confirmed')
           AND NOT EXISTS (SELECT 1 FROM seats WHERE registration_id = ?1 AND status = 'held')
           -- Still in a waiting list (issue 12): the registration stands for that place.
           AND NOT EXISTS (SELECT 1 FROM waitlist
                           WHERE registration_id = ?1 AND status IN ('waiting', 'offered'))`,
      )
      .bind(registrationId),
  ];
}

/**
 * A late confirmation takes back the seats its hold released, in these workshops, while its link
 * works (registered after `linkValidSince`), and while the address still holds its seats elsewhere
 * in `seatedElsewhere` (as the confirmation itself requires: db/confirmations.ts), so a
 * confirmation that changes nothing takes nothing back either. The retake trigger (migration 0004)
 * judges each seat like a new one: a full, closed or cancelled workshop refuses it and the batch.
 */
export function retakeLapsedSeats(
  db: D1Database,
  registrationId: string,
  workshopIds: readonly string[],
  now: number,
  linkValidSince: number,
  seatedElsewhere: readonly string[] = [],
): D1PreparedStatement {
  const placeholders = workshopIds.map(() => '?').join(', ');
  const elsewhere = stillSeatedElsewhere('registrations', seatedElsewhere);
  return db
    .prepare(
      `UPDATE seats SET status = 'held', released_at = NULL, release_reason = NULL, created_at = ?
       WHERE registration_id = ? AND status = 'released' AND release_reason = 'expired'
         AND workshop_id IN (${placeholders})
         AND EXISTS (SELECT 1 FROM registrations
                     WHERE id = ? AND status = 'expired' AND created_at > ? AND ${elsewhere.sql})`,
    )
    .bind(now, registrationId, ...workshopIds, registrationId, linkValidSince, ...elsewhere.params);
}

/** Seats of one workshop (or every workshop of a series) by seat and registration status. */
export interface SeatTally {
  workshopId: string;
  seatStatus: 'held' | 'released';
  registrationStatus: RegistrationStatus;
  organizationType: string;
  seats: number;
}

/** Seat counts per workshop, seat status, registration status and organization type. */
export async function tallySeats(
  db: D1Database,
  by: { seriesId: number } | { workshopId: string },
): Promise<SeatTally[]> {
  const where = 'seriesId' in by ? 'w.series_id = ?' : 'w.id = ?';
  const { results } = await db
    .prepare(
      `SELECT s.workshop_id, s.status AS seat_status, r.status AS registration_status,
         r.organization_type, COUNT(*) AS seats
       FROM seats s JOIN registrations r ON r.id = s.registration_id
         JOIN workshops w ON w.id = s.workshop_id
       WHERE ${where}
       GROUP BY s.workshop_id, s.status, r.status, r.organization_type`,
    )
    .bind('seriesId' in by ? by.seriesId : by.workshopId)
    .all<{
      workshop_id: string;
      seat_status: 'held' | 'released';
      registration_status: RegistrationStatus;
      organization_type: string;
      seats: number;
    }>();
  return results.map((r) => ({
    workshopId: r.workshop_id,
    seatStatus: r.seat_status,
    registrationStatus: r.registration_status,
    organizationType: r.organization_type,
    seats: r.seats,
  }));
}
