import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { seriesCors } from './http/cors';
import { noSuchEndpoint } from './http/errors';
import { handleError } from './http/handle-error';
import { securityHeaders } from './http/security-headers';
import { seriesRoutes } from './routes/series';
import { registrationRoutes } from './routes/registrations';
import { adminRoutes } from './routes/admin';
import { registrationLinkRoutes } from './routes/registration-links';
import { devRoutes } from './routes/dev';
import { embedRoutes } from './routes/embed';

/** Admin answers carry personal data, link pages carry tokens: no cache may keep them. */
const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
};

export const app = new Hono<AppEnv>();

app.use('*', securityHeaders);
app.use('/api/v1/admin/*', noStore);
app.use('/api/v1/registrations/*', noStore);
// The widget runs on other sites' pages: CORS per series, from its allowed origins.
app.use('/api/v1/series/:slug', seriesCors);
app.use('/api/v1/series/:slug/*', seriesCors);
app.route('/api/v1/series', seriesRoutes);
app.route('/api/v1/series/:slug/registrations', registrationRoutes);
app.route('/api/v1/registrations', registrationLinkRoutes);
app.route('/api/v1/admin', adminRoutes);
app.route('/embed', embedRoutes);
app.route('/', devRoutes);

app.notFound((c) => c.json(noSuchEndpoint().toBody(), 404));

app.onError(handleError);
