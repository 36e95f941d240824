import type * as z from 'zod';

/** Field name → a stable, machine-readable reason the client localizes ("required", "invalid_email", …). */
export type FieldErrors = Record<string, string>;

/** Codes we set ourselves as issue messages; anything else is derived from the zod issue. */
const OWN_CODES = new Set([
  'required',
  'invalid_email',
  'invalid_url',
  'invalid_characters',
  'ends_before_start',
  'closes_after_start',
  'invalid_origin',
  'not_in_url',
]);

/**
 * Turns zod issues into `{field: code}`, one code per field (the first, which is the most basic:
 * a missing value before a malformed one). Nested fields use dotted paths, e.g. `title.sk`;
 * an error in a list item is reported on the list.
 */
export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    // An error inside a list belongs to the list: "workshopIds", not "workshopIds.3".
    const item = issue.path.findIndex((key) => typeof key === 'number');
    const path = item >= 0 ? issue.path.slice(0, item) : issue.path;
    const field = path.length > 0 ? path.map(String).join('.') : '_';
    fields[field] ??= codeOf(issue);
  }
  return fields;
}

function codeOf(issue: z.core.$ZodIssue): string {
  if (OWN_CODES.has(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'required' : 'invalid_type';
    case 'too_small':
      return issue.origin === 'array' || (issue.origin === 'string' && issue.minimum === 1)
        ? 'required'
        : 'too_small';
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array' ? 'too_long' : 'too_large';
    case 'invalid_value':
      // An enum field left out or blank is missing, and a number where a word goes is a wrong type.
      if (isBlank(issue.input)) return 'required';
      return typeof issue.input === 'string' ? 'invalid_choice' : 'invalid_type';
    case 'invalid_format':
      if (issue.format === 'url') return 'invalid_url';
      if (issue.format === 'datetime') return 'invalid_datetime';
      return 'invalid_format';
    default:
      return 'invalid';
  }
}

const isBlank = (input: unknown) =>
  input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
