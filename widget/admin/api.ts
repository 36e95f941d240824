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

/**
 * The admin API as the page uses it: every call carries the token (or nothing, behind Cloudflare
 * Access, whose cookie the browser sends by itself). Failures are `AdminApiError`s; a network
 * failure is `status: 0, code: 'network'`.
 */
export class AdminApi {
  /** Called on a 401: the token was revoked or Access signed the person out. */
  onUnauthorized?: () => void;

  constructor(
    readonly token: string | null,
    readonly base = '',
  ) {}

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
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
    } catch {
      throw new AdminApiError(0, 'network', 'The admin API could not be reached.');
    }
    if (res.ok) return res;
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
    return (await (await this.send('GET', path)).json()) as T;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T | null> {
    const res = await this.send(method, path, body);
    return res.status === 204 ? null : ((await res.json()) as T);
  }

  /** A CSV fetched with the credentials, handed to the browser as a file download. */
  async download(path: string, fallbackName: string): Promise<string> {
    const res = await this.send('GET', path);
    const disposition = res.headers.get('content-disposition') ?? '';
    const name =
      /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ??
      /filename="([^"]+)"/i.exec(disposition)?.[1];
    const filename = name ? decodeURIComponent(name) : fallbackName;
    const url = URL.createObjectURL(await res.blob());
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
