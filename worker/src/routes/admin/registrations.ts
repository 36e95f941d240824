import { Hono } from 'hono';
import type { AdminRegistrationResponse } from '../../../contract';
import type { AppEnv } from '../../env';
import { actorName } from '../../http/admin-auth';
import { notFound } from '../../http/errors';
import { listSeriesMessages } from '../../db/outbox';
import { findRegistrationWithReminders } from '../../services/admin-reads';
import { eraseRegistration } from '../../services/admin-registrations';
import { adminMessage, adminRegistration } from '../../admin-views/registrations';

/**
 * Admin: one person's registration — see it with their messages, or erase them. Mounted under
 * /admin/registrations.
 */
export const adminRegistrationRoutes = new Hono<AppEnv>()
  .get('/:id', async (c) => {
    const found = await findRegistrationWithReminders(c.env.DB, c.req.param('id'));
    if (!found) throw notFound('registration_not_found', 'Registration');
    const registration = adminRegistration(found.registration, found.reminders);
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
  // Erasure (GDPR Art. 17): gone from every table and every stored message.
  .delete('/:id', async (c) => {
    await eraseRegistration(c.env.DB, c.req.param('id'), actorName(c.get('actor')), Date.now());
    return c.body(null, 204);
  });
