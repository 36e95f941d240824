/** The public API as the widget sees it (worker/src/routes/series.ts and registrations.ts). */

export type Locale = 'sk' | 'en';
export type Localized = Record<Locale, string>;

export interface Series {
  slug: string;
  title: Localized;
  description: Localized;
  privacyUrl: string;
  organizer: { name: string; email: string };
}

export interface Workshop {
  id: string;
  title: Localized;
  description: Localized;
  startsAt: string;
  endsAt: string;
  capacity: number;
  seatsLeft: number;
  registrationOpen: boolean;
}

export interface SeriesResponse {
  series: Series;
  workshops: Workshop[];
}

export interface RegistrationRequest {
  givenName: string;
  familyName: string;
  email: string;
  organizationType: string;
  organization: string;
  role: string;
  workshopIds: string[];
  locale: Locale;
}

export interface Registration {
  id: string;
  status: string;
  workshopIds: string[];
}

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

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    // No cookies or credentials, ever: the widget must not track or be tracked.
    response = await fetch(url, { ...init, credentials: 'omit', mode: 'cors' });
  } catch {
    throw new NetworkError();
  }
  const body = await response.json().catch(() => null);
  if (response.ok && body) return body as T;
  const error = body?.error;
  if (typeof error?.code === 'string') {
    throw new ApiRequestError(response.status, error.code, error.fields, error.workshopIds);
  }
  throw response.status >= 500
    ? new ApiRequestError(response.status, 'internal')
    : new NetworkError();
}

export const fetchSeries = (base: string, slug: string, signal?: AbortSignal) =>
  request<SeriesResponse>(endpoint(base, `/series/${encodeURIComponent(slug)}`), { signal });

export const postRegistration = (base: string, slug: string, body: RegistrationRequest) =>
  request<{ registration: Registration }>(
    endpoint(base, `/series/${encodeURIComponent(slug)}/registrations`),
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  ).then((r) => r.registration);
