import { announcePromotions } from '../services/waitlist';
import { queueReminders } from './reminders';

/**
 * After whatever may have moved people in from a waiting list (a cancellation, an expiry, an
 * erasure, a raised capacity, a confirmation, the cron): tell them, and queue the join link at
 * once for a seat already within its reminder window. Returns the outbox ids to deliver. Cheap
 * when nobody was promoted (one indexed query); the cron catches up whatever a request left.
 */
export async function announceAndRemind(db: D1Database, now: number): Promise<string[]> {
  const { outboxIds, registrationIds } = await announcePromotions(db, now);
  const reminders: string[] = [];
  for (const registrationId of registrationIds) {
    reminders.push(...(await queueReminders(db, now, { registrationId })));
  }
  return [...outboxIds, ...reminders];
}
