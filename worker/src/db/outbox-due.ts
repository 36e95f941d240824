import { STALE_CLAIM_MS } from './outbox';

/**
 * Ids of messages due for an attempt (as `claimDue` would claim them, soonest first), without
 * claiming them: the cron hands them to the mail queue, whose consumer claims each one.
 */
export async function dueOutboxIds(db: D1Database, now: number, limit: number): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT id FROM outbox
       WHERE (status = 'queued' AND next_attempt_at <= ?1)
          OR (status = 'sending' AND claimed_at <= ?1 - ${STALE_CLAIM_MS})
       ORDER BY next_attempt_at LIMIT ?2`,
    )
    .bind(now, limit)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}
