import type { DeliveryEntry, FollowUpCandidate } from '../db/follow-ups';

/**
 * Which seats get the organizer's follow-up now: confirmed, still held (never someone who
 * cancelled), workshop not cancelled, its time (the end plus the organizer's delay) has come.
 * Pure, like selectDueReminders; a missed run is caught up by the next.
 */
export const selectDueFollowUps = (rows: readonly FollowUpCandidate[], now: number) =>
  rows.filter(
    (r) =>
      r.registrationStatus === 'confirmed' &&
      r.seatStatus === 'held' &&
      r.cancelledAt === null &&
      r.endsAt + r.afterMinutes * 60_000 <= now,
  );

/** The ledger key: one follow-up per seat, whenever and however often the workshop moved. */
export const followUpKey = (r: { registrationId: string; workshopId: string }) =>
  `followup:${r.registrationId}:${r.workshopId}`;

/** Each seat's second reminder and follow-up: 'not_due' until queued (as for the reminder). */
export interface SeatDeliveries {
  secondReminder: 'not_due' | 'queued' | 'sent' | 'failed';
  followUp: 'not_due' | 'queued' | 'sent' | 'failed';
}

/** Ledger entries by seat (`registration:workshop`); a dropped message counts as never due. */
export function seatDeliveries(ledger: readonly DeliveryEntry[]): Map<string, SeatDeliveries> {
  const states = new Map<string, SeatDeliveries>();
  for (const e of ledger) {
    if (e.status === 'dropped') continue;
    const key = `${e.registrationId}:${e.workshopId}`;
    const state = states.get(key) ?? { secondReminder: 'not_due', followUp: 'not_due' };
    state[e.kind === 'followup' ? 'followUp' : 'secondReminder'] =
      e.status === 'sending' ? 'queued' : e.status;
    states.set(key, state);
  }
  return states;
}
