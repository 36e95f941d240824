import type { TestWorker } from './worker';
import { register, uniqueEmail } from './fixtures';
import { cancelAllByLink, confirmByLink, fullWorkshop } from './waitlist-fixtures';

/**
 * A person confirmed in a workshop's line who also holds a seat there through another, still
 * unconfirmed registration of the same address (the lapsed-line and line-race tests' case). The
 * way there, as it happens: they join the full workshop's line; a holder cancels while their place
 * is unconfirmed (so nobody moves in); they register again and take that seat; then they confirm
 * the place in line. The workshop (`capacity` seats) is full again: the other holders and them.
 */
export async function waitingWithOwnSeat(worker: TestWorker, capacity: number) {
  const { slug, workshop, holders } = await fullWorkshop(worker, capacity);
  const email = uniqueEmail('both');
  const waiting = await register(worker, slug, [workshop.id], {
    email,
    waitlistWorkshopIds: [workshop.id],
  });
  await cancelAllByLink(worker, holders[0]!);
  const pending = await register(worker, slug, [workshop.id], { email });
  await confirmByLink(worker, waiting);
  return { slug, workshop, holders, person: { email, waiting, pending } };
}

/** Moves a pending registration's hold end (time travel for one registration). */
export const lapse = (worker: TestWorker, registrationId: string, at: number) =>
  worker.db
    .prepare('UPDATE registrations SET expires_at = ? WHERE id = ?')
    .bind(at, registrationId)
    .run();

/** Seats that count against capacity at `now` (confirmed, or pending within the hold). */
export async function liveSeats(worker: TestWorker, workshopId: string, now: number) {
  const row = await worker.db
    .prepare(
      `SELECT COUNT(*) AS n FROM seats s JOIN registrations r ON r.id = s.registration_id
       WHERE s.workshop_id = ? AND s.status = 'held'
         AND (r.status <> 'pending' OR r.expires_at > ?)`,
    )
    .bind(workshopId, now)
    .first<{ n: number }>();
  return row!.n;
}
