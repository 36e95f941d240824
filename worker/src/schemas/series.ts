import * as z from 'zod';
import {
  emailAddress,
  httpsUrl,
  localized,
  optionalLine,
  optionalText,
  requiredLine,
  seriesSlug,
} from './fields';

/** A title in Slovak, English optional ("" when left out: readers then see the Slovak). */
export const slovakFirstTitle = z.object({ sk: requiredLine(200), en: optionalLine(200) });

export const seriesInput = z.object({
  title: slovakFirstTitle,
  description: localized(optionalText(5000)).optional(),
  privacyUrl: httpsUrl,
  organizer: z.object({ name: requiredLine(200), email: emailAddress }),
  /**
   * Days after a registrant's last workshop until their personal data is deleted. EU-funded
   * programmes may have to keep participation evidence for ten years, hence the wide range.
   * Default 30 for a new series; an update that leaves it out keeps the current value.
   */
  retentionDays: z.number().int().min(1).max(3700).optional(),
});

export type SeriesInput = z.output<typeof seriesInput>;

/** Where a series is stored: `PUT /admin/series/:slug`. */
export const seriesPath = z.object({ slug: seriesSlug });
