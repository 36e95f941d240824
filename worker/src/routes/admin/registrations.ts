import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { actorName } from '../../http/admin-auth';
import { eraseRegistration } from '../../services/admin-registrations';

/**
 * Admin: erase a person's registration completely (GDPR Art. 17) — personal data, seats (which
 * are freed), link tokens, every e-mail sent to them, and their id in the audit log. Mounted under
 * /admin/registrations.
 */
export const adminRegistrationRoutes = new Hono<AppEnv>().delete('/:id', async (c) => {
  await eraseRegistration(c.env.DB, c.req.param('id'), actorName(c.get('actor')), Date.now());
  return c.body(null, 204);
});
