/**
 * The names of the fields whose value before and after differ, compared as JSON (so texts in both
 * languages, lists and nested settings compare by content): what an audit entry records of an
 * organizer's edit (domain/workshops.ts `changedFields`, domain/series.ts `changedSeriesFields`).
 */
export const namesOfChanged = (pairs: readonly (readonly [string, unknown, unknown])[]) =>
  pairs
    .filter(([, before, after]) => JSON.stringify(before) !== JSON.stringify(after))
    .map(([name]) => name);
