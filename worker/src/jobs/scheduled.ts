import type { Bindings } from '../env';
import { releaseLapsedHolds } from '../services/holds';
import { deliverDue } from './deliver';
import { queueReminders } from './reminders';
import { applyRetention } from './retention';

/**
 * One cron run at `now` (the scheduled time, so tests can travel in time). Each step is
 * idempotent and catches up whatever earlier, missed or overlapping runs left behind.
 */
export async function runScheduled(env: Bindings, now: number): Promise<void> {
  await releaseLapsedHolds(env.DB, now);
  const reminders = (await queueReminders(env.DB, now)).length;
  const delivery = await deliverDue(env, now);
  const deleted = await applyRetention(env.DB, now);
  console.log(JSON.stringify({ event: 'scheduled', now, reminders, ...delivery, deleted }));
}
