import { html, nothing } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { property, state } from 'lit/decorators.js';
import type {
  AdminRegistration,
  AdminRegistrationsResponse,
  AdminSeriesResponse,
  RegistrationStatus,
} from '../../worker/contract/index.js';
import { AdminScreen } from './admin-screen.js';
import { ConfirmStep } from './confirm-step.js';
import { describe, perform, type RegistrationAction } from './registration-actions.js';
import { registrationsStyles } from './registrations.styles.js';
import { href } from './routes.js';
import { localizedString, localizedText } from './views/localized-text.js';
import { registrationTable } from './views/registration-table.js';
import { peopleCount } from './views/texts.js';

/**
 * The people registered in a series (or one workshop): search, status, reminder state, and per
 * person resend, cancel on their behalf, erase — each after a confirmation step.
 */
@localized()
export class AdminRegistrations extends AdminScreen {
  static override styles = [...AdminScreen.styles, registrationsStyles];

  @property() slug = '';
  /** Only people with a seat in this workshop. */
  @property() workshop = '';

  @state() private series: AdminSeriesResponse | null = null;
  @state() private rows: AdminRegistration[] | null = null;
  @state() private q = '';
  @state() private status: RegistrationStatus | '' = '';
  private step = new ConfirmStep<RegistrationAction>(this, {
    describe: (action) => ({
      ...describe(action),
      warning: action.kind === 'cancel' || action.kind === 'erase',
    }),
    perform: (action) => perform(this.api, action),
    refresh: () => this.search(),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(async () => {
      this.series = await this.api.get<AdminSeriesResponse>(`/series/${this.slug}`);
    });
    void this.search();
  }

  private async search(event?: Event) {
    event?.preventDefault();
    // The words (names, addresses) go in the body: a URL ends up in logs and proxies.
    const filter = {
      ...(this.workshop && { workshop: this.workshop }),
      ...(this.q.trim() && { q: this.q.trim() }),
      ...(this.status && { status: this.status }),
    };
    await this.load(async () => {
      const path = `/series/${this.slug}/registrations/search`;
      this.rows = (await this.api.call<AdminRegistrationsResponse>(
        'POST',
        path,
        filter,
      ))!.registrations;
    });
  }

  private filters() {
    const workshops = this.series?.workshops ?? [];
    return html`<form class="search" novalidate @submit=${this.search}>
      <div class="field">
        <label for="q">${msg('Search')}</label>
        <input
          id="q"
          type="search"
          autocomplete="off"
          .value=${this.q}
          @input=${(e: Event) => (this.q = (e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="status">${msg('Status')}</label>
        <select
          id="status"
          @change=${(e: Event) =>
            (this.status = (e.target as HTMLSelectElement).value as RegistrationStatus | '')}
        >
          <option value="" ?selected=${!this.status}>${msg('Any')}</option>
          <option value="confirmed" ?selected=${this.status === 'confirmed'}>
            ${msg('Confirmed')}
          </option>
          <option value="pending" ?selected=${this.status === 'pending'}>
            ${msg('Waiting for confirmation')}
          </option>
          <option value="cancelled" ?selected=${this.status === 'cancelled'}>
            ${msg('Cancelled')}
          </option>
          <option value="expired" ?selected=${this.status === 'expired'}>${msg('Expired')}</option>
        </select>
      </div>
      <div class="field">
        <label for="workshop">${msg('Workshop')}</label>
        <select
          id="workshop"
          @change=${(e: Event) => (this.workshop = (e.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${!this.workshop}>${msg('All workshops')}</option>
          ${workshops.map(
            (w) =>
              html`<option value=${w.id} ?selected=${this.workshop === w.id}>
                ${localizedString(w.title, this.locale)}
              </option>`,
          )}
        </select>
      </div>
      <button type="submit">${msg('Search')}</button>
    </form>`;
  }

  override render() {
    const s = this.series;
    return html`<h1 tabindex="-1">${msg('Registrations')}</h1>
      ${
        s
          ? html`<p>
              <a href=${href.series(this.slug)}>${localizedText(s.series.title, this.locale)}</a>
            </p>`
          : nothing
      }
      ${this.failureNotice()} ${this.step.render()} ${this.filters()}
      ${
        // The rows wait for the series too: without its workshops and reminder schedule a row
        // would show fewer states and actions, then change under the organizer's eyes.
        this.rows === null || !s
          ? nothing
          : html`<p role="status">
                ${msg(str`Found: ${peopleCount(this.rows.length, this.locale)}`)}
              </p>
              ${
                this.rows.length
                  ? registrationTable(this.rows, {
                      slug: this.slug,
                      locale: this.locale,
                      workshops: s.workshops,
                      workshopId: this.workshop || undefined,
                      now: Date.now(),
                      secondReminder: (s.series.reminders?.secondLeadMinutes ?? null) !== null,
                      leadMinutes: s.series.reminders?.leadMinutes,
                      ask: (action) => void this.step.ask(action),
                    })
                  : nothing
              }`
      }`;
  }
}

if (!customElements.get('ws-admin-registrations'))
  customElements.define('ws-admin-registrations', AdminRegistrations);
