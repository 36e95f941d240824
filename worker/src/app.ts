import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './env';
import { ApiError } from './http/errors';
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

app.notFound((c) => c.json({ error: { code: 'not_found', message: 'No such endpoint.' } }, 404));

app.onError((error, c) => {
  if (error instanceof ApiError) {
    if (error.status === 401) c.header('WWW-Authenticate', 'Bearer');
    return c.json(error.toBody(), error.status);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return c.json({ error: { code: 'bad_request', message: error.message } }, error.status);
  }
  // Route pattern, not URL: URLs can carry tokens. No request body, no bound values.
  console.error(
    JSON.stringify({
      event: 'unhandled_error',
      method: c.req.method,
      route: c.req.routePath,
      error: error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown',
    }),
  );
  return c.json({ error: { code: 'internal', message: 'Something went wrong on our side.' } }, 500);
});
