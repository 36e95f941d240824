import type { Context } from 'hono';
import type { Series } from '../db/series';
import type { AppEnv, TurnstileVerdict, TurnstileVerifier } from '../env';
import { ApiError } from './errors';

export const SITEVERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';

/**
 * Cloudflare's siteverify, the default verifier: one external subrequest per registration of a
 * series with Turnstile on. No client IP is sent (it is optional). Tests inject their own verifier
 * (`c.set('verifyTurnstile', …)`) or answer this URL from Miniflare's outbound service.
 */
export const siteverify =
  (fetcher: typeof fetch = fetch): TurnstileVerifier =>
  async (secretKey, token) => {
    const response = await fetcher(SITEVERIFY_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ secret: secretKey, response: token }),
    });
    if (!response.ok) throw new Error(`siteverify answered HTTP ${response.status}`);
    const body = (await response.json()) as { success?: unknown; 'error-codes'?: unknown };
    return {
      success: body.success === true,
      errorCodes: Array.isArray(body['error-codes']) ? body['error-codes'].map(String) : [],
    };
  };

/**
 * For a series whose organizer turned Turnstile on: the request must carry a token that
 * siteverify accepts (403 `turnstile_failed`, the widget offers the check again). If the verdict
 * cannot be had, 503 `turnstile_unavailable`: refusing is safer than letting a script through,
 * and the widget keeps everything typed and offers to send again. Other series: nothing happens.
 */
export async function requireTurnstile(
  c: Context<AppEnv>,
  series: Series,
  token: string | undefined,
): Promise<void> {
  if (!series.turnstile) return;
  const failed = () =>
    new ApiError(
      403,
      'turnstile_failed',
      'The check that this is a person did not pass. Complete it again and send the registration.',
    );
  if (!token) throw failed();
  const verify = c.get('verifyTurnstile') ?? siteverify();
  let verdict: TurnstileVerdict;
  try {
    verdict = await verify(series.turnstile.secretKey, token);
  } catch (error) {
    console.error(
      JSON.stringify({
        event: 'turnstile_unavailable',
        error: error instanceof Error ? error.message : 'non-error thrown',
      }),
    );
    throw new ApiError(
      503,
      'turnstile_unavailable',
      'The check that this is a person could not be verified just now. Send the registration again.',
      {},
      { 'Retry-After': '10' },
    );
  }
  if (!verdict.success) throw failed();
}
