import type { Workshop, WorkshopFields } from '../db/workshops';
import type { WorkshopInput, WorkshopPatch } from '../schemas/workshop';
import { namesOfChanged } from './changes';

/** The rules of a workshop, whoever asks: the API's views, registering, the admin routes. */

/** Seats a new registrant may take: free ones not already owed to confirmed people in line. */
export const seatsLeft = (w: Workshop) => Math.max(0, w.capacity - w.seatsTaken - w.lineWaiting);

export const isRegistrationOpen = (w: Workshop, now: number) =>
  w.cancelledAt === null && now < w.registrationClosesAt;

/** A new workshop's fields: no description is an empty one; registration closes at the start. */
export const workshopFromInput = (input: WorkshopInput): WorkshopFields => ({
  ...input,
  description: input.description ?? { sk: '', en: '' },
  // Nobody can register for a workshop that is under way.
  registrationClosesAt: input.registrationClosesAt ?? input.startsAt,
});

/** A workshop's fields after a PATCH: what the patch gives, the rest as it was. */
export const applyWorkshopPatch = (current: Workshop, patch: WorkshopPatch): WorkshopFields => ({
  title: patch.title ?? current.title,
  description: patch.description ?? current.description,
  startsAt: patch.startsAt ?? current.startsAt,
  endsAt: patch.endsAt ?? current.endsAt,
  capacity: patch.capacity ?? current.capacity,
  joinUrl: patch.joinUrl ?? current.joinUrl,
  // Moving the start keeps "closes at the start" true unless a closing time is given.
  registrationClosesAt:
    patch.registrationClosesAt ??
    (patch.startsAt !== undefined && current.registrationClosesAt === current.startsAt
      ? patch.startsAt
      : current.registrationClosesAt),
});

/** The time rules that hold for a workshop as a whole; for a PATCH, on the merged fields. */
export function scheduleErrors(w: {
  startsAt: number;
  endsAt: number;
  registrationClosesAt: number;
}): Record<string, string> {
  const fields: Record<string, string> = {};
  if (w.endsAt <= w.startsAt) fields.endsAt = 'ends_before_start';
  if (w.registrationClosesAt > w.startsAt) fields.registrationClosesAt = 'closes_after_start';
  return fields;
}

/**
 * The names (as the admin API spells them) of what an organizer's change alters: the audit
 * entry's record. Exact when the change is checked against the version it was computed from.
 */
export function changedFields(
  current: Workshop,
  next: WorkshopFields,
  extras: Partial<Pick<Workshop, 'waitlistEnabled' | 'waitlistMode' | 'offerMinutes' | 'followUp'>>,
): string[] {
  const pairs: [string, unknown, unknown][] = [
    ['title', current.title, next.title],
    ['description', current.description, next.description],
    ['startsAt', current.startsAt, next.startsAt],
    ['endsAt', current.endsAt, next.endsAt],
    ['capacity', current.capacity, next.capacity],
    ['joinUrl', current.joinUrl, next.joinUrl],
    ['registrationClosesAt', current.registrationClosesAt, next.registrationClosesAt],
    ['waitlist', current.waitlistEnabled, extras.waitlistEnabled ?? current.waitlistEnabled],
    ['waitlistMode', current.waitlistMode, extras.waitlistMode ?? current.waitlistMode],
    ['offerMinutes', current.offerMinutes, extras.offerMinutes ?? current.offerMinutes],
    [
      'followUp',
      current.followUp,
      extras.followUp === undefined ? current.followUp : extras.followUp,
    ],
  ];
  return namesOfChanged(pairs);
}
