/**
 * Checks of Slovak typography shared by the widget's, the e-mails' and the pages' language tests.
 */

/** "registrovaný/-á", "Obec / mesto": a slash between words or before an ending. */
export function slashForms(text: string): string[] {
  return [...text.matchAll(/\p{L}\/-?\p{L}*|\p{L} \/ \p{L}|\/-\p{L}/gu)].map((m) => m[0]);
}

/**
 * A one-letter preposition or conjunction (v, k, s, z, o, a, i, u) followed by an ordinary
 * space: Slovak typography keeps it on the line of the next word (a no-break space).
 */
export function breakableAfterOneLetterWord(text: string): string[] {
  return [...text.matchAll(/(?<![\p{L}\p{N}.@/-])[vkszoaiuVKSZOAIU] (?=\S)/gu)].map(
    (m) => `${text.slice(Math.max(0, m.index - 15), m.index + 15)}`,
  );
}

/** Every string in a dictionary, its functions called with sample arguments. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const args = Array.from({ length: value.length }, (_, i) => `«${i}»`);
    return stringsIn((value as (...a: string[]) => unknown)(...args));
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
