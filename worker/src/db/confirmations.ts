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
 * Pending → confirmed, only while the hold lasts and only if the registration still holds the
 * workshops it was read with, as they were (so the confirmation mail lists what is true). Late
 * (`linkValidSince`): expired → confirmed, while its link works (registered after that instant),
 * holding exactly the seats it took back in the same batch (db/seats.ts `retakeLapsedSeats`).
 * Check `meta.changes`: 0 means a parallel request (cancel, expiry, organizer, another confirm)
 * changed something first; look again.
 */
export function confirmRegistration(
  db: D1Database,
  id: string,
  held: readonly HeldWorkshop[],
  now: number,
  late?: { linkValidSince: number },
) {
  const exactly = holdsExactly(id, held);
  const from = late
    ? { sql: `status = 'expired' AND created_at > ?`, params: [late.linkValidSince] }
    : { sql: `status = 'pending' AND expires_at > ?`, params: [now] };
  return db
    .prepare(
      `UPDATE registrations SET status = 'confirmed', confirmed_at = ?, client_key = NULL
       WHERE id = ? AND ${from.sql} AND ${exactly.sql}`,
    )
    .bind(now, id, ...from.params, ...exactly.params);
}
