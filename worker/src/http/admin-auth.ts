import type { Context, MiddlewareHandler } from 'hono';
import type { AdminActor, AppEnv } from '../env';
import { accessConfig, verifyAccess } from './access';
import { ApiError } from './errors';

/** The header Cloudflare Access adds to every request it lets through. */
export const ACCESS_HEADER = 'cf-access-jwt-assertion';

/** What the audit log and `GET /admin/me` call the holder of the admin token. */
export const TOKEN_ACTOR = 'admin token';

export const actorName = (actor: AdminActor) =>
  actor.via === 'access' ? actor.email : TOKEN_ACTOR;

const unauthorized = () =>
  new ApiError(
    401,
    'unauthorized',
    'Sign in through Cloudflare Access, or send a valid admin token as a Bearer credential.',
    {},
    { 'WWW-Authenticate': 'Bearer' },
  );

/**
 * Admin routes need credentials, and `c.get('actor')` says whose they are:
 *
 * - With Access configured (ACCESS_TEAM_DOMAIN and ACCESS_AUD), a `Cf-Access-Jwt-Assertion` is
 *   verified and its e-mail is the actor. An assertion that is present but not valid is refused,
 *   whatever else the request carries: a forged sign-in never falls back to another credential.
 * - `Authorization: Bearer <ADMIN_TOKEN>` is the actor "admin token": locally, on deployments
 *   without Access, and behind Access too unless ACCESS_ONLY is "true" (then only Access counts).
 *
 * Without a configured token (and no Access) nothing gets in.
 */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('actor', await authenticate(c));
  await next();
};

async function authenticate(c: Context<AppEnv>): Promise<AdminActor> {
  const access = accessConfig(c.env);
  const assertion = c.req.header(ACCESS_HEADER);
  if (access && assertion) {
    const result = await verifyAccess(assertion, access);
    if ('actor' in result) return { via: 'access', email: result.actor };
    if (result.failure === 'keys_unavailable') {
      console.error(JSON.stringify({ event: 'access_keys_unavailable', issuer: access.issuer }));
      throw new ApiError(
        503,
        'access_unavailable',
        'The Cloudflare Access keys could not be read; try again in a minute.',
        {},
        { 'Retry-After': '60' },
      );
    }
    throw unauthorized();
  }
  // Fails closed: with ACCESS_ONLY set, a broken Access setup lets nobody in rather than the token.
  if (c.env.ACCESS_ONLY === 'true') throw unauthorized();
  const expected = c.env.ADMIN_TOKEN;
  const presented = /^Bearer +(\S+) *$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (!expected || !presented || !(await sameSecret(presented, expected))) throw unauthorized();
  return { via: 'token' };
}

/**
 * Both sides are hashed first so that the constant-time comparison works on equal lengths and
 * leaks neither content nor length.
 */
async function sameSecret(a: string, b: string): Promise<boolean> {
  const encoder = new TextEncoder();
  const [da, db] = await Promise.all([
    crypto.subtle.digest('SHA-256', encoder.encode(a)),
    crypto.subtle.digest('SHA-256', encoder.encode(b)),
  ]);
  return crypto.subtle.timingSafeEqual(da, db);
}
