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

/** The follow-up after a workshop (issue 12). */
const followUp = z.object({
  text: z.object({ sk: z.string().trim().min(1).max(5000), en: optionalText(5000) }),
  links: z
    .array(z.object({ label: slovakFirstTitle, url: httpsUrl }))
    .max(10)
    .optional(),
  afterMinutes: z.number().int().min(0).max(20_160).optional(),
});

const extras = {
  waitlist: z.boolean().optional(),
  waitlistMode: z.enum(['auto', 'offer']).optional(),
  /** How long an offered seat waits for the person: 15 minutes to a week. */
  offerMinutes: z.number().int().min(15).max(10_080).optional(),
  followUp: followUp.nullable().optional(),
};

export const workshopInput = z.object({ ...workshopFields, ...extras });
export const workshopPatch = z.object({ ...workshopFields, ...extras }).partial();

export type WorkshopInput = z.output<typeof workshopInput>;
export type WorkshopPatch = z.output<typeof workshopPatch>;
