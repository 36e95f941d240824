import { announcePromotions } from '../services/waitlist';
import { queueReminders } from './reminders';

/**
 * Calls of `announcePromotions` one cron run makes at most. A request announces one call's worth
 * (it must answer soon); a cron run goes on, because an offer's time runs from the moment it was
 * made: one raised capacity can offer hundreds of seats at once, and a quarter of an hour per
 * hundred would eat a two-hour offer before the person heard of it.
 */
const CRON_CALLS = 50;

/**
 * After whatever may have moved people in from a waiting list (a cancellation, an expiry, an
 * erasure, a raised capacity, a confirmation, the cron): tell them, and queue the join link at
 * once for a seat already within its reminder window. Returns the outbox ids to deliver. Cheap
 * when nobody was promoted (one indexed query); the cron catches up whatever a request left.
 */
export async function announceAndRemind(
  db: D1Database,
  now: number,
  /**
   * The cron: call again while a call found a full page, and leave the join links to the run's
   * reminder step, which follows and queues every due one (these among them) page by page.
   */
  cron = false,
): Promise<string[]> {
  const queued: string[] = [];
  for (let call = 1; ; call++) {
    const { outboxIds, registrationIds, more } = await announcePromotions(db, now);
    queued.push(...outboxIds);
    // One look-up for all of them, not one per person (a few D1 round trips each).
    if (!cron && registrationIds.length > 0) {
      queued.push(...(await queueReminders(db, now, { registrationIds })));
    }
    if (!cron || !more || call >= CRON_CALLS) break;
  }
  return queued;
}
