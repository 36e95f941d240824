import {
  registrationFromRow,
  SELECT_REGISTRATION,
  type Registration,
  type RegistrationRow,
} from './registrations';

/** What organizers read of a workshop's line (migration 0007). */

export type PlaceStatus =
  'waiting' | 'offered' | 'promoted' | 'offer_expired' | 'removed' | 'left' | 'expired';

/** A place in a workshop's line, for organizers. */
export interface LinePlace {
  registrationId: string;
  givenName: string;
  familyName: string;
  email: string;
  registrationStatus: string;
  status: PlaceStatus;
  joinedAt: number;
  promotedAt: number | null;
  offeredUntil: number | null;
  endedAt: number | null;
}

/** Everyone who was ever in a workshop's line, in the order they joined. */
export async function listLine(db: D1Database, workshopId: string): Promise<LinePlace[]> {
  const { results } = await db
    .prepare(
      `SELECT q.registration_id, r.given_name, r.family_name, r.email, r.status AS registration_status,
         q.status, q.created_at, q.promoted_at, q.offered_until, q.ended_at
       FROM waitlist q JOIN registrations r ON r.id = q.registration_id
       WHERE q.workshop_id = ? ORDER BY q.id`,
    )
    .bind(workshopId)
    .all<{
      registration_id: string;
      given_name: string;
      family_name: string;
      email: string;
      registration_status: string;
      status: PlaceStatus;
      created_at: number;
      promoted_at: number | null;
      offered_until: number | null;
      ended_at: number | null;
    }>();
  return results.map((r) => ({
    registrationId: r.registration_id,
    givenName: r.given_name,
    familyName: r.family_name,
    email: r.email,
    registrationStatus: r.registration_status,
    status: r.status,
    joinedAt: r.created_at,
    promotedAt: r.promoted_at,
    offeredUntil: r.offered_until,
    endedAt: r.ended_at,
  }));
}

/**
 * Confirmed people whose place in a workshop's line is waiting, or (`endedAt`) was ended as
 * 'removed' at that instant: those a cancellation of the workshop tells.
 */
export async function confirmedInLine(
  db: D1Database,
  workshopId: string,
  endedAt: number | null = null,
): Promise<Registration[]> {
  const { results } = await selectConfirmedInLine(db, workshopId, endedAt).all<RegistrationRow>();
  return results.map(registrationFromRow);
}

/** The statement behind confirmedInLine, to run in a batch with other reads. */
export const selectConfirmedInLine = (
  db: D1Database,
  workshopId: string,
  endedAt: number | null = null,
) =>
  db
    .prepare(
      `${SELECT_REGISTRATION}
       WHERE r.status = 'confirmed' AND r.id IN (
         SELECT registration_id FROM waitlist WHERE workshop_id = ?1
           AND (CASE WHEN ?2 IS NULL THEN status = 'waiting'
                     ELSE status = 'removed' AND ended_at = ?2 END))`,
    )
    .bind(workshopId, endedAt);
