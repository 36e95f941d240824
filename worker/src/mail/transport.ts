import { isDevelopment, numberVar, type Bindings } from '../env';
import type { OutgoingMail } from './message';

/**
 * A send that must not be retried: the provider refused this message itself. Everything else —
 * missing configuration, a rejected key, rate limits, outages — is retried, so that fixing the
 * setup delivers what was queued meanwhile.
 */
export class PermanentSendError extends Error {
  override name = 'PermanentSendError';
}

export interface Transport {
  name: string;
  /** Resolves when the provider accepted the message; throws otherwise. */
  send(message: OutgoingMail): Promise<void>;
}

/**
 * Development only: the outbox row is the message, marked sent without going anywhere.
 * Developers read it at /dev/outbox; tests read the table.
 */
const outboxTransport: Transport = { name: 'outbox', send: async () => {} };

const sender = (env: Bindings, message: OutgoingMail) => {
  if (!env.MAIL_FROM) throw new Error('MAIL_FROM is not configured');
  return { name: message.fromName, email: env.MAIL_FROM };
};

/** Cloudflare Email Sending through the `send_email` binding named EMAIL. */
function cloudflareTransport(env: Bindings): Transport {
  return {
    name: 'cloudflare',
    async send(message) {
      if (!env.EMAIL) throw new Error('the EMAIL binding is missing');
      await env.EMAIL.send({
        from: sender(env, message),
        to: message.to,
        replyTo: message.replyTo,
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments: message.attachments.map((a) => ({
          disposition: 'attachment' as const,
          filename: a.filename,
          type: a.contentType,
          content: a.content,
        })),
      });
    },
  };
}

const PERMANENT_STATUSES = new Set([400, 413, 422]);

const base64 = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};

/**
 * How long one send to the HTTP mail API may take before it is given up. A send the provider never
 * answers would otherwise hold its run past the cron's send budget (jobs/send-budget.ts stops
 * only new sends) or a queue batch past its time; given up, it counts as a failed attempt and is
 * tried again after its backoff under the same idempotency key, so the provider sends it once
 * even if the first try did reach it. An answer takes well under a second normally.
 */
export const SEND_TIMEOUT_MS = 10_000;

// Not 0: that would give every send up at once.
const sendTimeout = (env: Bindings) =>
  numberVar(env.MAIL_SEND_TIMEOUT_MS, SEND_TIMEOUT_MS, (ms) => ms > 0);

/**
 * A Resend-compatible HTTP API (POST JSON with a Bearer key). The outbox id is the idempotency
 * key, so a retry after a lost response does not send the message twice.
 */
function httpTransport(env: Bindings): Transport {
  return {
    name: 'http',
    async send(message) {
      if (!env.MAIL_API_KEY) throw new Error('MAIL_API_KEY is not configured');
      const from = sender(env, message);
      const response = await fetch(env.MAIL_API_URL ?? 'https://api.resend.com/emails', {
        method: 'POST',
        signal: AbortSignal.timeout(sendTimeout(env)),
        headers: {
          authorization: `Bearer ${env.MAIL_API_KEY}`,
          'content-type': 'application/json',
          'idempotency-key': message.id,
        },
        body: JSON.stringify({
          from: `${JSON.stringify(from.name)} <${from.email}>`,
          to: [message.to],
          reply_to: message.replyTo,
          subject: message.subject,
          text: message.text,
          html: message.html,
          attachments: message.attachments.map((a) => ({
            filename: a.filename,
            content: base64(a.content),
            content_type: a.contentType,
          })),
        }),
      });
      if (response.ok) return;
      const detail = `HTTP ${response.status}`;
      // 400, 413 and 422 refuse the message itself (bad address, too large); a 401/403 after a
      // key rotation, a 429 or a 5xx is worth another try once the cause is gone.
      if (PERMANENT_STATUSES.has(response.status)) throw new PermanentSendError(detail);
      throw new Error(detail);
    },
  };
}

/** The transport in use, or why there is none (then messages stay queued). */
export type MailSetup =
  { transport: Transport; warning: null } | { transport: null; warning: string };

const noTransport = (warning: string): MailSetup => ({ transport: null, warning });

/**
 * The transport MAIL_TRANSPORT names. The outbox transport marks messages sent without sending
 * them, so it exists only where ENVIRONMENT is exactly "development" (what `npm start` sets):
 * anywhere else — unset, "staging", a wrangler `env.*` block, which does not inherit `vars` —
 * messages stay queued (nothing is lost, nothing is marked sent) until a transport is configured.
 */
export function mailSetup(env: Bindings): MailSetup {
  const name = env.MAIL_TRANSPORT ?? (isDevelopment(env) ? 'outbox' : undefined);
  switch (name) {
    case 'outbox':
      return isDevelopment(env)
        ? { transport: outboxTransport, warning: null }
        : noTransport(
            'MAIL_TRANSPORT "outbox" only works with ENVIRONMENT=development: set "cloudflare" or "http". Messages stay queued until then.',
          );
    case 'cloudflare':
      return { transport: cloudflareTransport(env), warning: null };
    case 'http':
      return { transport: httpTransport(env), warning: null };
    case undefined:
      return noTransport(
        'No mail transport is configured: set MAIL_TRANSPORT to "cloudflare" or "http". Messages stay queued until then.',
      );
    default:
      return noTransport(
        'MAIL_TRANSPORT names no known transport: set "cloudflare" or "http". Messages stay queued until then.',
      );
  }
}
