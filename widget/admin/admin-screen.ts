import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AdminApi, AdminApiError } from './api.js';
import { adminStyles } from './admin.styles.js';
import type { AdminLocale } from './localization.js';
import { apiErrorText } from './views/texts.js';

/**
 * What every admin screen shares: the API it talks to, the language, the look, and a failure
 * message. Each screen's <h1> has tabindex="-1": the app moves focus there on every route change.
 */
export class AdminScreen extends LitElement {
  static override styles = [...adminStyles];

  /** Set by the app: the signed-in API client. */
  @property({ attribute: false }) api: AdminApi = new AdminApi(null);

  @property() locale: AdminLocale = 'sk';

  /** Why loading or saving failed, shown in a notice. */
  @state() protected failure: string | null = null;

  /** Runs `work`, turning a refusal into `failure` (a 401 also signs the app out). */
  protected async attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.failure = null;
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof AdminApiError)) throw error;
      this.failure = apiErrorText(error);
      return undefined;
    }
  }

  protected failureNotice() {
    return this.failure
      ? html`<div class="notice notice--warning" role="alert"><p>${this.failure}</p></div>`
      : nothing;
  }

  /**
   * Names the screen in the document title once it knows what it shows (a series' title): the
   * app listens. Carries no personal data.
   */
  protected nameScreen(name: string): void {
    this.dispatchEvent(
      new CustomEvent('ws-admin-screen-name', { detail: { name }, bubbles: true, composed: true }),
    );
  }

  /** The screen's heading, where focus goes when the screen opens. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}
