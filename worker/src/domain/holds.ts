/**
 * The hold model (README "Holds"): how long an unconfirmed registration keeps its seats, how long
 * its confirmation link works, and how many may wait per client. Pure numbers and rules.
 */

/**
 * A pending registration holds its seats this long: long enough for the confirmation mail to
 * arrive and be clicked, short enough that invented addresses free the seats soon.
 */
export const HOLD_MS = 3_600_000;

/**
 * A confirmation link works this long after registering. After the hold it still confirms, but
 * takes only seats that are still free (a late confirmation).
 */
export const CONFIRM_LINK_MS = 24 * 3_600_000;

/**
 * Unconfirmed registrations one client (an IPv4 address or an IPv6 /64) may have waiting in one
 * series at a time. An office behind one address registers a handful of colleagues; once they
 * confirm, more may follow. Kept in the database too: the trigger in migration 0004 says 5.
 */
export const PENDING_PER_CLIENT = 5;

/**
 * Until when a new registration holds its seats: an hour, unless registration for one of its
 * workshops closes (or it starts) sooner.
 */
export const holdEnd = (now: number, workshops: readonly { registrationClosesAt: number }[]) =>
  Math.min(now + HOLD_MS, ...workshops.map((w) => w.registrationClosesAt));

/**
 * How long a registration held (or holds) its seats: an hour, or less where registration closed
 * sooner. What the pages of a lapsed hold say, rather than the link's longer life.
 */
export const holdLength = (r: { createdAt: number; expiresAt: number | null }) =>
  r.expiresAt === null ? HOLD_MS : r.expiresAt - r.createdAt;

/** Until when a registration's confirmation link works. */
export const confirmLinkEnd = (createdAt: number) => createdAt + CONFIRM_LINK_MS;
