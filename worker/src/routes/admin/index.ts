import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { requireAdmin } from '../../http/admin-auth';
import { adminSeriesRoutes } from './series';
import { adminWorkshopRoutes } from './workshops';
import { adminRegistrationRoutes } from './registrations';

/** Everything under /api/v1/admin requires the admin token, including paths that do not exist. */
export const adminRoutes = new Hono<AppEnv>()
  .use('*', requireAdmin)
  .route('/series', adminSeriesRoutes)
  .route('/workshops', adminWorkshopRoutes)
  .route('/registrations', adminRegistrationRoutes);
