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
import { ConfirmStep } from './confirm-step.js';
import { registrationsStyles } from './registrations.styles.js';
import { href } from './routes.js';
import { formatTimeRange } from './time.js';
import { localizedString, localizedText } from './views/localized-text.js';
import { failureText, peopleCount } from './views/texts.js';
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
  private step = new ConfirmStep<WaitlistAction>(this, {
    describe: (action) => ({
      ...describeWaitlistAction(action),
      warning: action.kind === 'remove',
    }),
    perform: (action) => performWaitlistAction(this.api, this.workshopId, action),
    errorText: waitlistErrorText,
    refresh: () => this.loadLine(),
  });

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
      ${this.step.render()}
      ${
        this.rows === null
          ? nothing
          : html`<p>${msg(str`In line now: ${peopleCount(waiting!.length, this.locale)}`)}</p>
              ${
                this.rows.length
                  ? waitlistTable(this.rows, this.locale, (a) => void this.step.ask(a))
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

function waitlistErrorText(error: unknown): string {
  if (!(error instanceof AdminApiError)) return failureText(error);
  if (error.code === 'not_waiting')
    return msg('This person is no longer waiting in this line; the list is shown as it is now.');
  if (error.code === 'already_seated')
    return msg(
      'This person already holds a seat in this workshop through another registration, confirmed or still within its time to confirm, so they cannot be moved in. If that registration is not confirmed in time, you can move them in then.',
    );
  if (error.code === 'registration_closed')
    return msg('Registration for this workshop is closed, so nobody can be moved in.');
  return failureText(error);
}

if (!customElements.get('ws-admin-waitlist'))
  customElements.define('ws-admin-waitlist', AdminWaitlist);
