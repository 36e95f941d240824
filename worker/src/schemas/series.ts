import * as z from 'zod';
import { emailAddress, httpsUrl, localized, optionalText, requiredLine } from './fields';

export const seriesInput = z.object({
  title: localized(requiredLine(200)),
  description: localized(optionalText(5000)).optional(),
  privacyUrl: httpsUrl,
  organizer: z.object({ name: requiredLine(200), email: emailAddress }),
});

export type SeriesInput = z.output<typeof seriesInput>;
