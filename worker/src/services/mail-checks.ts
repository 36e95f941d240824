import type { OutboxMessage } from '../db/outbox';
import { failedMessagesOf, markDropped, requeue, stateOfRegistrations } from '../db/outbox-checks';
import { whyNoLongerTrue, type DropReason } from '../domain/mail-checks';
import { canStillConfirm } from '../domain/registrations';

/**
 * The messages among these that are no longer true, and why (domain/mail-checks.ts): read in two
 * queries per 90 registrations, judged by the pure rules.
 */
export async function staleMessages(
  db: D1Database,
  messages: readonly OutboxMessage[],
  now: number,
): Promise<Map<string, DropReason>> {
  const state = await stateOfRegistrations(
    db,
    messages.map((m) => m.registrationId),
  );
  const stale = new Map<string, DropReason>();
  for (const message of messages) {
    const registration = state.registrations.get(message.registrationId);
    const reason = whyNoLongerTrue(
      message,
      {
        registration: registration
          ? { status: registration.status, canStillConfirm: canStillConfirm(registration, now) }
          : null,
        seats: state.seats.get(message.registrationId) ?? new Map(),
      },
      now,
    );
    if (reason) stale.set(message.id, reason);
  }
  return stale;
}

/**
 * An organizer's retry: the series' failed messages that are still true go back to the queue;
 * the others are dropped with their reason (a join link for someone who has since cancelled must
 * not go out). Returns the requeued ids, to send now.
 *
 * Races: a message requeued here is checked again right before it is sent (jobs/deliver.ts), so a
 * cancellation between this and the send still stops it; two retries at once requeue each message
 * once (`status = 'failed'` in both updates).
 */
export async function requeueFailed(
  db: D1Database,
  seriesId: number,
  now: number,
  /** Runs in the same batch: the organizer's audit entry. */
  also: D1PreparedStatement[] = [],
): Promise<{ requeued: string[]; dropped: number }> {
  const failed = await failedMessagesOf(db, seriesId);
  if (failed.length === 0 && also.length === 0) return { requeued: [], dropped: 0 };
  const stale = await staleMessages(db, failed, now);
  const results = await db.batch([
    ...failed.map((m) =>
      stale.has(m.id) ? markDropped(db, m.id, stale.get(m.id)!, 'failed') : requeue(db, m.id, now),
    ),
    ...also,
  ]);
  const changed = failed.filter((_, i) => results[i]!.meta.changes === 1);
  return {
    requeued: changed.filter((m) => !stale.has(m.id)).map((m) => m.id),
    dropped: changed.filter((m) => stale.has(m.id)).length,
  };
}
