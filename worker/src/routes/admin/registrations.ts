import { Hono } from 'hono';
import type {
  AdminRegistrationResponse,
  CancelRegistrationResponse,
  ResendResponse,
} from '../../../contract';
import type { AppEnv } from '../../env';
import { actorName } from '../../http/admin-auth';
import { notFound } from '../../http/errors';
import { validate } from '../../http/validate';
import { listSeriesMessages } from '../../db/outbox';
import { deliverSoon } from '../../jobs/deliver';
import { announceAndRemind } from '../../jobs/waitlist';
import { cancelRegistrationInput, recordPath, resendJoinLinkInput } from '../../schemas/admin';
import { findRegistrationWithReminders } from '../../services/admin-reads';
import {
  cancelOnBehalf,
  eraseRegistration,
  resendConfirmation,
  resendJoinLink,
} from '../../services/admin-registrations';
import { adminMessage, adminRegistration } from '../../admin-views/registrations';

async function presentRegistration(db: D1Database, id: string) {
  const found = await findRegistrationWithReminders(db, id);
  if (!found) throw notFound('registration_not_found', 'Registration');
  return {
    found,
    registration: adminRegistration(found.registration, found.reminders, found.deliveries),
  };
}

/**
 * Admin: one person's registration — see it with their messages, resend a confirmation or the
 * join link, cancel on their behalf, erase them. Mounted under /admin/registrations.
 */
export const adminRegistrationRoutes = new Hono<AppEnv>()
  // Every path's id is judged before anything reads it (zod on every input).
  .use('/:id', validate('param', recordPath))
  .use('/:id/*', validate('param', recordPath))
  .get('/:id', async (c) => {
    const { found, registration } = await presentRegistration(c.env.DB, c.req.param('id'));
    const messages = await listSeriesMessages(
      c.env.DB,
      found.registration.seriesId,
      registration.id,
    );
    return c.json({
      registration,
      messages: messages.map(adminMessage),
    } satisfies AdminRegistrationResponse);
  })
  .post('/:id/resend-confirmation', async (c) => {
    const actor = actorName(c.get('actor'));
    const messageId = await resendConfirmation(c.env.DB, c.req.param('id'), actor, Date.now());
    deliverSoon(c, [messageId]);
    return c.json({ messageId } satisfies ResendResponse, 202);
  })
  .post('/:id/resend-join-link', validate('json', resendJoinLinkInput), async (c) => {
    const actor = actorName(c.get('actor'));
    const { workshopId } = c.req.valid('json');
    const id = c.req.param('id');
    const messageId = await resendJoinLink(c.env.DB, id, workshopId, actor, Date.now());
    deliverSoon(c, [messageId]);
    return c.json({ messageId } satisfies ResendResponse, 202);
  })
  .post('/:id/cancel', validate('json', cancelRegistrationInput), async (c) => {
    const actor = actorName(c.get('actor'));
    const { workshopIds } = c.req.valid('json');
    const id = c.req.param('id');
    const now = Date.now();
    const result = await cancelOnBehalf(c.env.DB, id, workshopIds, actor, now);
    deliverSoon(c, [...result.outboxIds, ...(await announceAndRemind(c.env.DB, now))]);
    const { registration } = await presentRegistration(c.env.DB, id);
    return c.json({
      registration,
      cancelledWorkshopIds: result.released.map((w) => w.id),
    } satisfies CancelRegistrationResponse);
  })
  // Erasure (GDPR Art. 17): gone from every table and every stored message.
  .delete('/:id', async (c) => {
    const now = Date.now();
    await eraseRegistration(c.env.DB, c.req.param('id'), actorName(c.get('actor')), now);
    deliverSoon(c, await announceAndRemind(c.env.DB, now));
    return c.body(null, 204);
  });
