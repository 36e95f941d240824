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
  /**
   * The static assets (dist/site): the worker reads the build's embed manifest from them. In the
   * API worker (wrangler.api.jsonc) a service binding to the site worker, whose assets router
   * serves the same files.
   */
  ASSETS?: Fetcher;
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
  /**
   * The mail queue (wrangler.jsonc "queues"): requests and the cron hand outbox ids and due
   * reminders to it, and its consumer (this worker's `queue` handler) delivers them. Without it
   * requests deliver after their response and the cron delivers in its own run.
   */
  MAIL_QUEUE?: Queue<MailJob>;
  /**
   * Without the mail queue: how long (ms of wall time from its start) a cron run keeps claiming
   * mail to send; the next run sends the rest. Default 20000 (jobs/send-budget.ts says why).
   */
  CRON_SEND_BUDGET_MS?: string;
  /**
   * The HTTP mail API: how long (ms) one send may take before it is given up and tried again
   * later under the same idempotency key. Default 10000 (mail/transport.ts).
   */
  MAIL_SEND_TIMEOUT_MS?: string;
}

/** What Turnstile's siteverify said about a token. */
export interface TurnstileVerdict {
  success: boolean;
  errorCodes: string[];
}

/** Verifies a Turnstile token with a secret key; throws when no verdict could be had. */
export type TurnstileVerifier = (secretKey: string, token: string) => Promise<TurnstileVerdict>;

/** Who an admin request acts as: the signed-in Access user, or the holder of the admin token. */
export type AdminActor = { via: 'access'; email: string } | { via: 'token' };

export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    /** Replaces Cloudflare's siteverify (http/turnstile.ts), e.g. in tests. */
    verifyTurnstile?: TurnstileVerifier;
    /** Set by `requireAdmin` on every admin request. */
    actor: AdminActor;
  };
}

export const isDevelopment = (env: Bindings) => env.ENVIRONMENT === 'development';

/** The seat a reminder is for. */
export interface ReminderSeat {
  registrationId: string;
  workshopId: string;
  startsAt: number;
  /** The join link at the series' lead time (the default), or its second, short one (issue 12). */
  kind?: 'reminder' | 'reminder_short';
}

/**
 * What a MAIL_QUEUE message carries (jobs/mail-queue.ts): an outbox id to deliver, or a due
 * reminder seat to queue in the outbox and deliver. Never the message itself or personal data:
 * the outbox in D1 is the ledger.
 */
export type MailJob = { outboxId: string } | { reminder: ReminderSeat };

/**
 * A number from a var (`wrangler.jsonc` "vars", or a test's), else `fallback`: when unset, not a
 * number, or not `allowed`.
 */
export function numberVar(
  value: string | undefined,
  fallback: number,
  allowed: (n: number) => boolean,
): number {
  const configured = Number(value);
  return value && Number.isFinite(configured) && allowed(configured) ? configured : fallback;
}
