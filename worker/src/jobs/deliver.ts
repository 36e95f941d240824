import type { Context } from 'hono';
import { claimDue, markAttemptFailed, markSent } from '../db/outbox';
import type { AppEnv, Bindings } from '../env';
import { mailSetup, PermanentSendError } from '../mail/transport';

/** After this many failed attempts a message is marked failed and stays visible to organizers. */
export const MAX_ATTEMPTS = 8;

/** Messages sent per run: well inside the Workers subrequest limit. */
const BATCH = 50;

/**
 * Wait before attempt n+1: 1, 2, 4, … minutes, at most an hour. With the 15-minute cron the
 * eight attempts span about three hours, so an hour-long provider outage loses nothing.
 */
export const retryDelay = (attempts: number) => Math.min(60, 2 ** (attempts - 1)) * 60_000;

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends due messages (or just `ids`, right after a request queued them): claim, send, record.
 * A message is claimed before it is sent and marked sent only after the provider accepted it.
 */
export async function deliverDue(
  env: Bindings,
  now: number,
  ids?: readonly string[],
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  if (ids?.length === 0) return report;
  const { transport, warning } = mailSetup(env);
  if (!transport) {
    console.warn(JSON.stringify({ event: 'mail_not_sent', reason: warning }));
    return report;
  }
  // D1 binds at most 100 values per statement: a long list is left to the due-order claim.
  const messages = await claimDue(env.DB, now, BATCH, ids && ids.length <= BATCH ? ids : undefined);
  for (const message of messages) {
    let failure: unknown = null;
    try {
      await transport.send(message);
    } catch (error) {
      failure = error;
    }
    if (failure === null) {
      // Recorded at once, not at the end: a run that dies later must not leave it to be re-sent.
      // The outbox transport's row is the message (read at /dev/outbox), so it keeps its bodies.
      await markSent(env.DB, message.id, now, transport.name === 'outbox').run();
      report.sent++;
      continue;
    }
    const permanent = failure instanceof PermanentSendError || message.attempts >= MAX_ATTEMPTS;
    // Providers name the recipient in their errors; the address stays out of logs and the ledger.
    const reason = (failure instanceof Error ? failure.message : 'send failed').replace(
      /[^\s@<>"']+@[^\s@<>"']+/g,
      '<address>',
    );
    const retryAt = permanent ? null : now + retryDelay(message.attempts);
    await markAttemptFailed(env.DB, message.id, reason, retryAt).run();
    if (permanent) report.failed++;
    else report.retrying++;
    // The kind and id identify the message for organizers.
    console.warn(
      JSON.stringify({
        event: 'mail_send_failed',
        id: message.id,
        kind: message.kind,
        reason,
        permanent,
      }),
    );
  }
  return report;
}

/**
 * Delivers messages a request has just queued, soon after it and without making it wait. If that
 * fails, the cron retries them. (This is the one place to swap for a Cloudflare Queue send.)
 */
export function deliverSoon(c: Context<AppEnv>, outboxIds: readonly string[]): void {
  c.executionCtx.waitUntil(deliverDue(c.env, Date.now(), outboxIds));
}
