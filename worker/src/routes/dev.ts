import { Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { isDevelopment, type AppEnv } from '../env';
import { noSuchEndpoint } from '../http/errors';
import { validate } from '../http/validate';
import { listOutbox, type OutboxMessage } from '../db/outbox';
import { html } from '../html';
import { page, PAGE_HEADERS } from '../pages/layout';
import { runScheduled } from '../jobs/scheduled';
import { iso, isoOrNull } from '../views';

/**
 * The development outbox: every e-mail the worker "sent" with the outbox transport. Exists only
 * when ENVIRONMENT is "development"; anywhere else these paths are 404.
 */
export const devRoutes = new Hono<AppEnv>();

const devOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!isDevelopment(c.env)) throw noSuchEndpoint();
  await next();
};

const view = (m: OutboxMessage) => ({
  id: m.id,
  to: m.to,
  from: m.fromName,
  replyTo: m.replyTo,
  subject: m.subject,
  text: m.text,
  html: m.html,
  kind: m.kind,
  attachments: m.attachments,
  status: m.status,
  attempts: m.attempts,
  createdAt: iso(m.createdAt),
  sentAt: isoOrNull(m.sentAt),
});

devRoutes.get('/api/v1/dev/outbox', devOnly, async (c) =>
  c.json({ messages: (await listOutbox(c.env.DB)).map(view) }),
);

devRoutes.get('/dev/outbox', devOnly, async (c) => {
  const messages = await listOutbox(c.env.DB);
  const linkify = (text: string) =>
    text
      .split(/(https?:\/\/\S+)/g)
      .map((part, i) => (i % 2 ? html`<a href="${part}">${part}</a>` : part));
  const body = html`<h1>Outbox (development)</h1>
    <p>
      ${messages.length} messages, newest first. JSON:
      <a href="/api/v1/dev/outbox">/api/v1/dev/outbox</a>
    </p>
    ${messages.map(
      (m) =>
        html`<section class="panel">
          <p>
            <strong>${m.subject}</strong><br />To: ${m.to} · ${m.kind} · ${m.status} ·
            ${iso(m.createdAt)}
          </p>
          <pre style="white-space:pre-wrap">${linkify(m.text)}</pre>
          ${m.attachments.length > 0 ? html`<p>Attachments: ${m.attachments.map((a) => a.filename).join(', ')}</p>` : ''}
        </section>`,
    )}`;
  return c.body(page('en', 'Outbox', body), 200, PAGE_HEADERS);
});

/** `?time=`: epoch milliseconds that make a valid Date (the latest is 8.64e15, in 275760). */
const cronQuery = z.object({
  time: z.coerce
    .number()
    .int()
    .positive()
    .refine((ms) => !Number.isNaN(new Date(ms).getTime()))
    .optional(),
});

/**
 * Runs the cron job now, or at `?time=<epoch ms>`: what the scheduled handler does with
 * `controller.scheduledTime`. wrangler 4.86 cannot trigger it locally for a worker with static
 * assets (/cdn-cgi/handler/scheduled reaches the assets router and answers "exception").
 */
devRoutes.post('/api/v1/dev/scheduled', devOnly, validate('query', cronQuery), async (c) => {
  const time = c.req.valid('query').time ?? Date.now();
  await runScheduled(c.env, time);
  return c.json({ ranAt: iso(time) });
});
