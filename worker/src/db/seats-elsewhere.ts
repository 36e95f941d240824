import { liveSeatCount, owedPlaces, seatedLive } from './seat-rule';
import type { Workshop } from './workshops';

/**
 * Where the address of a lapsed registration has a seat through another registration of its own
 * (README "Waiting lists"): what a late confirmation, and its page, tell the person instead of
 * "no seat left". The typical way there: they waited in the line with one registration and held
 * a seat with another; the hold lapsed, and the line rule gave the seat it freed to the first in
 * line, themselves.
 *
 * `confirmed`: the seat is theirs, nothing to do. `offered`: it came from the line of a workshop
 * in 'offer' mode and waits for them to accept it. `unconfirmed`: the other registration is still
 * pending; confirming that one (its own link) keeps it.
 */
export type SeatedHow = 'confirmed' | 'offered' | 'unconfirmed';

export interface SeatElsewhere {
  workshopId: string;
  how: SeatedHow;
}

/** The same, with the workshop: what the confirm page lists. */
export interface SeatedWorkshop {
  workshop: Workshop;
  how: SeatedHow;
}

/** Of `workshops`, those with a seat among `seats`, each with how it is held; in their order. */
export function seatedIn(workshops: readonly Workshop[], seats: readonly SeatElsewhere[]) {
  const how = new Map(seats.map((seat) => [seat.workshopId, seat.how]));
  return workshops
    .filter((w) => how.has(w.id))
    .map((workshop): SeatedWorkshop => ({ workshop, how: how.get(workshop.id)! }));
}

/** Seats the registration's address holds in these workshops through its other registrations. */
export async function seatsElsewhere(
  db: D1Database,
  registration: { id: string; emailKey: string },
  workshopIds: readonly string[],
): Promise<SeatElsewhere[]> {
  if (workshopIds.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT s.workshop_id, r.status,
         EXISTS (SELECT 1 FROM waitlist q WHERE q.registration_id = s.registration_id
                   AND q.workshop_id = s.workshop_id AND q.status = 'offered') AS offered
       FROM seats s JOIN registrations r ON r.id = s.registration_id
       WHERE s.email_key = ?1 AND s.registration_id <> ?2 AND s.status = 'held'
         AND s.workshop_id IN (SELECT value FROM json_each(?3))`,
    )
    .bind(registration.emailKey, registration.id, JSON.stringify(workshopIds))
    .all<{ workshop_id: string; status: string; offered: number }>();
  return results.map((r) => ({
    workshopId: r.workshop_id,
    how: r.status !== 'confirmed' ? 'unconfirmed' : r.offered ? 'offered' : 'confirmed',
  }));
}

/**
 * Workshops whose seat the line owes the address right now through a confirmed place of another
 * registration, though nobody has moved them in yet: their own lapsed hold still sits on the seat
 * until the expiry (the cron, or the late confirmation itself) releases it and the fill moves them
 * in. Counted exactly as the fill counts (db/waitlist.ts `fillFromWaitlist`, by db/seat-rule.ts):
 * their turn among the confirmed places of people without a live seat there is within the free
 * seats. `how` is what the fill will make of it: a seat, or an offer in 'offer' mode.
 */
export async function seatsOwedElsewhere(
  db: D1Database,
  registration: { id: string; emailKey: string },
  workshopIds: readonly string[],
  now: number,
): Promise<SeatElsewhere[]> {
  if (workshopIds.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT q.workshop_id, w.waitlist_mode FROM waitlist q
         JOIN registrations r ON r.id = q.registration_id AND r.status = 'confirmed'
         JOIN workshops w ON w.id = q.workshop_id
       WHERE q.email_key = ?1 AND q.registration_id <> ?2 AND q.status = 'waiting'
         AND q.workshop_id IN (SELECT value FROM json_each(?3))
         AND w.cancelled_at IS NULL AND ?4 < w.registration_closes_at
         AND NOT ${seatedLive('q', '?4')}
         AND ${owedPlaces('q.workshop_id', '?4', 'o.id <= q.id')}
             <= w.capacity - ${liveSeatCount('q.workshop_id', '?4')}`,
    )
    .bind(registration.emailKey, registration.id, JSON.stringify(workshopIds), now)
    .all<{ workshop_id: string; waitlist_mode: string }>();
  return results.map((r) => ({
    workshopId: r.workshop_id,
    how: r.waitlist_mode === 'offer' ? 'offered' : 'confirmed',
  }));
}

/**
 * SQL: the address of registration `r` (a table name or alias in scope) still holds a seat
 * through another registration in each of these workshops. A late confirmation that left them out
 * (and says "you already have a seat" of them) is conditional on it: should one be cancelled
 * meanwhile, the confirmation changes nothing, looks again, and may then take that seat back.
 */
export const stillSeatedElsewhere = (r: string, workshopIds: readonly string[]) =>
  workshopIds.length === 0
    ? { sql: 'TRUE', params: [] as unknown[] }
    : {
        sql: `(SELECT COUNT(*) FROM seats e WHERE e.email_key = ${r}.email_key
                 AND e.registration_id <> ${r}.id AND e.status = 'held'
                 AND e.workshop_id IN (SELECT value FROM json_each(?))) = ?`,
        params: [JSON.stringify(workshopIds), workshopIds.length] as unknown[],
      };
