import type { MailJob } from '../env';

/** Messages per `sendBatch` call: the Queues limit. */
export const SEND_BATCH = 100;

/** Hands jobs to the mail queue, at most SEND_BATCH (the Queues limit) per call. */
export async function enqueueMail(queue: Queue<MailJob>, jobs: readonly MailJob[]): Promise<void> {
  for (let i = 0; i < jobs.length; i += SEND_BATCH) {
    await queue.sendBatch(jobs.slice(i, i + SEND_BATCH).map((body) => ({ body })));
  }
}
