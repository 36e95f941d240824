import type { Context } from 'hono';
import { clientNetwork } from '../domain/client-network';
import type { AppEnv } from '../env';

/**
 * The key for requests without `cf-connecting-ip`. Cloudflare sets that header on every request
 * it forwards, so this only happens outside Cloudflare; such requests share one budget.
 */
const NO_CLIENT_IP = 'no-client-ip';

/** The client's network (IPv4 address or IPv6 /64): what the rate limit counts by. Never stored. */
export const clientNetworkOf = (c: Context<AppEnv>) =>
  clientNetwork(c.req.header('cf-connecting-ip') || NO_CLIENT_IP);

/**
 * What a pending registration keeps of its client, to cap unconfirmed registrations per client:
 * HMAC-SHA-256 of the client's network with a secret (CLIENT_KEY_SECRET, else the admin token),
 * so the database never holds an address, and without the secret nobody can tell which one it
 * was (a plain hash of an IPv4 address is undone by trying all 2³² of them). Null without any
 * secret: then no cap applies.
 */
export async function clientKeyOf(c: Context<AppEnv>): Promise<string | null> {
  const secret = c.env.CLIENT_KEY_SECRET || c.env.ADMIN_TOKEN;
  if (!secret) return null;
  const encoder = new TextEncoder();
  const key = await hmacKey(secret);
  const mac = await crypto.subtle.sign(
    'HMAC',
    key,
    encoder.encode(`pending:${clientNetworkOf(c)}`),
  );
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The imported HMAC key, once per isolate and secret rather than once per registration. */
type HmacKey = ReturnType<typeof crypto.subtle.importKey>;
let cachedKey: { secret: string; key: HmacKey } | undefined;

function hmacKey(secret: string): HmacKey {
  if (cachedKey?.secret !== secret) {
    const key = crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    cachedKey = { secret, key };
  }
  return cachedKey.key;
}
