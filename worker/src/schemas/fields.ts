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

/**
 * What a link may not contain as typed: whitespace, quotes, angle brackets, backslashes, control
 * characters. The URL parser would quietly encode or drop them; they are typing mistakes (or
 * markup) and go back to the organizer instead.
 */
const NOT_IN_LINK = /[\s"'`<>\\\p{Cc}]/u;

const parseUrl = (s: string): URL | null => {
  try {
    return new URL(s);
  } catch {
    return null;
  }
};

/**
 * A public https link (join links, privacy notices), stored as the URL parser writes it: `https:`
 * with `//` as typed (the parser would read `https:example.org` as a host), no user name or
 * password, a host with a dot (or an IPv6 address), lower-case and punycode host, path and
 * query percent-encoded.
 */
export const httpsUrl = z
  .string()
  .trim()
  .max(2000)
  .transform((s, ctx) => {
    const url = /^https:\/\//i.test(s) && !NOT_IN_LINK.test(s) ? parseUrl(s) : null;
    const fine =
      url !== null &&
      url.protocol === 'https:' &&
      url.username === '' &&
      url.password === '' &&
      (url.hostname.includes('.') || url.hostname.startsWith('['));
    if (!fine) {
      ctx.addIssue({ code: 'custom', message: 'invalid_url', input: s });
      return z.NEVER;
    }
    return url.href;
  });

/** An instant with an explicit offset ("2026-05-25T08:00:00Z", "…+02:00"), as epoch milliseconds. */
export const instant = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));

export const localized = <T extends z.ZodType>(field: T) => z.object({ sk: field, en: field });

/** Lower-case letters and digits in dash-separated words, at most 64 characters in all. */
export const seriesSlug = z.string().regex(/^(?=.{1,64}$)[a-z0-9]+(?:-[a-z0-9]+)*$/);
