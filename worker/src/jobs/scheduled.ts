import type { Bindings } from '../env';
import { releaseLapsedHolds } from '../services/holds';
import { deliverDue } from './deliver';
import { fanOut } from './mail-queue';
import { queueReminders } from './reminders';
import { applyRetention } from './retention';

/**
 * One cron run at `now` (the scheduled time, so tests can travel in time). Each step is
 * idempotent and catches up whatever earlier, missed or overlapping runs left behind.
 */
export async function runScheduled(env: Bindings, now: number): Promise<void> {
  await releaseLapsedHolds(env.DB, now);
  const { MAIL_QUEUE } = env;
  if (MAIL_QUEUE) {
    // Fan-out: the cron only reads and hands over; the queue's consumers write and send.
    const handedOver = await fanOut({ ...env, MAIL_QUEUE }, now);
    const deleted = await applyRetention(env.DB, now);
    console.log(JSON.stringify({ event: 'scheduled', now, queued: handedOver, deleted }));
    return;
  }
  const reminders = (await queueReminders(env.DB, now)).length;
  const delivery = await deliverDue(env, now);
  const deleted = await applyRetention(env.DB, now);
  console.log(JSON.stringify({ event: 'scheduled', now, reminders, ...delivery, deleted }));
}
