import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from './env';
import { noSuchEndpoint } from './http/errors';
import { handleError } from './http/handle-error';
import { seriesRoutes } from './routes/series';
import { registrationRoutes } from './routes/registrations';
import { adminRoutes } from './routes/admin';
import { registrationLinkRoutes } from './routes/registration-links';
import { devRoutes } from './routes/dev';

/**
 * The widget runs on other sites' pages, so the public API answers any origin. It uses no cookies
 * and no credentials, so `*` grants nothing a plain server-side request could not do.
 */
const publicCors = cors({
  origin: '*',
  allowMethods: ['GET', 'POST', 'OPTIONS'],
  allowHeaders: ['Content-Type'],
  maxAge: 86400,
});

export const app = new Hono<AppEnv>();

app.use('/api/v1/series/*', publicCors);
app.route('/api/v1/series', seriesRoutes);
app.route('/api/v1/series/:slug/registrations', registrationRoutes);
app.route('/api/v1/registrations', registrationLinkRoutes);
app.route('/api/v1/admin', adminRoutes);
app.route('/', devRoutes);

app.notFound((c) => c.json(noSuchEndpoint().toBody(), 404));

app.onError(handleError);
