import assert from 'node:assert/strict';
import {
  outboxMessageFromRow,
  type OutboxMessage,
  type OutboxRow,
} from '../../worker/src/db/outbox';
import type { TestWorker } from './worker';

/** E-mail as the tests see it: the outbox, the links in messages, and the cron that sends them. */

/** The HTTP e-mail transport, pointed at the fake provider (see `fakeMailProvider`). */
export const HTTP_MAIL = {
  MAIL_TRANSPORT: 'http',
  MAIL_API_URL: 'https://mail.test/emails',
  MAIL_API_KEY: 'k',
  MAIL_FROM: 'workshopy@example.gov.sk',
};

export type { OutboxMessage };

/** A calendar file attached to a message. */
export type CalendarAttachment = OutboxMessage['attachments'][number];

/** Messages in the outbox, oldest first, optionally only those matching every given field. */
export async function outbox(
  worker: TestWorker,
  where: { to?: string; kind?: string; registrationId?: string; workshopId?: string } = {},
): Promise<OutboxMessage[]> {
  const { results } = await worker.db
    .prepare(
      `SELECT * FROM outbox
       WHERE (?1 IS NULL OR to_address = ?1) AND (?2 IS NULL OR kind = ?2)
         AND (?3 IS NULL OR registration_id = ?3) AND (?4 IS NULL OR workshop_id = ?4)
       ORDER BY created_at, rowid`,
    )
    .bind(
      where.to ?? null,
      where.kind ?? null,
      where.registrationId ?? null,
      where.workshopId ?? null,
    )
    .all<OutboxRow>();
  return results.map(outboxMessageFromRow);
}

/** The one message matching `where`; fails when there is none or more than one. */
export async function onlyMessage(
  worker: TestWorker,
  where: Parameters<typeof outbox>[1],
): Promise<OutboxMessage> {
  const messages = await outbox(worker, where);
  assert.equal(messages.length, 1, `exactly one message ${JSON.stringify(where)}`);
  return messages[0]!;
}

/** Every place a message carries text: the text part, the HTML part and each attachment. */
export const everythingIn = (m: OutboxMessage) =>
  [m.subject, m.text, m.html, ...m.attachments.map((a) => a.content)].join('\n');

/**
 * Waits until what requests handed to `waitUntil` is done: no message is being sent, and none is
 * still waiting for its first attempt. Time-travelling cron runs must not race those sends. The
 * limit only ends a wait that would never end: a busy machine may take seconds to get there.
 */
export async function settle(worker: TestWorker, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await worker.db
      .prepare(
        `SELECT COUNT(*) AS n FROM outbox
         WHERE status = 'sending' OR (status = 'queued' AND attempts = 0)`,
      )
      .first<{ n: number }>();
    if (row!.n === 0) return;
    assert.ok(Date.now() < deadline, `${row!.n} messages still unsent after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Runs the cron as if it fired at `ms` (epoch milliseconds), and checks that it succeeded. */
export async function runCron(worker: TestWorker, ms: number): Promise<void> {
  // Miniflare's trigger for the scheduled handler; it answers with the run's outcome.
  const res = await worker.fetch(`/cdn-cgi/handler/scheduled?cron=*/15+*+*+*+*&time=${ms}`);
  assert.equal(await res.text(), 'ok', `cron at ${new Date(ms).toISOString()}`);
}

/** The link of one kind (confirm or manage) a message carries, as a URL the worker answers. */
export function linkIn(message: Pick<OutboxMessage, 'text'>, kind: 'confirm' | 'manage'): string {
  const match = message.text.match(
    new RegExp(`https?://\\S+/api/v1/registrations/${kind}\\?token=[A-Za-z0-9_-]+`),
  );
  assert.ok(match, `a ${kind} link in:\n${message.text}`);
  return match[0];
}
export const confirmLink = (message: Pick<OutboxMessage, 'text'>) => linkIn(message, 'confirm');
export const manageLink = (message: Pick<OutboxMessage, 'text'>) => linkIn(message, 'manage');
/** The token a confirm or manage link carries. */
export const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
