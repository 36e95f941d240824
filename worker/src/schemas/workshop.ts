import * as z from 'zod';
import { httpsUrl, instant, localized, optionalText } from './fields';
import { slovakFirstTitle } from './series';

const workshopFields = {
  title: slovakFirstTitle,
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
