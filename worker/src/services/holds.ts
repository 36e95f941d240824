import { expirePending } from '../db/registrations';
import { expirePlaces, fillFromWaitlist } from '../db/waitlist';
import { expireOffers } from '../db/offers';

/**
 * Holds that ran out: the one place where they expire and free their seats. The seat guard
 * (migrations 0006, 0008, 0009) and the waiting-list fill do not count a lapsed hold even before
 * it expires (not even as the seat of someone in line), so nothing on a request's path has to
 * expire other people's holds first: the cron does all of them every quarter of an hour
 * (`releaseLapsedHolds`), and a request that meets its own registration's lapsed hold (the
 * address registering again, a late confirmation) expires just that one, in its own batch
 * (`lapsedHoldGoes`).
 *
 * Whatever a hold frees goes to the first confirmed people in line in the same batch, before any
 * new registration can take it (and the seat guard's line rule keeps it theirs meanwhile).
 * services/waitlist.ts then tells them (the cron and the routes call it after this).
 *
 * Races: D1 runs one statement at a time, and every other change is conditional on what it read.
 * A confirmation meeting this finds the registration expired and becomes a late confirmation
 * (which takes the seat back only if it is still free and owed to nobody in line); a
 * cancellation finds nothing held and changes nothing; overlapping runs expire each registration
 * once; a workshop the organizer cancels meanwhile has no held seat left to release here.
 */
export async function releaseLapsedHolds(db: D1Database, now: number): Promise<void> {
  await db.batch([
    ...expirePending(db, now),
    expirePlaces(db, now),
    // Offers not accepted in time pass to the next in line the same way.
    ...expireOffers(db, now),
    // Every workshop: also any seat left free by an earlier change (e.g. a raised capacity).
    ...fillFromWaitlist(db, now, 'all'),
  ]);
}

/**
 * One registration's lapsed hold goes (if it is still pending past its hold; otherwise these
 * change nothing): its seats and places end, and the seats it held in `workshopIds` go to the
 * line. Statements for the caller's batch.
 */
export const lapsedHoldGoes = (
  db: D1Database,
  registrationId: string,
  workshopIds: readonly string[],
  now: number,
): D1PreparedStatement[] => [
  ...lapsedHoldEnds(db, registrationId, now),
  ...fillFromWaitlist(db, now, workshopIds),
];

/**
 * The first half of `lapsedHoldGoes`: the registration expires (if its hold lapsed by `now`) and
 * its seats and places end. For a batch that fills the seats from the line after its own change:
 * an organizer's promotion by hand, which the fill must not forestall by moving (or offering a
 * seat to) the very person the organizer is moving in.
 */
export const lapsedHoldEnds = (
  db: D1Database,
  registrationId: string,
  now: number,
): D1PreparedStatement[] => [
  ...expirePending(db, now, registrationId),
  expirePlaces(db, now, registrationId),
];
