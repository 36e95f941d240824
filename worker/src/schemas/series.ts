import * as z from 'zod';
import { MAX_ALLOWED_ORIGINS, normalizeOrigin } from '../../contract';
import {
  emailAddress,
  httpsUrl,
  localized,
  optionalLine,
  optionalText,
  requiredLine,
  seriesSlug,
} from './fields';

/** Turnstile's keys: base64url-ish, tens of characters (`1x00000000000000000000AA`). */
const turnstileKey = z.string().regex(/^[A-Za-z0-9_-]{10,100}$/, 'invalid_format');

/** A title in Slovak, English optional ("" when left out: readers then see the Slovak). */
export const slovakFirstTitle = z.object({ sk: requiredLine(200), en: optionalLine(200) });

/** An origin, normalized as the Origin header spells it (contract/embed-rules.ts). */
const origin = z
  .string()
  .max(300)
  .transform((text, ctx) => {
    const normalized = normalizeOrigin(text);
    if (normalized === null) {
      ctx.issues.push({ code: 'custom', message: 'invalid_origin', input: text });
      return z.NEVER;
    }
    return normalized;
  });

/** The reminder schedule (issue 12), in minutes before each start. */
export const reminderSchedule = z
  .object({
    leadMinutes: z.number().int().min(15).max(20_160),
    secondLeadMinutes: z.number().int().min(5).max(1440).nullable(),
  })
  .refine((s) => s.secondLeadMinutes === null || s.secondLeadMinutes < s.leadMinutes, {
    path: ['secondLeadMinutes'],
    message: 'not_before_first',
  });

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
  /**
   * Cloudflare Turnstile for this series, off by default: the widget's site key and the secret
   * the worker verifies with (Cloudflare dashboard → Turnstile). `null` turns it off; an update
   * that leaves it out keeps the current setting. The secret is never shown again.
   */
  turnstile: z.object({ siteKey: turnstileKey, secretKey: turnstileKey }).nullable().optional(),
  /**
   * Pages that may embed the series (CORS and frame-ancestors); [] = any. Duplicates after
   * normalizing are dropped. Left out on an update: unchanged.
   */
  allowedOrigins: z
    .array(origin)
    .max(MAX_ALLOWED_ORIGINS)
    .transform((origins) => [...new Set(origins)])
    .optional(),
  reminders: reminderSchedule.optional(),
});

export type SeriesInput = z.output<typeof seriesInput>;

/** Where a series is stored: `PUT /admin/series/:slug`. */
export const seriesPath = z.object({ slug: seriesSlug });
