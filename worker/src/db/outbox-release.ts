/** The outbox ledger's one way back from a claim (db/outbox.ts `claimDue`) without a send. */

/**
 * Gives back claims of messages this run will not send after all (its time ran out before their
 * turn): queued again as they were, due at once for the next run, the attempt not counted. Only
 * for messages never handed to a transport, so nothing can be sent twice.
 */
export const releaseClaims = (db: D1Database, ids: readonly string[], claimedAt: number) =>
  db
    .prepare(
      `UPDATE outbox SET status = 'queued', claimed_at = NULL, attempts = attempts - 1
       WHERE status = 'sending' AND claimed_at = ?1
         AND id IN (SELECT value FROM json_each(?2))`,
    )
    .bind(claimedAt, JSON.stringify(ids));
