/** Bindings the worker expects (wrangler.jsonc, .dev.vars and secrets). */
export interface Bindings {
  DB: D1Database;
  /** Secret bearer token for /api/v1/admin. Without it every admin request is refused. */
  ADMIN_TOKEN?: string;
  /**
   * Exactly "development" enables the dev routes and the outbox transport; anything else (unset
   * included) needs a real mail transport, or messages stay queued.
   */
  ENVIRONMENT?: string;
  /** Origin for links in e-mails, e.g. https://workshopy.example.gov.sk. Default: the request's. */
  PUBLIC_URL?: string;
  /** outbox (development only, its default) | cloudflare | http. See README "E-mail". */
  MAIL_TRANSPORT?: string;
  /** Sender address on the sending domain, e.g. workshopy@example.gov.sk. */
  MAIL_FROM?: string;
  /** Cloudflare Email Sending binding (MAIL_TRANSPORT=cloudflare). */
  EMAIL?: SendEmail;
  /** HTTP e-mail API (MAIL_TRANSPORT=http): Resend-compatible endpoint and its secret key. */
  MAIL_API_URL?: string;
  MAIL_API_KEY?: string;
  /**
   * Rate Limiting binding for public registrations, keyed by client network (wrangler.jsonc
   * "ratelimits"). Without it registrations are not rate limited.
   */
  REGISTRATION_LIMITER?: RateLimit;
  /**
   * Secret for the keyed hash that caps unconfirmed registrations per client (http/client.ts).
   * Default: the admin token. Without either, no cap applies.
   */
  CLIENT_KEY_SECRET?: string;
}

/** What Turnstile's siteverify said about a token. */
export interface TurnstileVerdict {
  success: boolean;
  errorCodes: string[];
}

/** Verifies a Turnstile token with a secret key; throws when no verdict could be had. */
export type TurnstileVerifier = (secretKey: string, token: string) => Promise<TurnstileVerdict>;

export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    /** Replaces Cloudflare's siteverify (http/turnstile.ts), e.g. in tests. */
    verifyTurnstile?: TurnstileVerifier;
  };
}

export const isDevelopment = (env: Bindings) => env.ENVIRONMENT === 'development';
