import type { Attachment, Mail, MailKind } from '../mail/message';

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'dropped';

/** Workshop id → the sequence it had when the message was written (see migration 0004). */
export type WorkshopSequences = Record<string, number>;

export interface OutboxMessage extends Mail {
  id: string;
  kind: MailKind;
  registrationId: string;
  workshopId: string | null;
  /** Reminders: the workshop start they are for. */
  startsAt: number | null;
  /** What each workshop the message is about looked like when it was written. */
  workshopSequences: WorkshopSequences;
  status: OutboxStatus;
  attempts: number;
  /** When a queued message may be tried (again). */
  nextAttemptAt: number;
  createdAt: number;
  sentAt: number | null;
  lastError: string | null;
  /** Why a message was dropped: what it says was no longer true (domain/mail-checks.ts). */
  dropReason: string | null;
}

export interface OutboxRow {
  id: string;
  kind: MailKind;
  registration_id: string;
  workshop_id: string | null;
  starts_at: number | null;
  workshop_sequences: string;
  to_address: string;
  from_name: string;
  reply_to: string;
  subject: string;
  text_body: string;
  html_body: string;
  attachments: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number;
  created_at: number;
  sent_at: number | null;
  last_error: string | null;
  drop_reason: string | null;
}

export const outboxMessageFromRow = (r: OutboxRow): OutboxMessage => ({
  id: r.id,
  kind: r.kind,
  registrationId: r.registration_id,
  workshopId: r.workshop_id,
  startsAt: r.starts_at,
  workshopSequences: JSON.parse(r.workshop_sequences) as WorkshopSequences,
  to: r.to_address,
  fromName: r.from_name,
  replyTo: r.reply_to,
  subject: r.subject,
  text: r.text_body,
  html: r.html_body,
  attachments: JSON.parse(r.attachments) as Attachment[],
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  lastError: r.last_error,
  dropReason: r.drop_reason,
});

/** A condition in SQL (`?` placeholders) that must hold when a batch reaches a statement. */
export interface Guard {
  sql: string;
  params: unknown[];
}

export interface Enqueue {
  id: string;
  /** The ledger key: the same key is enqueued once, however often it is tried. */
  dedupeKey: string;
  kind: MailKind;
  registrationId: string;
  workshopId?: string;
  /** Reminders: the workshop start they are for. */
  startsAt?: number;
  workshopSequences: WorkshopSequences;
  mail: Mail;
  now: number;
  /** Queue the message only if this holds then: the change it announces happened. */
  onlyIf?: Guard;
}

/**
 * Queues a message unless one with the same key exists (then it is a no-op), and only if
 * `onlyIf` holds at that point of the batch: in the same transaction as the change it announces,
 * so a change that did not happen (a race lost to another request) queues nothing.
 */
export const enqueue = (db: D1Database, m: Enqueue) =>
  db
    .prepare(
      `INSERT INTO outbox (id, dedupe_key, kind, registration_id, workshop_id, starts_at,
         workshop_sequences, to_address, from_name, reply_to, subject, text_body, html_body,
         attachments, next_attempt_at, created_at)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
       WHERE ${m.onlyIf?.sql ?? 'TRUE'}
       ON CONFLICT (dedupe_key) DO NOTHING`,
    )
    .bind(
      m.id,
      m.dedupeKey,
      m.kind,
      m.registrationId,
      m.workshopId ?? null,
      m.startsAt ?? null,
      JSON.stringify(m.workshopSequences),
      m.mail.to,
      m.mail.fromName,
      m.mail.replyTo,
      m.mail.subject,
      m.mail.text,
      m.mail.html,
      JSON.stringify(m.mail.attachments),
      m.now,
      m.now,
      ...(m.onlyIf?.params ?? []),
    );

/** A claim older than this is taken to be from a run that died; its message is tried again. */
export const STALE_CLAIM_MS = 10 * 60_000;

/**
 * Claims up to `limit` due messages in one statement. D1 runs statements one at a time, so two
 * overlapping runs can never claim the same message: each is sent by exactly one run.
 */
export async function claimDue(
  db: D1Database,
  now: number,
  limit: number,
  ids?: readonly string[],
): Promise<OutboxMessage[]> {
  // Numbered placeholders: an anonymous `?` here would reuse ?2, which appears later in the text.
  const only = ids ? `AND id IN (${ids.map((_, i) => `?${i + 3}`).join(', ')})` : '';
  const { results } = await db
    .prepare(
      `UPDATE outbox SET status = 'sending', claimed_at = ?1, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM outbox
         WHERE ((status = 'queued' AND next_attempt_at <= ?1)
             OR (status = 'sending' AND claimed_at <= ?1 - ${STALE_CLAIM_MS}))
           ${only}
         ORDER BY next_attempt_at LIMIT ?2)
       RETURNING *`,
    )
    .bind(now, limit, ...(ids ?? []))
    .all<OutboxRow>();
  return results.map(outboxMessageFromRow);
}

/**
 * Marks a message sent. With a real transport its bodies go at once: they carry the link tokens,
 * and once the provider has the message the ledger needs only what was sent to whom and when.
 */
export const markSent = (db: D1Database, id: string, now: number, keepBodies: boolean) =>
  db
    .prepare(
      `UPDATE outbox SET status = 'sent', sent_at = ?2, last_error = NULL,
         text_body = CASE WHEN ?3 THEN text_body ELSE '' END,
         html_body = CASE WHEN ?3 THEN html_body ELSE '' END,
         attachments = CASE WHEN ?3 THEN attachments ELSE '[]' END
       WHERE id = ?1 AND status = 'sending'`,
    )
    .bind(id, now, keepBodies ? 1 : 0);

/** A failed attempt: back to the queue for `retryAt`, or failed for good when that is null. */
export const markAttemptFailed = (
  db: D1Database,
  id: string,
  error: string,
  retryAt: number | null,
) =>
  db
    .prepare(
      `UPDATE outbox SET status = ?2, next_attempt_at = COALESCE(?3, next_attempt_at),
         last_error = ?4
       WHERE id = ?1 AND status = 'sending'`,
    )
    .bind(id, retryAt === null ? 'failed' : 'queued', retryAt, error.slice(0, 500));

/**
 * Reminders still waiting in the queue, dropped when their seat goes (a cancellation). A failed
 * one stays in the ledger: should an organizer retry it, the check drops it with the reason.
 */
export const dropQueuedReminders = (
  db: D1Database,
  by: { workshopId: string } | { registrationId: string; workshopIds: readonly string[] },
) =>
  'workshopId' in by
    ? db
        .prepare(
          `DELETE FROM outbox WHERE kind IN ('reminder', 'reminder_short') AND status = 'queued' AND workshop_id = ?`,
        )
        .bind(by.workshopId)
    : db
        .prepare(
          `DELETE FROM outbox WHERE kind IN ('reminder', 'reminder_short') AND status = 'queued' AND registration_id = ?
             AND workshop_id IN (${by.workshopIds.map(() => '?').join(', ')})`,
        )
        .bind(by.registrationId, ...by.workshopIds);

/**
 * Reminders of a workshop that have not gone out (queued, or failed for good), dropped when its
 * time or join link changes, so that the cron queues them afresh with the new facts: a failed one
 * would keep the ledger key for this start time, and nobody would get the new link.
 */
export const dropUnsentReminders = (db: D1Database, workshopId: string) =>
  db
    .prepare(
      `DELETE FROM outbox WHERE kind IN ('reminder', 'reminder_short') AND status IN ('queued', 'failed')
         AND workshop_id = ?`,
    )
    .bind(workshopId);

/** Newest first, for the development outbox. */
export async function listOutbox(db: D1Database, limit = 200): Promise<OutboxMessage[]> {
  const { results } = await db
    .prepare('SELECT * FROM outbox ORDER BY created_at DESC, rowid DESC LIMIT ?')
    .bind(limit)
    .all<OutboxRow>();
  return results.map(outboxMessageFromRow);
}

export interface MessageStatus {
  id: string;
  kind: MailKind;
  registrationId: string;
  workshopId: string | null;
  to: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  dropReason: string | null;
  createdAt: number;
  sentAt: number | null;
}

/** Every message of a series (or of one registration) with its delivery state, newest first. */
export async function listSeriesMessages(
  db: D1Database,
  seriesId: number,
  registrationId?: string,
): Promise<MessageStatus[]> {
  const { results } = await db
    .prepare(
      `SELECT o.id, o.kind, o.registration_id, o.workshop_id, o.to_address, o.status, o.attempts,
         o.last_error, o.drop_reason, o.created_at, o.sent_at
       FROM outbox o JOIN registrations r ON r.id = o.registration_id
       WHERE r.series_id = ?1 AND (?2 IS NULL OR o.registration_id = ?2)
       ORDER BY o.created_at DESC, o.rowid DESC`,
    )
    .bind(seriesId, registrationId ?? null)
    .all<OutboxRow>();
  return results.map((r) => ({
    id: r.id,
    kind: r.kind,
    registrationId: r.registration_id,
    workshopId: r.workshop_id,
    to: r.to_address,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    dropReason: r.drop_reason,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }));
}
