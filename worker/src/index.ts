import { app } from './app';
import type { Bindings, MailJob } from './env';
import { runScheduled } from './jobs/scheduled';
import { consumeMail } from './jobs/mail-queue';
import { listFastPath } from './http/list-fast-path';

export default {
  // The public list, while this isolate holds a fresh copy, skips the app (http/list-fast-path.ts).
  fetch: (request, env, ctx) => listFastPath(request) ?? app.fetch(request, env, ctx),
  // A thin shell: "now" is the scheduled time, so tests can run the cron at any instant.
  scheduled: (controller, env) => runScheduled(env, controller.scheduledTime),
  // The mail queue's consumer (and its dead-letter queue's): jobs/mail-queue.ts.
  queue: (batch, env) => consumeMail(batch as MessageBatch<MailJob>, env, Date.now()),
} satisfies ExportedHandler<Bindings>;
