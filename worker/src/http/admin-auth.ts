import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { ApiError } from './errors';

/**
 * Admin routes need `Authorization: Bearer <ADMIN_TOKEN>`. Both sides are hashed first so that the
 * constant-time comparison works on equal lengths and leaks neither content nor length.
 * Without a configured token nothing gets in.
 */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const expected = c.env.ADMIN_TOKEN;
  const presented = /^Bearer +(\S+) *$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (!expected || !presented || !(await sameSecret(presented, expected))) {
    throw new ApiError(
      401,
      'unauthorized',
      'Send a valid admin token as a Bearer credential.',
      {},
      { 'WWW-Authenticate': 'Bearer' },
    );
  }
  await next();
};

async function sameSecret(a: string, b: string): Promise<boolean> {
  const encoder = new TextEncoder();
  const [da, db] = await Promise.all([
    crypto.subtle.digest('SHA-256', encoder.encode(a)),
    crypto.subtle.digest('SHA-256', encoder.encode(b)),
  ]);
  return crypto.subtle.timingSafeEqual(da, db);
}
