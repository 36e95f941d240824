import type { SeatNow } from '../db/outbox-checks';
import type { MailKind } from '../mail/message';

export type { SeatNow };

/**
 * Why a message is no longer true and is dropped instead of sent (or requeued); the ledger keeps
 * the reason and the admin messages list shows it.
 */
export type DropReason =
  /** The person was erased (or deleted by retention) meanwhile. */
  | 'registration_erased'
  /** The person cancelled meanwhile. */
  | 'registration_cancelled'
  /** A message for a confirmed registration, and it is not (any more). */
  | 'not_confirmed'
  /** A confirmation link for a registration that is confirmed already. */
  | 'already_confirmed'
  /** A confirmation link that would no longer work. */
  | 'confirm_link_expired'
  /** The seat the message is about is no longer held. */
  | 'seat_released'
  | 'workshop_cancelled'
  /** The workshop's time or join link changed after the message was written. */
  | 'workshop_changed'
  /** A reminder for a workshop that is already over. */
  | 'workshop_over'
  /** An offer (or its reminder) already accepted, declined or run out. */
  | 'offer_ended';

/** A message as far as checking it goes (an outbox row). */
export interface MessageToCheck {
  kind: MailKind;
  workshopId: string | null;
  /** Reminders: the start time they are for. */
  startsAt: number | null;
  /** Workshop id → its sequence when the message was written (empty for rows older than 0004). */
  workshopSequences: Record<string, number>;
}

/** The registration's state now, and its seats by workshop id. */
export interface CurrentFacts {
  registration: { status: string; canStillConfirm: boolean } | null;
  seats: ReadonlyMap<string, SeatNow>;
}

/**
 * Whether what a message says is still true, checked right before it is sent and when it is
 * requeued: null if so, else why not. Pure, so every rule is tested at any instant.
 *
 * - A confirmation request: while the registration can still be confirmed.
 * - Confirmed, already registered, workshop changed, reminder: the registration is confirmed and
 *   still holds a seat in every workshop the message names, none cancelled, none changed since
 *   (sequence); a reminder also for the same start, before the workshop is over.
 * - An offer and its reminder: as those, and the seat is still an open offer (not accepted, not
 *   run out).
 * - Cancelled, workshop cancelled, line cancelled: true once it happened; only an erasure takes
 *   them back.
 */
export function whyNoLongerTrue(
  message: MessageToCheck,
  facts: CurrentFacts,
  now: number,
): DropReason | null {
  const registration = facts.registration;
  if (!registration) return 'registration_erased';
  switch (message.kind) {
    case 'cancelled':
    case 'workshop_cancelled':
    case 'line_cancelled':
      return null;
    case 'confirm_request':
      if (registration.status === 'cancelled') return 'registration_cancelled';
      if (registration.status === 'confirmed') return 'already_confirmed';
      return registration.canStillConfirm ? null : 'confirm_link_expired';
    case 'confirmed':
    case 'already_registered':
    case 'workshop_changed':
    case 'promoted':
    case 'offer':
    case 'followup':
    case 'reminder_short':
    case 'reminder':
    case 'offer_reminder': {
      if (registration.status !== 'confirmed') {
        return registration.status === 'cancelled' ? 'registration_cancelled' : 'not_confirmed';
      }
      const why = workshopsAsWritten(message, facts.seats, now);
      // "We hold it for you until …, accept here": only while the offer is open (the cron may
      // not have passed on a lapsed one yet, and one accepted meanwhile needs no offer).
      if (why || (message.kind !== 'offer_reminder' && message.kind !== 'offer')) return why;
      const offeredUntil = facts.seats.get(message.workshopId ?? '')?.offeredUntil ?? null;
      return offeredUntil !== null && offeredUntil > now ? null : 'offer_ended';
    }
  }
}

function workshopsAsWritten(
  message: MessageToCheck,
  seats: ReadonlyMap<string, SeatNow>,
  now: number,
): DropReason | null {
  const written = Object.keys(message.workshopSequences);
  const about = written.length > 0 ? written : message.workshopId ? [message.workshopId] : [];
  for (const id of about) {
    const seat = seats.get(id);
    if (seat?.workshopCancelled) return 'workshop_cancelled';
    if (!seat?.held) return 'seat_released';
    const sequence = message.workshopSequences[id];
    if (sequence !== undefined && sequence !== seat.sequence) return 'workshop_changed';
    if (message.kind === 'reminder' || message.kind === 'reminder_short') {
      if (message.startsAt !== null && message.startsAt !== seat.startsAt)
        return 'workshop_changed';
      if (now >= seat.endsAt) return 'workshop_over';
    }
  }
  return null;
}
