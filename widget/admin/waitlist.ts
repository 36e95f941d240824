import { html, nothing } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { property, state } from 'lit/decorators.js';
import type {
  AdminSeriesResponse,
  AdminWaitlistEntry,
  AdminWaitlistResponse,
  AdminWorkshopWithStats,
} from '../../worker/contract/index.js';
import { AdminScreen } from './admin-screen.js';
import { AdminApiError } from './api.js';
import { registrationsStyles } from './registrations.styles.js';
import { href } from './routes.js';
import { formatTimeRange } from './time.js';
import { localizedString, localizedText } from './views/localized-text.js';
import { apiErrorText, peopleCount } from './views/texts.js';
import {
  describeWaitlistAction,
  performWaitlistAction,
  waitlistTable,
  type WaitlistAction,
} from './views/waitlist-table.js';

/**
 * One workshop's waiting list in join order, with each place's state; an organizer moves someone
 * in or takes them out of line by hand, each after a confirmation step that says what it does
 * (the registrations screen's pattern), and the result is announced in a live region.
 */
@localized()
export class AdminWaitlist extends AdminScreen {
  static override styles = [...AdminScreen.styles, registrationsStyles];

  @property() slug = '';
  @property() workshopId = '';

  @state() private workshop: AdminWorkshopWithStats | null = null;
  @state() private rows: AdminWaitlistEntry[] | null = null;
  @state() private pending: WaitlistAction | null = null;
  @state() private result: string | null = null;
  @state() private busy = false;
  /** The button that asked: focus goes back to it when the organizer says no. */
  private opener: HTMLElement | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(async () => {
      const data = await this.api.get<AdminSeriesResponse>(`/series/${this.slug}`);
      this.workshop = data.workshops.find((w) => w.id === this.workshopId) ?? null;
      if (this.workshop) this.nameScreen(localizedString(this.workshop.title, this.locale));
    });
    void this.loadLine();
  }

  private async loadLine() {
    await this.load(async () => {
      const path = `/workshops/${this.workshopId}/waitlist`;
      this.rows = (await this.api.get<AdminWaitlistResponse>(path)).waitlist;
    });
  }

  private async ask(action: WaitlistAction) {
    this.opener = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    this.pending = action;
    this.result = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.confirm h2')?.focus();
  }

  private async confirm() {
    const action = this.pending!;
    this.busy = true;
    try {
      this.result = await performWaitlistAction(this.api, this.workshopId, action);
    } catch (error) {
      if (!(error instanceof AdminApiError)) throw error;
      this.result = waitlistErrorText(error);
    } finally {
      this.busy = false;
      this.pending = null;
    }
    await this.loadLine();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.result')?.focus();
  }

  private decline = async () => {
    this.pending = null;
    await this.updateComplete;
    if (this.opener?.isConnected) this.opener.focus();
    else this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  };

  private confirmation(action: WaitlistAction) {
    const { question, effect, yes } = describeWaitlistAction(action);
    return html`<div
      class="notice notice--warning confirm"
      role="group"
      aria-labelledby="confirm-q"
    >
      <h2 id="confirm-q" tabindex="-1">${question}</h2>
      <p>${effect}</p>
      <button
        class=${action.kind === 'remove' ? 'button--warning' : ''}
        ?disabled=${this.busy}
        @click=${this.confirm}
      >
        ${yes}
      </button>
      <button class="button--secondary" @click=${this.decline}>${msg('No, go back')}</button>
    </div>`;
  }

  private about(w: AdminWorkshopWithStats) {
    const mode = !w.waitlist
      ? msg('The waiting list is switched off for this workshop.')
      : w.waitlistMode === 'offer'
        ? msg(str`A freed seat is offered to the first in line for ${hoursText(w.offerMinutes)}.`)
        : msg('A freed seat goes to the first in line automatically.');
    return html`<p>
        <a href=${href.series(this.slug)}>${localizedText(w.title, this.locale)}</a>
        ${formatTimeRange(w.startsAt, w.endsAt, this.locale)}
      </p>
      <p>${msg(str`${w.capacity} seats, ${w.seatsLeft} left`)} ${mode}</p>`;
  }

  override render() {
    const waiting = this.rows?.filter((r) => r.state === 'waiting' || r.state === 'offered');
    return html`<h1 tabindex="-1">${msg('Waiting list')}</h1>
      ${this.workshop ? this.about(this.workshop) : nothing} ${this.failureNotice()}
      ${
        this.result
          ? html`<div class="notice notice--success result" role="status" tabindex="-1">
              <p>${this.result}</p>
            </div>`
          : nothing
      }
      ${this.pending ? this.confirmation(this.pending) : nothing}
      ${
        this.rows === null
          ? nothing
          : html`<p>${msg(str`In line now: ${peopleCount(waiting!.length, this.locale)}`)}</p>
              ${
                this.rows.length
                  ? waitlistTable(this.rows, this.locale, (a) => void this.ask(a))
                  : html`<p>${msg('Nobody has joined the waiting list.')}</p>`
              }`
      }`;
  }
}

/** "24 hours", "90 minutes": how long an offer waits, in the organizer's units. */
export function hoursText(minutes: number): string {
  if (minutes % 60 !== 0) return msg(str`${minutes} min`);
  return msg(str`${minutes / 60} h`);
}

function waitlistErrorText(error: AdminApiError): string {
  if (error.code === 'not_waiting')
    return msg('This person is no longer waiting in this line; the list is shown as it is now.');
  if (error.code === 'registration_closed')
    return msg('Registration for this workshop is closed, so nobody can be moved in.');
  return apiErrorText(error);
}

if (!customElements.get('ws-admin-waitlist'))
  customElements.define('ws-admin-waitlist', AdminWaitlist);
