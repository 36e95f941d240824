import type { Bindings } from '../env';
import { releaseLapsedHolds } from '../services/holds';
import { deliverAllDue } from './deliver';
import { fanOut } from './mail-queue';
import { queueReminders } from './reminders';
import { announceAndRemind } from './waitlist';
import { queueFollowUps } from './follow-ups';
import { queueOfferReminders } from './offer-reminders';
import { applyRetention } from './retention';
import { SendBudget } from './send-budget';

/**
 * One cron run at `now` (the scheduled time, so tests can travel in time). Each step is
 * idempotent and catches up whatever earlier, missed or overlapping runs left behind.
 */
export async function runScheduled(env: Bindings, now: number): Promise<void> {
  // "now" decides what is due; the run's own time is the clock's (send-budget.ts).
  const budget = SendBudget.forRun(env, Date.now());
  await releaseLapsedHolds(env.DB, now);
  // Issue 12: promotions (by this run's expiries, or left unannounced by a request). Their join
  // links, if due, come from this run's reminder step below (or its fan-out to the mail queue).
  const promoted = (await announceAndRemind(env.DB, now, true)).length;
  const followUps = (await queueFollowUps(env.DB, now)).length;
  const offerReminders = (await queueOfferReminders(env.DB, now)).length;
  const { MAIL_QUEUE } = env;
  if (MAIL_QUEUE) {
    // Fan-out (issue 11): the cron only reads and hands over due reminder seats and due outbox
    // ids (the promotions and follow-ups just queued among them); the queue's consumers send.
    const handedOver = await fanOut({ ...env, MAIL_QUEUE }, now);
    const deleted = await applyRetention(env.DB, now);
    console.log(
      JSON.stringify({
        event: 'scheduled',
        now,
        promoted,
        followUps,
        offerReminders,
        queued: handedOver,
        deleted,
      }),
    );
    return;
  }
  const reminders = (await queueReminders(env.DB, now)).length;
  const delivery = await deliverAllDue(env, now, budget);
  const deleted = await applyRetention(env.DB, now);
  console.log(
    JSON.stringify({
      event: 'scheduled',
      now,
      promoted,
      reminders,
      followUps,
      offerReminders,
      ...delivery,
      elapsedMs: budget.elapsedMs(),
      deleted,
    }),
  );
}
