/**
 * The public API as the widget calls it. Its wire types are the worker's own contract
 * (worker/contract/), imported as types only, so they cannot drift from what the API sends.
 */
import type {
  ErrorBody,
  RegistrationRequest,
  RegistrationResponse,
  SeriesResponse,
} from '../../worker/contract/public-api.js';

export type {
  Contact,
  Locale,
  Localized,
  PublicSeries as Series,
  PublicWorkshop as Workshop,
  RegistrationReceipt as Registration,
  RegistrationRequest,
  RegistrationResponse,
  SeriesResponse,
  WaitlistPlace,
} from '../../worker/contract/public-api.js';
/** The server answered with `{error: {...}}`. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly fields: Record<string, string> = {},
    readonly workshopIds: string[] = [],
  ) {
    super(code);
    this.name = 'ApiRequestError';
  }
}

/**
 * Worth sending again unchanged: the network failed, the server failed (5xx) or asked to slow down
 * (429 `rate_limited`). Anything else would be refused again.
 */
export const isRetryable = (error: unknown) =>
  !(error instanceof ApiRequestError) ||
  error.status >= 500 ||
  // Too many requests: later. Too many unconfirmed registrations: not until some are confirmed.
  (error.status === 429 && error.code !== 'too_many_pending');

/** The server could not be reached, or answered with something that is not our API. */
export class NetworkError extends Error {
  constructor() {
    super('network');
    this.name = 'NetworkError';
  }
}

/** The API origin: where this module was loaded from, so the script tag alone is the whole embed. */
export const defaultApiBase = () => new URL(import.meta.url).origin;

const endpoint = (base: string, path: string) => `${base.replace(/\/+$/, '')}/api/v1${path}`;

/** `started`: the same request, already on its way. */
async function request<T>(
  url: string,
  init?: RequestInit,
  started?: Promise<Response>,
): Promise<T> {
  let response: Response;
  try {
    // No cookies or credentials to the API on another origin, ever: the widget must not track or
    // be tracked (the list's LIST mode, below, sends none across origins either).
    response = await (started ?? fetch(url, { credentials: 'omit', ...init, mode: 'cors' }));
  } catch {
    throw new NetworkError();
  }
  const body = (await response.json().catch(() => null)) as (T & Partial<ErrorBody>) | null;
  if (response.ok && body) return body;
  const error = body?.error;
  if (typeof error?.code === 'string') {
    throw new ApiRequestError(response.status, error.code, error.fields, error.workshopIds);
  }
  throw response.status >= 500
    ? new ApiRequestError(response.status, 'internal')
    : new NetworkError();
}

/**
 * How the list is asked for. No cookies to the API on another origin, ever; 'same-origin' sends
 * none across origins either, and it is the mode of a snippet's `<link rel="preload" as="fetch"
 * crossorigin>`, so the browser hands the widget the preloaded response.
 */
const LIST: RequestInit = { credentials: 'same-origin' };

const seriesUrl = (base: string, slug: string) =>
  endpoint(base, `/series/${encodeURIComponent(slug)}`);

/** List requests started before the element was ready for them (early-load.ts), by URL. */
const early = new Map<string, Promise<Response>>();

/** Starts the list request for `slug` now, for the first fetchSeries() of the same URL to take. */
export function prefetchSeries(base: string, slug: string): void {
  const url = seriesUrl(base, slug);
  if (early.has(url)) return;
  const response = fetch(url, { ...LIST, mode: 'cors' });
  // Nobody may take it (the element changed its series meanwhile): that is no error of the page's.
  response.catch(() => {});
  early.set(url, response);
}

/** `fresh`: past the browser's cache (revalidated with the ETag), e.g. after a 409. */
export function fetchSeries(base: string, slug: string, signal?: AbortSignal, fresh = false) {
  const url = seriesUrl(base, slug);
  const started = fresh ? undefined : early.get(url);
  early.delete(url);
  return request<SeriesResponse>(
    url,
    { ...LIST, signal, cache: fresh ? 'no-cache' : 'default' },
    started,
  );
}

export const postRegistration = (base: string, slug: string, body: RegistrationRequest) =>
  request<RegistrationResponse>(
    endpoint(base, `/series/${encodeURIComponent(slug)}/registrations`),
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  ).then((r) => r.registration);
