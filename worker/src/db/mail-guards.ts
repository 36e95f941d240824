import type { Guard } from './outbox';

/**
 * Conditions a queued message waits for, evaluated in the batch that makes the change it
 * announces, right after that change (services/write-batch.ts `onlyIf`): "the change happened".
 * Each names the state the change leaves behind, stamped with the batch's `now` where the change
 * writes it, so that a lost race (someone else changed it first) queues nothing.
 */

const list = (ids: readonly string[]) => ids.map(() => '?').join(', ');

/** All of them hold. */
export const allOf = (...guards: Guard[]): Guard => ({
  sql: guards.map((g) => `(${g.sql})`).join(' AND '),
  params: guards.flatMap((g) => g.params),
});

/** This batch confirmed the registration (a confirmation that changed nothing queues nothing). */
export const confirmedAt = (registrationId: string, now: number): Guard => ({
  sql: `EXISTS (SELECT 1 FROM registrations
                WHERE id = ? AND status = 'confirmed' AND confirmed_at = ?)`,
  params: [registrationId, now],
});

/** The registration is in this state. */
export const registrationIs = (registrationId: string, status: string): Guard => ({
  sql: `EXISTS (SELECT 1 FROM registrations WHERE id = ? AND status = ?)`,
  params: [registrationId, status],
});

/** The registration holds a seat in every one of these workshops. */
export const holdsAll = (registrationId: string, workshopIds: readonly string[]): Guard => ({
  sql: `(SELECT COUNT(*) FROM seats WHERE registration_id = ? AND status = 'held'
           AND workshop_id IN (${list(workshopIds)})) = ?`,
  params: [registrationId, ...workshopIds, workshopIds.length],
});

/** This batch released these seats of the registration, for this reason. */
export const releasedAt = (
  registrationId: string,
  workshopIds: readonly string[],
  reason: 'cancelled' | 'workshop_cancelled',
  now: number,
): Guard => ({
  sql: `EXISTS (SELECT 1 FROM seats
                WHERE registration_id = ? AND workshop_id IN (${list(workshopIds)})
                  AND status = 'released' AND release_reason = ? AND released_at = ?)`,
  params: [registrationId, ...workshopIds, reason, now],
});

/** The workshop is as the message describes it: this sequence (time and link), not cancelled. */
export const workshopAt = (workshopId: string, sequence: number, startsAt?: number): Guard => ({
  sql: `EXISTS (SELECT 1 FROM workshops
                WHERE id = ? AND sequence = ? AND cancelled_at IS NULL
                  AND (? IS NULL OR starts_at = ?))`,
  params: [workshopId, sequence, startsAt ?? null, startsAt ?? null],
});

/** This batch ended the registration's place in the workshop's line, with this status. */
export const placeEndedAt = (
  registrationId: string,
  workshopId: string,
  status: 'removed',
  now: number,
): Guard => ({
  sql: `EXISTS (SELECT 1 FROM waitlist
                WHERE registration_id = ? AND workshop_id = ? AND status = ? AND ended_at = ?)`,
  params: [registrationId, workshopId, status, now],
});

/** The seat is still offered to the registration until this instant, and that is after `now`. */
export const offerOpenUntil = (
  registrationId: string,
  workshopId: string,
  until: number,
  now: number,
): Guard => ({
  sql: `EXISTS (SELECT 1 FROM waitlist
                WHERE registration_id = ? AND workshop_id = ? AND status = 'offered'
                  AND offered_until = ? AND offered_until > ?)`,
  params: [registrationId, workshopId, until, now],
});
