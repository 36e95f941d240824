import { LitElement, html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { property, state } from 'lit/decorators.js';
import { AdminApi, AdminApiError } from './api.js';
import { adminStyles } from './admin.styles.js';
import type { AdminLocale } from './localization.js';
import { failureText } from './views/texts.js';

/** A failure that trying again may cure: no answer, a server fault, too many requests. */
const mayPass = (error: unknown) =>
  !(error instanceof AdminApiError) ||
  error.status === 0 ||
  error.status === 429 ||
  error.status >= 500;

/**
 * What every admin screen shares: the API it talks to, the language, the look, and a failure
 * message. Each screen's <h1> has tabindex="-1": the app moves focus there on every route change.
 *
 * Failures never leave a screen stuck "loading": `load()` shows what went wrong in an alert with a
 * button that tries again; `attempt()` (a change the organizer asked for) shows it without one,
 * since the organizer's own button is still there. Either way the alert takes focus, and nothing
 * the organizer typed is touched.
 */
export class AdminScreen extends LitElement {
  static override styles = [...adminStyles];

  /** Set by the app: the signed-in API client. */
  @property({ attribute: false }) api: AdminApi = new AdminApi(null);

  @property() locale: AdminLocale = 'sk';

  /** Why loading or saving failed, shown in a notice. */
  @state() protected failure: string | null = null;

  /** The loads that failed: "Try again" runs them once more. */
  private failedLoads: Array<() => Promise<unknown>> = [];
  /** The failure shown is a load's, so "Try again" is offered. */
  private canRetry = false;

  /** Runs `work`, turning any failure into `failure` (a 401 also signs the app out). */
  protected async attempt<T>(work: () => Promise<T>, retry = false): Promise<T | undefined> {
    this.failure = null;
    this.canRetry = false;
    try {
      return await work();
    } catch (error) {
      // A fault of this page, not of the network: developers see it in the console.
      if (!(error instanceof AdminApiError)) console.error(error);
      this.failure = failureText(error);
      this.canRetry = retry && mayPass(error);
      if (this.canRetry) this.failedLoads.push(work);
      void this.focusFailure();
      return undefined;
    }
  }

  /**
   * `attempt` for what a screen reads to show itself: a failure that may pass offers to try again
   * (a 404 does not).
   */
  protected load<T>(work: () => Promise<T>): Promise<T | undefined> {
    return this.attempt(work, true);
  }

  private retry = async () => {
    const works = this.failedLoads.splice(0);
    // The alert (and its button) goes away while trying: focus waits on the heading.
    this.focusHeading(false);
    await Promise.all(works.map((work) => this.load(work)));
  };

  private async focusFailure() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.failure')?.focus();
  }

  protected failureNotice() {
    if (!this.failure) return nothing;
    return html`<div class="notice notice--warning failure" role="alert" tabindex="-1">
      <p>${this.failure}</p>
      ${
        this.canRetry
          ? html`<button class="button--secondary" @click=${this.retry}>
              ${msg('Try again')}
            </button>`
          : nothing
      }
    </div>`;
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

  /**
   * Where focus goes when the screen opens: its heading, or the failure alert if loading has
   * already failed (GOV.UK focuses the error summary on a page that opens with errors).
   */
  focusHeading(failureFirst = true): void {
    const failure = failureFirst ? this.renderRoot.querySelector<HTMLElement>('.failure') : null;
    (failure ?? this.renderRoot.querySelector<HTMLElement>('h1'))?.focus();
  }
}
