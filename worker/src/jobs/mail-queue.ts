import { dueOutboxIds } from '../db/outbox-due';
import { notHandedOver, recordHandovers } from '../db/reminder-handovers';
import type { Bindings, MailJob, ReminderSeat } from '../env';
import { deliverDue, DELIVER_BATCH } from './deliver';
import { enqueueMail } from './mail-jobs';
import { dueReminders, queueRemindersFor } from './reminders';

/**
 * Mail fan-out on Cloudflare Queues (README "E-mail"). The outbox in D1 stays the ledger and the
 * one source of truth: a queue message only says "look at this" — an outbox id to deliver, or a
 * due reminder seat to queue in the outbox and deliver. Delivery claims the outbox row before it
 * sends (a redelivered or duplicated message finds it claimed or sent and does nothing), checks
 * the mail guards again, and sends with the outbox id as the Idempotency-Key.
 */
/** Due reminders one cron run hands to the queue; the next run (15 min later) takes the rest. */
export const FAN_OUT_PER_RUN = 20_000;

/** Due outbox messages (retries, leftovers) one cron run hands to the queue. */
const DUE_PER_RUN = 5_000;

/** The queue that takes the dead letters of the mail queue (wrangler.jsonc). */
export const isDeadLetterQueue = (name: string) => name.endsWith('-dlq');

/**
 * The cron's part when the queue is bound: hand every due reminder seat and every due outbox
 * message to the queue (reads and queue sends only; the consumers write and send, in parallel).
 */
export async function fanOut(
  env: Bindings & { MAIL_QUEUE: Queue<MailJob> },
  now: number,
): Promise<{ reminders: number; due: number }> {
  const run = { limit: FAN_OUT_PER_RUN, pageSize: 1000 };
  const due = [
    ...(await dueReminders(env.DB, now, run, 'reminder')),
    ...(await dueReminders(env.DB, now, run, 'reminder_short')),
  ];
  // Seats handed over by a run less than an hour ago are with the consumers already.
  const seats = await notHandedOver(env.DB, due, now);
  // Recorded first: should the sends below fail halfway, the rest go an hour later (or the
  // cron of a deployment without the queue takes them), never twice at once.
  await recordHandovers(env.DB, seats, now);
  await enqueueMail(
    env.MAIL_QUEUE,
    seats.map(({ registrationId, workshopId, startsAt, kind }) => ({
      reminder: { registrationId, workshopId, startsAt, kind },
    })),
  );
  const outboxIds = await dueOutboxIds(env.DB, now, DUE_PER_RUN);
  await enqueueMail(
    env.MAIL_QUEUE,
    outboxIds.map((outboxId) => ({ outboxId })),
  );
  return { reminders: seats.length, due: outboxIds.length };
}

/**
 * The queue consumer. Reminder seats become outbox rows (one batch); those and the outbox ids are
 * delivered. A message whose send failed is retried by the queue after the ledger's backoff; the
 * rest are acknowledged (sent, dropped as no longer true, failed for good, or already handled by
 * someone else: all recorded in the ledger). Throwing redelivers the batch (e.g. D1 unavailable).
 */
export async function consumeMail(
  batch: MessageBatch<MailJob>,
  env: Bindings,
  now: number,
): Promise<void> {
  if (isDeadLetterQueue(batch.queue)) {
    // Out of queue retries. The ledger still has each message: the cron hands a due one to the
    // queue again, and one out of attempts is marked failed for organizers to see.
    console.warn(JSON.stringify({ event: 'mail_dead_letters', count: batch.messages.length }));
    batch.ackAll();
    return;
  }
  const seats: ReminderSeat[] = [];
  const byOutboxId = new Set<string>();
  for (const message of batch.messages) {
    if ('reminder' in message.body) seats.push(message.body.reminder);
    else byOutboxId.add(message.body.outboxId);
  }
  const fromReminders = seats.length > 0 ? await queueRemindersFor(env.DB, now, seats) : [];
  const retries = new Map<string, number>();
  const ids = [...byOutboxId.keys(), ...fromReminders];
  for (let i = 0; i < ids.length; i += DELIVER_BATCH) {
    await deliverDue(env, now, ids.slice(i, i + DELIVER_BATCH), (id, retryAt) =>
      retries.set(id, retryAt),
    );
  }
  const delaySeconds = (retryAt: number) => Math.max(1, Math.ceil((retryAt - now) / 1000));
  // A reminder's row is new: its retry goes to the queue as an outbox id of its own.
  const retriedReminders = fromReminders.filter((id) => retries.has(id));
  if (retriedReminders.length > 0 && env.MAIL_QUEUE) {
    await env.MAIL_QUEUE.sendBatch(
      retriedReminders.map((outboxId) => ({
        body: { outboxId },
        delaySeconds: delaySeconds(retries.get(outboxId)!),
      })),
    );
  }
  for (const message of batch.messages) {
    const retryAt = 'outboxId' in message.body ? retries.get(message.body.outboxId) : undefined;
    if (retryAt === undefined) message.ack();
    else message.retry({ delaySeconds: delaySeconds(retryAt) });
  }
}
