import * as z from 'zod';
import { LOCALES } from '../../contract';
import { seriesSlug } from './fields';

/** Workshop and registration ids are random base32 (ids.ts); anything longer is not ours. */
const recordId = z.string().min(1).max(64);

/** `:id` of a workshop or registration in an admin path: unknown ids are 404, malformed ones 422. */
export const recordPath = z.object({ id: recordId });

/** `{workshop?, q?, status?}`: the body of a search of a series' registrations. */
export const registrationsSearch = z.object({
  workshop: recordId.optional(),
  q: z.string().max(200).optional(),
  status: z.enum(['pending', 'confirmed', 'cancelled', 'expired']).optional(),
});

/**
 * `?workshop=&status=` on a series' registrations. Search words are names and addresses: they go
 * in the body of POST …/registrations/search, never in a URL (logs and proxies keep URLs).
 */
export const registrationsQuery = registrationsSearch.extend({
  q: z.never({ error: 'not_in_url' }).optional(),
});

/** `?lang=` of an export: the language of its headings and labels. */
export const exportQuery = z.object({ lang: z.enum(LOCALES).default('sk') });

/** `?series=&before=&limit=` on the audit log. */
export const auditQuery = z.object({
  series: seriesSlug.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const resendJoinLinkInput = z.object({ workshopId: recordId });

/** Which seats to cancel on a person's behalf; left out: all. */
export const cancelRegistrationInput = z.object({
  workshopIds: z.array(recordId).min(1).max(50).optional(),
});
