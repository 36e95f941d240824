import * as z from 'zod';
import { EMAIL_PATTERN, MAX_LENGTH } from '../../contract';

/**
 * Control characters (line breaks, NUL, …) have no place in a name and could smuggle e-mail headers.
 * Lone surrogates (JSON allows "\ud800") are not text: the database would store them as U+FFFD.
 */
const CONTROL_CHARACTERS = /[\p{Cc}\p{Cs}]/u;

/** A single line of required text, trimmed. */
export const requiredLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !CONTROL_CHARACTERS.test(s), 'invalid_characters');

/** A single line of optional text: missing, null and blank all become "". */
export const optionalLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROL_CHARACTERS.test(s), 'invalid_characters')
    .nullish()
    .transform((s) => s ?? '');

/** Longer free text (descriptions): line breaks allowed, other control characters not. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !/[^\P{Cc}\n\r\t]|\p{Cs}/u.test(s), 'invalid_characters')
    .nullish()
    .transform((s) => s ?? '');

export const emailAddress = z
  .string()
  .trim()
  .min(1)
  .max(MAX_LENGTH.email)
  .refine((s) => EMAIL_PATTERN.test(s), 'invalid_email');

export const httpsUrl = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https$/ }));

/** An instant with an explicit offset ("2026-05-25T08:00:00Z", "…+02:00"), as epoch milliseconds. */
export const instant = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));

export const localized = <T extends z.ZodType>(field: T) => z.object({ sk: field, en: field });

/** Lower-case letters and digits in dash-separated words, at most 64 characters in all. */
export const seriesSlug = z.string().regex(/^(?=.{1,64}$)[a-z0-9]+(?:-[a-z0-9]+)*$/);
