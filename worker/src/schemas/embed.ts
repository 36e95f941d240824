import * as z from 'zod';
import { LOCALES } from '../../contract';
import { seriesSlug } from './fields';

/** Workshop ids as the widget's `workshops` attribute takes them: separated by commas or spaces. */
const workshopList = z
  .string()
  .max(1000)
  .transform((text) => text.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[a-z0-9]{1,64}$/)).max(50));

/**
 * `/embed/:slug?lang=&theme=&workshops=&heading-level=`: the widget's attributes, each checked,
 * so that nothing but these values reaches the page.
 */
export const embedQuery = z.object({
  lang: z.enum(LOCALES).default('sk'),
  theme: z.enum(['idsk3', 'idsk2']).default('idsk3'),
  workshops: workshopList.optional(),
  'heading-level': z.coerce.number().int().min(1).max(5).optional(),
});

export type EmbedQuery = z.output<typeof embedQuery>;

export const embedPath = z.object({ slug: seriesSlug });
