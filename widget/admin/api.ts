import type { ErrorBody } from '../../worker/contract/public-api.js';

/** Where the admin token lives for this tab only: never in a URL, gone when the tab closes. */
export const TOKEN_KEY = 'workshop-signup-admin-token';

/** An answer the API refused: its stable code, and field codes for a form's inline errors. */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** How long a read waits before its one automatic second try. */
export const READ_RETRY_DELAY_MS = 300;

/** Answers a proxy gives when the worker behind it did not answer: worth one more try. */
const GATEWAY_STATUSES = new Set([502, 503, 504]);

/**
 * A failure that may pass: the connection dropped (status 0, before or during the answer) or a
 * gateway gave up.
 */
const transient = (error: unknown) =>
  error instanceof AdminApiError && (error.status === 0 || GATEWAY_STATUSES.has(error.status));

/**
 * The admin API as the page uses it: every call carries the token (or nothing, behind Cloudflare
 * Access, whose cookie the browser sends by itself). Every failure is an `AdminApiError`: one that
 * never reached an answer (a dropped connection, a body cut short) is `status: 0`, with the code
 * `network` for a read and `network_change` for a change (which may or may not have been made).
 * A read (GET, idempotent) is tried once more by itself before it fails; a change never is.
 */
export class AdminApi {
  /** Called on a 401: the token was revoked or Access signed the person out. */
  onUnauthorized?: () => void;

  constructor(
    readonly token: string | null,
    readonly base = '',
  ) {}

  private async request<T>(
    method: string,
    path: string,
    body: unknown,
    read: (res: Response) => Promise<T>,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    try {
      return await this.once(method, path, body, read, extraHeaders);
    } catch (error) {
      if (method !== 'GET' || !transient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, READ_RETRY_DELAY_MS));
      return this.once(method, path, body, read, extraHeaders);
    }
  }

  private async once<T>(
    method: string,
    path: string,
    body: unknown,
    read: (res: Response) => Promise<T>,
    extraHeaders: Record<string, string>,
  ): Promise<T> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${this.base}/api/v1/admin${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
      // Reading the body can fail too: the connection may drop halfway through the answer.
      if (res.ok) return await read(res);
    } catch {
      throw new AdminApiError(
        0,
        method === 'GET' ? 'network' : 'network_change',
        'The admin API could not be reached.',
      );
    }
    if (res.status === 401) this.onUnauthorized?.();
    const error = ((await res.json().catch(() => null)) as ErrorBody | null)?.error;
    throw new AdminApiError(
      res.status,
      error?.code ?? 'unknown',
      error?.message ?? res.statusText,
      error?.fields ?? {},
    );
  }

  async get<T>(path: string): Promise<T> {
    return this.request('GET', path, undefined, async (res) => (await res.json()) as T);
  }

  /**
   * A change. `headers`: its preconditions — `If-Match` with the version the form was filled from
   * (a stale one is refused with 412 `edit_conflict`), `If-None-Match: *` to only create.
   */
  async call<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T | null> {
    return this.request(
      method,
      path,
      body,
      async (res) => (res.status === 204 ? null : ((await res.json()) as T)),
      headers,
    );
  }

  /** A CSV fetched with the credentials, handed to the browser as a file download. */
  async download(path: string, fallbackName: string): Promise<string> {
    const { res, blob } = await this.request('GET', path, undefined, async (r) => ({
      res: r,
      blob: await r.blob(),
    }));
    const disposition = res.headers.get('content-disposition') ?? '';
    const name =
      /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ??
      /filename="([^"]+)"/i.exec(disposition)?.[1];
    const filename = name ? decodeURIComponent(name) : fallbackName;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return filename;
  }
}
