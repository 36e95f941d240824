import { liveSeatCount } from './seat-rule';
import { stillSeatedElsewhere } from './seats-elsewhere';

/** Confirming a registration: the one statement, conditional on what was read. */

/** A workshop as a registration holds it: which, and at which sequence (time and link). */
export interface HeldWorkshop {
  id: string;
  sequence: number;
}

/**
 * The registration holds exactly these workshops, none cancelled, none changed since they were
 * read. Row values: D1 binds at most 100 values, and a registration holds at most 20 workshops.
 */
const holdsExactly = (registrationId: string, held: readonly HeldWorkshop[]) =>
  held.length === 0
    ? // Only places in line (issue 12): it must still hold no seat.
      {
        sql: `NOT EXISTS (SELECT 1 FROM seats WHERE registration_id = ? AND status = 'held')`,
        params: [registrationId],
      }
    : holdsThese(registrationId, held);

const holdsThese = (registrationId: string, held: readonly HeldWorkshop[]) => ({
  sql: `(SELECT COUNT(*) FROM seats WHERE registration_id = ? AND status = 'held') = ?
    AND (SELECT COUNT(*) FROM seats s JOIN workshops w ON w.id = s.workshop_id
         WHERE s.registration_id = ? AND s.status = 'held' AND w.cancelled_at IS NULL
           AND (w.id, w.sequence) IN (VALUES ${held.map(() => '(?, ?)').join(', ')})) = ?`,
  params: [
    registrationId,
    held.length,
    registrationId,
    ...held.flatMap((w) => [w.id, w.sequence]),
    held.length,
  ],
});

/**
 * None of the registration's seats was given away after its hold lapsed. A confirmation within
 * the hold is judged at its request's instant, but it may write a moment later: by then the hold
 * may have lapsed, and a newcomer or the waiting-list fill (whose instants are after the lapse)
 * may have taken the seat the lapsed hold no longer counted. Confirming then would make the seat
 * live again beside theirs. So: no seat of another registration there created at or after this
 * one's hold ended such that, with this one, the workshop holds more live seats than it has, as
 * counted at that seat's instant (db/seat-rule.ts). A seat taken after the lapse while there was
 * room for both is no obstacle; neither is an organizer lowering the capacity below the seats held.
 */
const notGivenAway = (registrationId: string) => ({
  sql: `NOT EXISTS (
    SELECT 1 FROM seats m
      JOIN workshops w ON w.id = m.workshop_id
      JOIN seats o ON o.workshop_id = m.workshop_id AND o.status = 'held'
        AND o.registration_id <> m.registration_id AND o.created_at >= registrations.expires_at
    WHERE m.registration_id = ? AND m.status = 'held'
      AND 1 + ${liveSeatCount('m.workshop_id', 'o.created_at', 'm.registration_id')} > w.capacity)`,
  params: [registrationId],
});

/**
 * Pending → confirmed, only while the hold lasts and only if the registration still holds the
 * workshops it was read with, as they were (so the confirmation mail lists what is true). Late
 * (`linkValidSince`): expired → confirmed, while its link works (registered after that instant),
 * holding exactly the seats it took back in the same batch (db/seats.ts `retakeLapsedSeats`), and
 * with the address's seats elsewhere that it left out still held (`seatedElsewhere`).
 * Check `meta.changes`: 0 means a parallel request (cancel, expiry, organizer, another confirm,
 * a seat given away after the hold lapsed: `notGivenAway`) changed something first; look again.
 */
export function confirmRegistration(
  db: D1Database,
  id: string,
  held: readonly HeldWorkshop[],
  now: number,
  late?: { linkValidSince: number; seatedElsewhere?: readonly string[] },
) {
  const exactly = holdsExactly(id, held);
  const kept = notGivenAway(id);
  const stillElsewhere = stillSeatedElsewhere('registrations', late?.seatedElsewhere ?? []);
  const from = late
    ? {
        sql: `status = 'expired' AND created_at > ? AND ${stillElsewhere.sql}`,
        params: [late.linkValidSince, ...stillElsewhere.params],
      }
    : {
        sql: `status = 'pending' AND expires_at > ? AND ${kept.sql}`,
        params: [now, ...kept.params],
      };
  return db
    .prepare(
      `UPDATE registrations SET status = 'confirmed', confirmed_at = ?, client_key = NULL
       WHERE id = ? AND ${from.sql} AND ${exactly.sql}`,
    )
    .bind(now, id, ...from.params, ...exactly.params);
}
