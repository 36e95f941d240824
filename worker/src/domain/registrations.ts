import type { Registration, RegistrationRecord } from '../db/registrations';
import { confirmLinkEnd } from './holds';

/**
 * What pressing "confirm" came to; the confirm page tells the person which. `lapsed_full`: the
 * hold ran out and none of the seats is free any more, so nothing was confirmed.
 * `already_seated`: the hold ran out, and the address has each of its seats through another
 * registration (its own place in line took the seat the hold gave up): nothing to confirm.
 */
export type ConfirmOutcome =
  'confirmed' | 'already_confirmed' | 'expired' | 'cancelled' | 'lapsed_full' | 'already_seated';

/**
 * Where a registration stands for its confirm link: still to confirm while held (`pending`), to
 * confirm late with whatever seats are still free (`lapsed`: the hold ran out, the link still
 * works), or why not any more.
 */
export type ConfirmState = 'pending' | 'lapsed' | 'already_confirmed' | 'expired' | 'cancelled';

/**
 * The confirm link's state for a registration holding `held` seats of its series, and having lost
 * `lapsed` when its hold ran out. A hold that ran out counts as such even before the cron has
 * marked it so.
 */
export function confirmState(
  registration: Pick<Registration, 'status' | 'expiresAt' | 'createdAt'>,
  seats: { held: number; lapsed: number },
  now: number,
): ConfirmState {
  const { status } = registration;
  if (status === 'confirmed') return 'already_confirmed';
  if (status === 'cancelled') return 'cancelled';
  const holdLasts = status === 'pending' && (registration.expiresAt ?? 0) > now;
  // Every seat was released meanwhile (the organizer cancelled the workshops): nothing to confirm.
  if (holdLasts) return seats.held > 0 ? 'pending' : 'cancelled';
  if (!canStillConfirm(registration, now)) return 'expired';
  if (seats.held + seats.lapsed === 0) return status === 'pending' ? 'cancelled' : 'expired';
  return 'lapsed';
}

/**
 * Whether a confirmation link of this registration still works (a confirmation request is still
 * worth sending): while it is pending or its hold ran out, until CONFIRM_LINK_MS after it was made.
 */
export const canStillConfirm = (registration: { status: string; createdAt: number }, now: number) =>
  (registration.status === 'pending' || registration.status === 'expired') &&
  now < confirmLinkEnd(registration.createdAt);

/** Lower case without diacritics: "Nováková" and "NOVAKOVA" are the same to a search. */
const folded = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('sk');

/**
 * Whether a registration matches an organizer's search: every word of `query` appears in the
 * name, e-mail, organization or role, ignoring case and diacritics (people type "novakova").
 */
export function matchesSearch(
  r: Pick<RegistrationRecord, 'givenName' | 'familyName' | 'email' | 'organization' | 'role'>,
  query: string,
): boolean {
  const haystack = folded([r.givenName, r.familyName, r.email, r.organization, r.role].join(' '));
  return folded(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
