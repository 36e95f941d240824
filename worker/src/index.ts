import { app } from './app';
import type { Bindings } from './env';
import { runScheduled } from './jobs/scheduled';

export default {
  fetch: app.fetch,
  // A thin shell: "now" is the scheduled time, so tests can run the cron at any instant.
  scheduled: (controller, env) => runScheduled(env, controller.scheduledTime),
} satisfies ExportedHandler<Bindings>;
