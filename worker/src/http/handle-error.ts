import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env';
import { PAGE_HEADERS } from '../pages/layout';
import { invalidLinkPage } from '../pages/registration-pages';
import { ApiError, InvalidLinkError } from './errors';

/**
 * The one place that turns a thrown error into a response: the API's error shape, or for a link
 * from an e-mail that is not ours, the page that says so.
 */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof InvalidLinkError) {
    return c.body(invalidLinkPage(), error.status, PAGE_HEADERS);
  }
  if (error instanceof ApiError) {
    return c.json(error.toBody(), error.status, error.headers);
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
};
