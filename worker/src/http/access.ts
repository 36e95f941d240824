import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { Bindings } from '../env';

/** What the worker needs to verify Cloudflare Access's assertion. */
export interface AccessConfig {
  /** `https://<team>.cloudflareaccess.com`: the issuer, and where its keys are. */
  issuer: string;
  /** The Access application's AUD tag(s). */
  audiences: string[];
}

/**
 * The Access settings, when both are given. One without the other verifies nothing safely (no
 * audience would accept a token for any application of the team), so it counts as not configured.
 */
export function accessConfig(env: Bindings): AccessConfig | null {
  const team = env.ACCESS_TEAM_DOMAIN?.trim();
  const audiences = (env.ACCESS_AUD ?? '')
    .split(',')
    .map((aud) => aud.trim())
    .filter(Boolean);
  if (!team || audiences.length === 0) return null;
  // With or without the scheme. A team domain that is no host at all verifies nothing.
  try {
    return {
      issuer: new URL(/^https:\/\//i.test(team) ? team : `https://${team}`).origin,
      audiences,
    };
  } catch {
    return null;
  }
}

/** Why an assertion was not accepted: it is not valid (401), or its keys could not be read (503). */
export type AccessFailure = 'invalid' | 'keys_unavailable';

export type AccessResult = { actor: string } | { failure: AccessFailure };

/**
 * One key set per team, kept for the isolate's life: jose caches the keys (10 minutes) and
 * refetches when a token names a key it does not know, which is how Access's rotation works.
 */
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/**
 * Verifies a `Cf-Access-Jwt-Assertion`: RS256 signature by one of the team's current keys,
 * issuer, audience and expiry (jose, with a minute of clock tolerance). The e-mail claim names
 * the person; a service token (no e-mail) is named by its client id.
 */
export async function verifyAccess(token: string, config: AccessConfig): Promise<AccessResult> {
  let keys = keySets.get(config.issuer);
  if (!keys) {
    keys = createRemoteJWKSet(new URL('/cdn-cgi/access/certs', config.issuer));
    keySets.set(config.issuer, keys);
  }
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: config.issuer,
      audience: config.audiences,
      algorithms: ['RS256'],
      requiredClaims: ['exp'],
      clockTolerance: 60,
    });
    const email = typeof payload.email === 'string' ? payload.email : undefined;
    const service =
      typeof payload.common_name === 'string' ? `service token ${payload.common_name}` : undefined;
    const actor = email || service;
    return actor ? { actor } : { failure: 'invalid' };
  } catch (error) {
    return { failure: keysUnavailable(error) ? 'keys_unavailable' : 'invalid' };
  }
}

/**
 * The key set could not be fetched or read: the network, a timeout, a non-200 answer (jose's
 * generic error) or a malformed set. Anything else is about the token itself.
 */
const keysUnavailable = (error: unknown) =>
  !(error instanceof errors.JOSEError) ||
  error instanceof errors.JWKSTimeout ||
  error instanceof errors.JWKSInvalid ||
  error.code === 'ERR_JOSE_GENERIC';
