/** What a link token lets its holder do. */
export type TokenPurpose = 'confirm' | 'manage';

/** Stores a link token's hash (never the token) for a registration. */
export const insertToken = (
  db: D1Database,
  hash: string,
  registrationId: string,
  purpose: TokenPurpose,
  now: number,
) =>
  db
    .prepare('INSERT INTO tokens (hash, registration_id, purpose, created_at) VALUES (?, ?, ?, ?)')
    .bind(hash, registrationId, purpose, now);
