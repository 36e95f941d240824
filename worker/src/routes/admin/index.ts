import { Hono } from 'hono';
import type { AdminMe } from '../../../contract';
import type { AppEnv } from '../../env';
import { actorName, requireAdmin } from '../../http/admin-auth';
import { embedInfo } from '../../services/embed';
import { adminAuditRoutes } from './audit';
import { adminRegistrationRoutes } from './registrations';
import { adminSeriesRoutes } from './series';
import { adminWorkshopRoutes } from './workshops';

/** Everything under /api/v1/admin requires credentials, including paths that do not exist. */
export const adminRoutes = new Hono<AppEnv>()
  .use('*', requireAdmin)
  .get('/me', (c) => {
    const actor = c.get('actor');
    return c.json({ actor: actorName(actor), via: actor.via } satisfies AdminMe);
  })
  .get('/embed', async (c) =>
    c.json(await embedInfo(c.env.ASSETS, c.env.PUBLIC_URL ?? new URL(c.req.url).origin)),
  )
  .route('/series', adminSeriesRoutes)
  .route('/workshops', adminWorkshopRoutes)
  .route('/registrations', adminRegistrationRoutes)
  .route('/audit', adminAuditRoutes);
