import * as z from 'zod';
import { seriesSlug } from './fields';

/** `?series=&before=&limit=` on the audit log. */
export const auditQuery = z.object({
  series: seriesSlug.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
