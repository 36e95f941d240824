/** Bindings the worker expects (wrangler.jsonc, .dev.vars and secrets). */
export interface Bindings {
  DB: D1Database;
  /** Secret bearer token for /api/v1/admin. Without it the token is refused. */
  ADMIN_TOKEN?: string;
  /**
   * Cloudflare Access in front of the admin (README "Signing in"): the team domain
   * (`https://<team>.cloudflareaccess.com`) and the application's AUD tag (several: comma-separated).
   * With both set, a `Cf-Access-Jwt-Assertion` is verified and its e-mail is the actor.
   */
  ACCESS_TEAM_DOMAIN?: string;
  ACCESS_AUD?: string;
  /** "true": with Access configured, the admin token is refused (only Access sign-ins count). */
  ACCESS_ONLY?: string;
  /** The static assets (dist/site): the worker reads the build's embed manifest from them. */
  ASSETS?: Fetcher;
  /** "development" enables the dev outbox routes; "production" requires a real mail transport. */
  ENVIRONMENT?: string;
  /** Origin for links in e-mails, e.g. https://workshopy.example.gov.sk. Default: the request's. */
  PUBLIC_URL?: string;
  /** outbox (default outside production) | cloudflare | http. See README "E-mail". */
  MAIL_TRANSPORT?: string;
  /** Sender address on the sending domain, e.g. workshopy@example.gov.sk. */
  MAIL_FROM?: string;
  /** Cloudflare Email Sending binding (MAIL_TRANSPORT=cloudflare). */
  EMAIL?: SendEmail;
  /** HTTP e-mail API (MAIL_TRANSPORT=http): Resend-compatible endpoint and its secret key. */
  MAIL_API_URL?: string;
  MAIL_API_KEY?: string;
  /**
   * Rate Limiting binding for public registrations, keyed by client IP (wrangler.jsonc
   * "ratelimits"). Without it registrations are not rate limited.
   */
  REGISTRATION_LIMITER?: RateLimit;
}

/** Who an admin request acts as: the signed-in Access user, or the holder of the admin token. */
export type AdminActor = { via: 'access'; email: string } | { via: 'token' };

export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    /** Set by `requireAdmin` on every admin request. */
    actor: AdminActor;
  };
}

export const isDevelopment = (env: Bindings) => env.ENVIRONMENT === 'development';
