import * as z from 'zod';

/**
 * Optimistic concurrency for organizers' edits, the HTTP way (RFC 9110 §13.1.1): a read gives the
 * record's version as an entity tag (the `ETag` header, and `version` in the JSON beside each
 * record, since a series' page lists many workshops), and an edit sends it back in `If-Match`. A
 * stale one is refused with 412 `edit_conflict` and changes nothing. The tag is the record's
 * `updated_at` (db/versions.ts), quoted: a strong validator of what an organizer can edit.
 */
export const etag = (version: number) => `"${version}"`;

/** `*`, or one or more entity tags (weak ones are allowed in but never match: strong comparison). */
const ENTITY_TAGS = /^\s*(\*|(W\/)?"[\x21\x23-\x7e]*"(\s*,\s*(W\/)?"[\x21\x23-\x7e]*")*)\s*$/;

/** The request headers an edit may carry: `If-Match`, optional (an API script may write blind). */
export const editPreconditions = z.object({
  'if-match': z.string().max(1000).regex(ENTITY_TAGS, 'invalid_entity_tag').optional(),
});

/**
 * Whether an `If-Match` names versions the client saw. Without one, or with `*` (any version),
 * the edit is blind: it is made on whatever version the worker reads (services/versions.ts).
 */
export const pinsAVersion = (ifMatch: string | undefined) =>
  ifMatch !== undefined && ifMatch.trim() !== '*';

/** Whether an `If-Match` value holds for the record at `version` (no header: it holds). */
export function ifMatchHolds(ifMatch: string | undefined, version: number): boolean {
  if (ifMatch === undefined || ifMatch.trim() === '*') return true;
  return ifMatch.split(',').some((tag) => tag.trim() === etag(version));
}

/**
 * A PUT that creates or replaces: `If-Match` replaces only the version read, `If-None-Match: *`
 * only creates (a new series under an address name that is taken is refused, not merged).
 */
export const putPreconditions = editPreconditions.extend({
  'if-none-match': z
    .string()
    .regex(/^\s*\*\s*$/, 'only_star')
    .optional(),
});

/** What a PUT's headers ask of the record as read (`undefined`: nothing, a blind write). */
export function putPrecondition(headers: z.output<typeof putPreconditions>) {
  const ifMatch = headers['if-match'];
  const createOnly = headers['if-none-match'] !== undefined;
  if (ifMatch === undefined && !createOnly) return undefined;
  return {
    createOnly,
    /** A lost race is the client's conflict, not a reason to read again and retry. */
    pinned: createOnly || pinsAVersion(ifMatch),
    holds: (version: number | null) =>
      createOnly ? version === null : version !== null && ifMatchHolds(ifMatch, version),
  };
}
