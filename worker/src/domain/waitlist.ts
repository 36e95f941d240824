import type { Workshop, WorkshopExtras } from '../db/workshops';
import type { OfferCandidate } from '../db/offers';
import type { WorkshopPatch } from '../schemas/workshop';
import { isRegistrationOpen, seatsLeft } from './workshops';

/**
 * The waiting-list rules (README "Waiting list"). A person chooses workshops, and for the ones
 * shown full ticks "join the waiting list" (`waitlistWorkshopIds`). Each chosen workshop then
 * gets a seat if one is free (better news than a place in line, even if they asked for the line),
 * a place in line if it is full, its list is on and they asked for it, and otherwise the request
 * is refused as a whole (all or nothing for seats: a workshop that filled up after the person saw
 * it open is refused with `workshop_full`, as it always was, so nobody lands in a line unasked).
 */
export interface Choice {
  seats: Workshop[];
  line: Workshop[];
  closed: Workshop[];
  full: Workshop[];
}

export const canJoinLine = (w: Workshop, now: number) =>
  w.waitlistEnabled && isRegistrationOpen(w, now) && seatsLeft(w) === 0;

export function splitChoice(
  workshops: readonly Workshop[],
  lineWanted: ReadonlySet<string>,
  now: number,
): Choice {
  const choice: Choice = { seats: [], line: [], closed: [], full: [] };
  for (const w of workshops) {
    if (!isRegistrationOpen(w, now)) choice.closed.push(w);
    else if (seatsLeft(w) > 0) choice.seats.push(w);
    else if (lineWanted.has(w.id) && canJoinLine(w, now)) choice.line.push(w);
    else choice.full.push(w);
  }
  return choice;
}

/** The waiting-list and follow-up settings an organizer gave (left out: unchanged). */
export const extrasFromInput = (input: WorkshopPatch): Partial<WorkshopExtras> => ({
  ...(input.waitlist !== undefined && { waitlistEnabled: input.waitlist }),
  ...(input.waitlistMode !== undefined && { waitlistMode: input.waitlistMode }),
  ...(input.offerMinutes !== undefined && { offerMinutes: input.offerMinutes }),
  ...(input.followUp !== undefined && {
    followUp: input.followUp && {
      text: input.followUp.text,
      links: (input.followUp.links ?? []).map((l) => ({ label: l.label, url: l.url })),
      afterMinutes: input.followUp.afterMinutes ?? 120,
    },
  }),
});

/** An offered seat ('offer' mode): still to accept, accepted, or gone (ran out, declined). */
export type OfferState = 'open' | 'accepted' | 'expired';

/**
 * Reminders before an offer runs out (session 15). Only when the offer window allows one: two
 * hours or more, so that it comes at least one cron run after the offer and still leaves time to
 * act. It goes a quarter of the window before the end (at most a day before): with the default
 * day, six hours before; with two hours, half an hour before (the cron's quarter-hour may make it
 * up to 15 minutes later).
 */
export const OFFER_REMINDER_MIN_WINDOW_MS = 2 * 3_600_000;

export const offerReminderLead = (windowMs: number) => Math.min(windowMs / 4, 24 * 3_600_000);

export type { OfferCandidate };

/** The offers whose reminder is due now: a pure function of (rows, now). */
export function selectDueOfferReminders(
  rows: readonly OfferCandidate[],
  now: number,
): OfferCandidate[] {
  return rows.filter((r) => {
    const window = r.offeredUntil - r.offeredAt;
    return (
      window >= OFFER_REMINDER_MIN_WINDOW_MS &&
      now < r.offeredUntil &&
      now >= r.offeredUntil - offerReminderLead(window)
    );
  });
}

/** The ledger key: one reminder per offer (a place is offered a seat at most once). */
export const offerReminderKey = (r: { registrationId: string; workshopId: string }) =>
  `offer_reminder:${r.registrationId}:${r.workshopId}`;
