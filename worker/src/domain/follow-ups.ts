import type { FollowUpCandidate } from '../db/follow-ups';

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
