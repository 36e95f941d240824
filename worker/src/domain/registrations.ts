import type { Registration, RegistrationRecord } from '../db/registrations';

/** What pressing "confirm" came to; the confirm page tells the person which. */
export type ConfirmOutcome = 'confirmed' | 'already_confirmed' | 'expired' | 'cancelled';

/** Where a registration stands for its confirm link: still to confirm, or why not any more. */
export type ConfirmState = 'pending' | Exclude<ConfirmOutcome, 'confirmed'>;

/**
 * The confirm link's state for a registration holding seats in `heldWorkshops` of its series.
 * A hold that ran out counts as expired even before the cron has marked it so.
 */
export function confirmState(
  registration: Pick<Registration, 'status' | 'expiresAt'>,
  heldWorkshops: number,
  now: number,
): ConfirmState {
  if (registration.status === 'confirmed') return 'already_confirmed';
  if (registration.status === 'cancelled') return 'cancelled';
  if (registration.status === 'expired' || (registration.expiresAt ?? 0) <= now) return 'expired';
  // Every seat was released meanwhile (the organizer cancelled the workshops): nothing to confirm.
  if (heldWorkshops === 0) return 'cancelled';
  return 'pending';
}

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
