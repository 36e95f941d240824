import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { clientNetworkOf } from './client';
import { ApiError } from './errors';

/** Seconds a refused client is told to wait: the longest window the binding counts in. */
export const RETRY_AFTER_SECONDS = 60;

/**
 * Limits public registrations per client with the REGISTRATION_LIMITER binding, before the body
 * is read or anything is stored. The key is the client's network: its IPv4 address, or its IPv6
 * /64, so rotating addresses inside one /64 does not get a fresh budget. It is only handed to the
 * binding: never logged or stored. Without the binding (a deployment that has not configured it) every request
 * passes; so does every request when the binding itself fails, because refusing real registrants
 * is worse than letting a burst through.
 */
export const limitRegistrations: MiddlewareHandler<AppEnv> = async (c, next) => {
  const limiter = c.env.REGISTRATION_LIMITER;
  if (limiter) {
    const key = clientNetworkOf(c);
    let allowed = true;
    try {
      ({ success: allowed } = await limiter.limit({ key }));
    } catch (error) {
      // The error's name only: its message could echo the key.
      console.error(
        JSON.stringify({
          event: 'rate_limit_failed',
          route: c.req.routePath,
          error: error instanceof Error ? error.name : 'non-error thrown',
        }),
      );
    }
    if (!allowed) {
      throw new ApiError(
        429,
        'rate_limited',
        `Too many registrations from this network. Try again in ${RETRY_AFTER_SECONDS} seconds.`,
        {},
        { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      );
    }
  }
  await next();
};
