import { expirePending } from '../db/registrations';
import { expirePlaces, fillFromWaitlist } from '../db/waitlist';
import { expireOffers } from '../db/offers';

/**
 * Seats were freed: unconfirmed registrations whose hold ran out expire, and their seats go back
 * to the workshop. The one place this happens (the cron, and every registration and confirmation
 * first), so that it is the one place to hook what follows from a freed seat: a waiting list
 * (issue 12) would promote the first confirmed person in line here, in the same batch, before any
 * new registration can take the seat.
 *
 * Races: D1 runs one statement at a time, and every other change is conditional on what it read.
 * A confirmation meeting this finds the registration expired and becomes a late confirmation
 * (which takes the seat back only if it is still free); a cancellation finds nothing held and
 * changes nothing; overlapping cron runs expire each registration once; a workshop the organizer
 * cancels meanwhile has no held seat left to release here.
 */
export async function releaseLapsedHolds(db: D1Database, now: number): Promise<void> {
  // Issue 12: the seats freed go to the first confirmed people in line, in the same batch (and
  // any seat left free by an earlier change, e.g. a raised capacity). services/waitlist.ts then
  // tells them (the cron and the routes call it after this).
  await db.batch([
    ...expirePending(db, now),
    expirePlaces(db, now),
    // Offers not accepted in time pass to the next in line the same way.
    ...expireOffers(db, now),
    ...fillFromWaitlist(db, now, 'all'),
  ]);
}
