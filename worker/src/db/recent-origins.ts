import { allowedOriginsOf } from './series';

/**
 * A series' allowed origins (the CORS check), read at most every ORIGINS_TTL_MS per isolate: one
 * D1 round trip less on every public request (the cached list then needs none at all). Saving a
 * series forgets its entry in this isolate; other isolates see a changed allowlist within the
 * same few seconds as the list's seat counts (http/list-cache.ts).
 */
const ORIGINS_TTL_MS = 5_000;
const recent = new Map<
  string,
  { at: number; origins: Promise<string[] | null>; settled?: { value: string[] | null } }
>();

export function recentAllowedOrigins(db: D1Database, slug: string): Promise<string[] | null> {
  const now = Date.now();
  const hit = recent.get(slug);
  if (hit && now - hit.at < ORIGINS_TTL_MS) return hit.origins;
  // Bounded: slugs are anyone's input; forget everything rather than grow without end.
  if (recent.size >= 1_000) recent.clear();
  const origins = allowedOriginsOf(db, slug);
  const entry: { at: number; origins: typeof origins; settled?: { value: string[] | null } } = {
    at: now,
    origins,
  };
  recent.set(slug, entry);
  origins.then(
    (value) => void (entry.settled = { value }),
    // A failed read is not remembered.
    () => recent.get(slug) === entry && recent.delete(slug),
  );
  return origins;
}

/**
 * The same answer without waiting, for the list's fast path (http/list-fast-path.ts): the origins
 * when a read of them has finished within ORIGINS_TTL_MS, else undefined (then the app reads).
 */
export function settledAllowedOrigins(slug: string, now: number): string[] | null | undefined {
  const hit = recent.get(slug);
  return hit?.settled && now - hit.at < ORIGINS_TTL_MS ? hit.settled.value : undefined;
}

/** The series was saved: read its origins afresh next time. */
export const forgetAllowedOrigins = (slug: string) => void recent.delete(slug);
