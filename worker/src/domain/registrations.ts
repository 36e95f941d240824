import type { Registration } from '../db/registrations';

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

/**
 * Whether a confirmation link of this registration still works (a confirmation request is still
 * worth sending): while it is pending and its hold lasts.
 */
export const canStillConfirm = (
  registration: { status: string; expiresAt: number | null },
  now: number,
) => registration.status === 'pending' && (registration.expiresAt ?? 0) > now;
