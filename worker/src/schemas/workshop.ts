import * as z from 'zod';
import { httpsUrl, instant, localized, optionalText, requiredLine } from './fields';

const workshopFields = {
  title: localized(requiredLine(200)),
  description: localized(optionalText(5000)).optional(),
  startsAt: instant,
  endsAt: instant,
  capacity: z.number().int().min(0).max(100_000),
  joinUrl: httpsUrl,
  /** Defaults to the start: nobody can register for a workshop that is under way. */
  registrationClosesAt: instant.optional(),
};

export const workshopInput = z.object(workshopFields);
export const workshopPatch = z.object(workshopFields).partial();

export type WorkshopInput = z.output<typeof workshopInput>;
export type WorkshopPatch = z.output<typeof workshopPatch>;

/** The time rules that hold for a workshop as a whole; checked on the merged record for PATCH. */
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
