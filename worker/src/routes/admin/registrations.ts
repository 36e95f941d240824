import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { notFound } from '../../http/errors';
import { findRegistration } from '../../db/registrations';
import { deleteRegistrations } from '../../db/retention';

/**
 * Admin: erase a person's registration completely (GDPR Art. 17) — personal data, seats (which
 * are freed), link tokens and every e-mail sent to them. Mounted under /admin/registrations.
 */
export const adminRegistrationRoutes = new Hono<AppEnv>().delete('/:id', async (c) => {
  const registration = await findRegistration(c.env.DB, c.req.param('id'));
  if (!registration) throw notFound('registration_not_found', 'Registration');
  await c.env.DB.batch(deleteRegistrations(c.env.DB, [registration.id], { count: false }));
  return c.body(null, 204);
});
