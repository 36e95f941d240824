import { registrationFromRow, SELECT_REGISTRATION, type RegistrationRow } from './registrations';
import { liveSeatCount, owedPlaces } from './seat-rule';
import { nextVersion } from './versions';

/**
 * An organizer moves one confirmed person in by hand, out of order: a seat now, the workshop's
 * capacity raised by one if it is full (the organizer's explicit choice to squeeze someone in).
 * Full as the seat guard counts it (db/seat-rule.ts), with the seats owed to the people ahead
 * in line: a lapsed hold the cron has not expired yet takes no seat, so when nobody ahead is
 * owed it, its seat goes to this person and the capacity stays (the hold's owner, confirming
 * late, is told the seat went; one who confirmed within the hold counts, and then the capacity
 * goes up). When someone ahead is owed it, it stays theirs and the capacity goes up.
 * Their place is marked promoted first: the seat guard (migration 0008) lets a seat whose place
 * was promoted by hand at this instant pass the line rule (the people ahead keep their places
 * and wait for a freed seat), and still refuses a closed or cancelled workshop or a full one.
 * Check `meta.changes` of the seat (the third): 0 when the place is not waiting (any more) or
 * the registration is not confirmed.
 */
export function promoteByHand(
  db: D1Database,
  registrationId: string,
  workshopId: string,
  now: number,
): D1PreparedStatement[] {
  const waiting = `EXISTS (SELECT 1 FROM waitlist q JOIN registrations r ON r.id = q.registration_id
    WHERE q.registration_id = ?1 AND q.workshop_id = ?2 AND q.status = 'waiting'
      AND r.status = 'confirmed')`;
  // A free seat is owed to the first in line (the line rule): the people ahead of this one who
  // are owed one keep theirs, so only a seat beyond those is this person's without a raise.
  const owedAhead = owedPlaces(
    '?2',
    '?3',
    `o.id < (SELECT p.id FROM waitlist p WHERE p.registration_id = ?1 AND p.workshop_id = ?2
               AND p.status = 'waiting')`,
  );
  return [
    db
      .prepare(
        `UPDATE workshops SET capacity = capacity + 1, ${nextVersion('?3')}
         WHERE id = ?2 AND ${waiting}
           AND ${liveSeatCount('?2', '?3')} + ${owedAhead} >= capacity`,
      )
      .bind(registrationId, workshopId, now),
    db
      .prepare(
        `UPDATE waitlist SET status = 'promoted', promoted_at = ?3
         WHERE registration_id = ?1 AND workshop_id = ?2 AND ${waiting}`,
      )
      .bind(registrationId, workshopId, now),
    db
      .prepare(
        `INSERT INTO seats (registration_id, workshop_id, email_key, created_at)
         SELECT q.registration_id, q.workshop_id, q.email_key, ?3 FROM waitlist q
         WHERE q.registration_id = ?1 AND q.workshop_id = ?2 AND q.status = 'promoted'
           AND q.promoted_at = ?3 AND NOT EXISTS (
             SELECT 1 FROM seats s WHERE s.registration_id = ?1 AND s.workshop_id = ?2)`,
      )
      .bind(registrationId, workshopId, now),
  ];
}

/**
 * The address's other, unconfirmed registrations holding a seat in the workshop where
 * `registrationId` waits in line: the seat the unique index (one per address) would find. Whether
 * such a hold lapsed is judged in the promotion's own batch (db/registrations.ts `expirePending`).
 */
export async function pendingHoldsOfAddress(
  db: D1Database,
  registrationId: string,
  workshopId: string,
) {
  const { results } = await db
    .prepare(
      `${SELECT_REGISTRATION}
       WHERE r.status = 'pending' AND r.id IN (
         SELECT s.registration_id FROM seats s JOIN waitlist q ON q.email_key = s.email_key
         WHERE q.registration_id = ?1 AND q.workshop_id = ?2 AND s.workshop_id = ?2
           AND s.status = 'held' AND s.registration_id <> ?1)`,
    )
    .bind(registrationId, workshopId)
    .all<RegistrationRow>();
  return results.map(registrationFromRow);
}
