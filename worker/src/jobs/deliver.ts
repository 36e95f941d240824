import type { Context } from 'hono';
import { claimDue, markAttemptFailed, markSent, type OutboxMessage } from '../db/outbox';
import { releaseClaims } from '../db/outbox-release';
import { markDropped } from '../db/outbox-checks';
import type { AppEnv, Bindings } from '../env';
import { mailSetup, PermanentSendError, type Transport } from '../mail/transport';
import { staleMessages } from '../services/mail-checks';
import { enqueueMail } from './mail-jobs';
import type { SendBudget } from './send-budget';

/** After this many failed attempts a message is marked failed and stays visible to organizers. */
export const MAX_ATTEMPTS = 8;

/** Messages claimed (and sent) at a time: one claim, two reads to check them, a write each. */
const BATCH = 50;

/** At most this many ids per `deliverDue` call (more are left to the due-order claim). */
export const DELIVER_BATCH = BATCH;

/**
 * Messages a cron run without the mail queue sends (a small deployment): 1,000 reminders in two
 * runs, not twenty. Bound by what one invocation may ask of D1, 1,000 queries on Workers Paid
 * (platform.md): sending one costs a little over one (it is marked sent on its own), which leaves
 * the run's other steps about 450. A provider's API call each is 500 subrequests of the 10,000
 * allowed. Time is the other bound: a run stops claiming when its wall-clock budget is spent
 * (send-budget.ts), whichever comes first. More than that a quarter of an hour takes the queue.
 */
export const CRON_SENDS_PER_RUN = 500;

/**
 * Wait before attempt n+1: 1, 2, 4, … minutes, at most an hour. With the 15-minute cron the
 * eight attempts span about three hours, so an hour-long provider outage loses nothing.
 */
export const retryDelay = (attempts: number) => Math.min(60, 2 ** (attempts - 1)) * 60_000;

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
  /** No longer true when their turn came: not sent, kept in the ledger with the reason. */
  dropped: number;
}

export interface CronDeliveryReport extends DeliveryReport {
  /** Claimed, then given back unsent: the budget ran out before their turn. */
  left: number;
  /** The run stopped claiming because its wall-clock budget was spent (more may be due). */
  stoppedOnBudget?: true;
}

/**
 * Sends due messages (or just `ids`, right after a request queued them): claim, send, record.
 * A message is claimed before it is sent and marked sent only after the provider accepted it.
 */
export async function deliverDue(
  env: Bindings,
  now: number,
  ids?: readonly string[],
  /** Told of each message that failed and is to be tried again at `retryAt` (the queue's retry). */
  onRetry?: (id: string, retryAt: number) => void,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, dropped: 0 };
  if (ids?.length === 0) return report;
  const { transport, warning } = mailSetup(env);
  if (!transport) {
    console.warn(JSON.stringify({ event: 'mail_not_sent', reason: warning }));
    return report;
  }
  // D1 binds at most 100 values per statement: a long list is left to the due-order claim.
  const claimed = await claimDue(env.DB, now, BATCH, ids && ids.length <= BATCH ? ids : undefined);
  await sendClaimed(env.DB, transport, claimed, now, report, { onRetry });
  return report;
}

/**
 * Sends claimed messages one after another and records each. With a `budget`, a message whose
 * turn comes when its send would end past the budget is not sent: its claim is given back for
 * the next run.
 * Returns how many were given back.
 */
async function sendClaimed(
  db: D1Database,
  transport: Transport,
  claimed: OutboxMessage[],
  now: number,
  report: DeliveryReport,
  { onRetry, budget }: { onRetry?: (id: string, retryAt: number) => void; budget?: SendBudget },
): Promise<number> {
  const messages = await dropStale(db, claimed, now, report);
  for (const [i, message] of messages.entries()) {
    if (budget && !budget.roomForOne()) {
      // The provider slowed down after the claim was sized: nothing of the rest was handed over.
      const rest = messages.slice(i).map((m) => m.id);
      await releaseClaims(db, rest, now).run();
      return rest.length;
    }
    const send = () => sendOne(db, transport, message, now, report, onRetry);
    await (budget ? budget.timed(send) : send());
  }
  return 0;
}

/** One claimed message: sent and marked so, or its failure recorded (retry or failed for good). */
async function sendOne(
  db: D1Database,
  transport: Transport,
  message: OutboxMessage,
  now: number,
  report: DeliveryReport,
  onRetry?: (id: string, retryAt: number) => void,
) {
  let failure: unknown = null;
  try {
    await transport.send(message);
  } catch (error) {
    failure = error;
  }
  if (failure === null) {
    // Recorded at once, not at the end: a run that dies later must not leave it to be re-sent.
    // The outbox transport's row is the message (read at /dev/outbox), so it keeps its bodies.
    await markSent(db, message.id, now, transport.name === 'outbox').run();
    report.sent++;
    return;
  }
  const permanent = failure instanceof PermanentSendError || message.attempts >= MAX_ATTEMPTS;
  // Providers name the recipient in their errors; the address stays out of logs and the ledger.
  const reason = (failure instanceof Error ? failure.message : 'send failed').replace(
    /[^\s@<>"']+@[^\s@<>"']+/g,
    '<address>',
  );
  const retryAt = permanent ? null : now + retryDelay(message.attempts);
  await markAttemptFailed(db, message.id, reason, retryAt).run();
  if (retryAt === null) report.failed++;
  else {
    report.retrying++;
    onRetry?.(message.id, retryAt);
  }
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

/**
 * The cron's delivery without the mail queue: claims and sends due messages until none is due,
 * `max` were handled (sent, retrying, failed or dropped) or the run's wall-clock `budget` is
 * spent (jobs/send-budget.ts). Each claim takes only as many as the budget's pace says fit in
 * what is left of it, and a claimed message whose turn comes too late is given back unsent, so
 * the run leaves no claim behind: the rest stay queued, in due order, for the next run. A message
 * that fails waits for its backoff, so the run never claims it twice.
 */
export async function deliverAllDue(
  env: Bindings,
  now: number,
  budget: SendBudget,
  max = CRON_SENDS_PER_RUN,
): Promise<CronDeliveryReport> {
  const total: CronDeliveryReport = { sent: 0, retrying: 0, failed: 0, dropped: 0, left: 0 };
  const { transport, warning } = mailSetup(env);
  if (!transport) {
    console.warn(JSON.stringify({ event: 'mail_not_sent', reason: warning }));
    return total;
  }
  for (let handled = 0; handled < max;) {
    const size = Math.min(budget.claimable(BATCH), max - handled);
    if (size === 0) {
      total.stoppedOnBudget = true;
      break;
    }
    const claimed = await claimDue(env.DB, now, size);
    total.left += await sendClaimed(env.DB, transport, claimed, now, total, { budget });
    handled += claimed.length;
    if (total.left > 0) total.stoppedOnBudget = true;
    // Fewer than asked for: nothing else is due.
    if (claimed.length < size || total.left > 0) break;
  }
  return total;
}

/**
 * Checks claimed messages against the state now, right before sending: one that is no longer
 * true (the person cancelled, the workshop moved, …) is dropped with its reason instead of sent.
 * Returns the messages to send. What changes between this check and the provider accepting the
 * message (milliseconds) is not caught; the ledger keys keep a later, true message possible.
 */
async function dropStale(
  db: D1Database,
  claimed: OutboxMessage[],
  now: number,
  report: DeliveryReport,
): Promise<OutboxMessage[]> {
  if (claimed.length === 0) return claimed;
  const stale = await staleMessages(db, claimed, now);
  if (stale.size === 0) return claimed;
  await db.batch([...stale].map(([id, reason]) => markDropped(db, id, reason, 'sending')));
  for (const message of claimed) {
    const reason = stale.get(message.id);
    if (!reason) continue;
    report.dropped++;
    console.warn(
      JSON.stringify({ event: 'mail_dropped', id: message.id, kind: message.kind, reason }),
    );
  }
  return claimed.filter((m) => !stale.has(m.id));
}

/**
 * Delivers messages a request has just queued, soon after it and without making it wait: through
 * the mail queue when it is bound (jobs/mail-queue.ts), else right here after the response. If
 * that fails, the cron retries them.
 */
export function deliverSoon(c: Context<AppEnv>, outboxIds: readonly string[]): void {
  if (outboxIds.length === 0) return;
  c.executionCtx.waitUntil(handOver(c.env, outboxIds));
}

async function handOver(env: Bindings, outboxIds: readonly string[]): Promise<void> {
  if (env.MAIL_QUEUE) {
    try {
      await enqueueMail(
        env.MAIL_QUEUE,
        outboxIds.map((outboxId) => ({ outboxId })),
      );
      return;
    } catch (error) {
      // The queue refused (e.g. over its rate): send from here, as without a queue.
      console.warn(JSON.stringify({ event: 'mail_queue_send_failed', reason: String(error) }));
    }
  }
  await deliverDue(env, Date.now(), outboxIds);
}
