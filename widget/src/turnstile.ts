import type { Locale } from './api.js';

/**
 * Cloudflare Turnstile, for a series whose organizer turned it on (the series then has a
 * `turnstileSiteKey`): the widget's only third-party load, and only then. The host page's CSP
 * must allow `script-src` and `frame-src` https://challenges.cloudflare.com.
 */
export const TURNSTILE_SCRIPT =
  'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit';

/** The part of Turnstile's global API the widget uses. */
export interface TurnstileApi {
  render(container: HTMLElement, options: TurnstileOptions): string | undefined;
  reset(widgetId?: string): void;
  remove(widgetId: string): void;
}

export interface TurnstileOptions {
  sitekey: string;
  language: string;
  callback: (token: string) => void;
  'expired-callback': () => void;
  'error-callback': () => void;
}

declare global {
  interface Window {
    turnstile?: TurnstileApi;
  }
}

/** Where the script comes from; tests point it at a local stand-in. */
export const turnstileSource = { url: TURNSTILE_SCRIPT };

let loading: Promise<TurnstileApi> | undefined;

/** The script, once per page, however many widgets ask; a page that already has it is used. */
function loadTurnstile(): Promise<TurnstileApi> {
  if (window.turnstile) return Promise.resolve(window.turnstile);
  loading ??= new Promise<TurnstileApi>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = turnstileSource.url;
    script.async = true;
    script.onload = () =>
      window.turnstile ? resolve(window.turnstile) : reject(new Error('no turnstile'));
    script.onerror = () => {
      loading = undefined;
      script.remove();
      reject(new Error('turnstile did not load'));
    };
    document.head.append(script);
  });
  return loading;
}

/**
 * The check in a form: rendered into a light-DOM child of the widget (slotted into the form), so
 * Turnstile's frame lives in the page as it expects. Keeps the latest token; a token is good for
 * one registration, so after every answer the check is reset.
 */
export class TurnstileCheck {
  token = '';
  private container?: HTMLElement;
  private widgetId?: string;
  private siteKey = '';

  constructor(
    private readonly host: HTMLElement,
    private readonly changed: () => void,
  ) {}

  /** Shows the check for this site key (again only if the key changed). */
  async show(siteKey: string, locale: Locale): Promise<void> {
    if (this.siteKey === siteKey) return;
    this.remove();
    this.siteKey = siteKey;
    const container = (this.container = document.createElement('div'));
    container.slot = 'turnstile';
    this.host.append(container);
    const api = await loadTurnstile().catch(() => undefined);
    if (!api || this.container !== container) return;
    this.widgetId = api.render(container, {
      sitekey: siteKey,
      language: locale,
      callback: (token) => this.set(token),
      'expired-callback': () => this.set(''),
      'error-callback': () => this.set(''),
    });
  }

  /** A fresh check after the token was used (or refused). */
  reset(): void {
    this.set('');
    if (this.widgetId !== undefined) window.turnstile?.reset(this.widgetId);
  }

  remove(): void {
    if (this.widgetId !== undefined) window.turnstile?.remove(this.widgetId);
    this.container?.remove();
    this.container = this.widgetId = undefined;
    this.siteKey = this.token = '';
  }

  private set(token: string): void {
    this.token = token;
    this.changed();
  }
}
