import { app } from './app';
import type { Bindings, MailJob } from './env';
import { runScheduled } from './jobs/scheduled';
import { consumeMail } from './jobs/mail-queue';

export default {
  fetch: app.fetch,
  // A thin shell: "now" is the scheduled time, so tests can run the cron at any instant.
  scheduled: (controller, env) => runScheduled(env, controller.scheduledTime),
  // The mail queue's consumer (and its dead-letter queue's): jobs/mail-queue.ts.
  queue: (batch, env) => consumeMail(batch as MessageBatch<MailJob>, env, Date.now()),
} satisfies ExportedHandler<Bindings>;
