import type { Guard } from './outbox';

/** What a link token lets its holder do. */
export type TokenPurpose = 'confirm' | 'manage';

/**
 * Stores a link token's hash (never the token) for a registration; with `onlyIf`, only if that
 * holds (the token belongs to a message that is queued only then).
 */
export const insertToken = (
  db: D1Database,
  hash: string,
  registrationId: string,
  purpose: TokenPurpose,
  now: number,
  onlyIf?: Guard,
) =>
  db
    .prepare(
      `INSERT INTO tokens (hash, registration_id, purpose, created_at)
       SELECT ?, ?, ?, ? WHERE ${onlyIf?.sql ?? 'TRUE'}`,
    )
    .bind(hash, registrationId, purpose, now, ...(onlyIf?.params ?? []));
