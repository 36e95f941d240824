/**
 * The one rule for whether a held seat counts, as SQL the statements share (README "Waiting
 * lists"): a held seat counts while its registration is past pending (confirmed), and while a
 * pending one's hold lasts, `expires_at > now`. That is the exact complement of what the expiry
 * (db/registrations.ts `expirePending`, by `holdLapsed`: `expires_at <= now`) releases, so a hold
 * stops counting the instant it lapses, not when the cron comes by.
 *
 * It decides both sides of the line rule: a live seat takes a place against capacity, and a
 * person in line with a live seat there (through another registration) is owed no second one;
 * with only a lapsed seat they are owed one like anyone else in line. The seat guard (migration
 * 0009, which spells the same SQL with `NEW.created_at` as the instant; `lapsed-line.test.ts`
 * checks it does), the waiting-list fill (db/waitlist.ts), the promotion by hand
 * (db/promote-by-hand.ts) and `seatsLeft` (db/workshops.ts) use it.
 */

/** `registration` (an alias) holds its seats live at `now` (an SQL expression). */
export const holdsLive = (registration: string, now: string) =>
  `(${registration}.status <> 'pending' OR ${registration}.expires_at > ${now})`;

/** Its complement for a pending registration: the hold lapsed at `now`, what the expiry releases. */
export const holdLapsed = (registration: string, now: string) =>
  `(${registration}.status = 'pending' AND ${registration}.expires_at <= ${now})`;

/** Live seats in `workshop` (an SQL expression) at `now`, but those of registration `except`. */
export const liveSeatCount = (workshop: string, now: string, except?: string) =>
  `(SELECT COUNT(*) FROM seats s JOIN registrations sr ON sr.id = s.registration_id
    WHERE s.workshop_id = ${workshop} AND s.status = 'held' AND ${holdsLive('sr', now)}${
      except ? ` AND s.registration_id <> ${except}` : ''
    })`;

/**
 * Seats the line owes in `workshop` at `now`, among the places `place` admits (an SQL condition on
 * the alias `o`, e.g. those ahead of someone): one for each confirmed place waiting there whose
 * person holds no live seat there.
 */
export const owedPlaces = (workshop: string, now: string, place: string) =>
  `(SELECT COUNT(*) FROM waitlist o JOIN registrations orr ON orr.id = o.registration_id
    WHERE o.workshop_id = ${workshop} AND o.status = 'waiting' AND orr.status = 'confirmed'
      AND ${place} AND NOT ${seatedLive('o', now)})`;

/** The place in line `q` (an alias) is of someone with a live seat in its workshop at `now`. */
export const seatedLive = (q: string, now: string) =>
  `EXISTS (SELECT 1 FROM seats h JOIN registrations hr ON hr.id = h.registration_id
    WHERE h.workshop_id = ${q}.workshop_id AND h.email_key = ${q}.email_key
      AND h.status = 'held' AND ${holdsLive('hr', now)})`;
