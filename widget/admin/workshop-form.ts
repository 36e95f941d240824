import { html, nothing } from 'lit';
import { localized, msg } from '@lit/localize';
import { property, state } from 'lit/decorators.js';
import type { AdminSeriesResponse } from '../../worker/contract/index.js';
import { AdminFormScreen } from './form-screen.js';
import { href, navigate } from './routes.js';
import {
  emptyWorkshop,
  workshopFieldCodeText,
  workshopFieldId,
  workshopRequest,
  workshopValues,
  type WorkshopValues,
} from './workshop-form-model.js';
import {
  emptyExtras,
  extrasFieldId,
  extrasRequest,
  extrasValues,
  type ExtrasValues,
} from './workshop-extras-model.js';
import { extrasFields } from './views/workshop-extras.js';

/** Add a workshop to a series, or edit one. Times are Bratislava wall-clock time. */
@localized()
export class AdminWorkshopForm extends AdminFormScreen<WorkshopValues> {
  @property() slug = '';
  /** The workshop to edit; empty: a new one. */
  @property() workshopId = '';

  protected override values = emptyWorkshop();
  /** The waiting list and follow-up (issue 12). */
  @state() private extras: ExtrasValues = emptyExtras();
  private original: WorkshopValues | null = null;
  private originalExtras: ExtrasValues | null = null;
  /** The version the form was filled from: the edit is saved only onto that one (If-Match). */
  private version = '';

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.workshopId) {
      this.loaded = true;
      return;
    }
    void this.load(() => this.loadCurrent());
  }

  protected override async loadCurrent() {
    const data = await this.api.get<AdminSeriesResponse>(`/series/${this.slug}`);
    const workshop = data.workshops.find((w) => w.id === this.workshopId);
    if (!workshop) {
      this.failure = msg('This workshop does not exist.');
      return;
    }
    this.values = workshopValues(workshop);
    this.original = { ...this.values };
    this.extras = extrasValues(workshop);
    this.originalExtras = extrasValues(workshop);
    this.version = workshop.version;
    this.loaded = true;
  }

  protected override conflictText() {
    return msg(
      'Someone else saved changes to this workshop after you opened it, so your changes were not saved',
    );
  }

  private async submit(event: Event) {
    event.preventDefault();
    const main = workshopRequest(this.values, this.original);
    const extras = extrasRequest(this.extras, this.originalExtras);
    await this.save(
      [...main.errors, ...extras.errors],
      () => {
        const body = { ...main.body, ...extras.body };
        return this.workshopId
          ? this.api.call('PATCH', `/workshops/${this.workshopId}`, body, {
              'if-match': this.version,
            })
          : this.api.call('POST', `/series/${this.slug}/workshops`, body);
      },
      (path, code) => ({
        id: extrasFieldId(path) ?? workshopFieldId(path),
        text: workshopFieldCodeText(code),
      }),
      () => navigate(href.series(this.slug)),
    );
  }

  override render() {
    const title = this.workshopId ? msg('Edit the workshop') : msg('Add a workshop');
    if (!this.loaded) return this.formHead(title);
    return html`${this.formHead(title)}
      ${
        this.workshopId
          ? html`<div class="notice">
              <p>
                ${msg(
                  'If you change the time, everyone registered is told by email and join-link emails are planned again.',
                )}
              </p>
            </div>`
          : nothing
      }
      <form novalidate @submit=${this.submit}>
        ${this.titleFields()}
        <fieldset>
          <legend>${msg('When (Bratislava time)')}</legend>
          ${this.input('start-date', 'startDate', msg('Date'), { type: 'date', narrow: true })}
          ${this.input('start-time', 'startTime', msg('Starts at'), { type: 'time', narrow: true })}
          ${this.input('end-time', 'endTime', msg('Ends at'), { type: 'time', narrow: true })}
          ${this.input('end-date', 'endDate', msg('End date, if another day (optional)'), {
            type: 'date',
            narrow: true,
          })}
        </fieldset>
        <fieldset>
          <legend>${msg('Seats and joining')}</legend>
          ${this.input('capacity', 'capacity', msg('Number of seats'), {
            type: 'number',
            narrow: true,
          })}
          ${this.input('join-url', 'joinUrl', msg('Join link'), {
            type: 'url',
            hint: msg(
              'The online meeting’s address (https://…). It is never shown on a page: each confirmed person gets it by email before the start, at the series’ reminder time (24 hours by default).',
            ),
          })}
          ${this.input('closes-date', 'closesDate', msg('Registration closes on (optional)'), {
            type: 'date',
            narrow: true,
            hint: msg('Left empty, registration closes when the workshop starts.'),
          })}
          ${this.input('closes-time', 'closesTime', msg('Registration closes at (optional)'), {
            type: 'time',
            narrow: true,
          })}
        </fieldset>
        ${extrasFields({
          values: this.extras,
          errorFor: (id) => this.errorFor(id),
          set: (patch) => (this.extras = { ...this.extras, ...patch }),
          linkAdded: (i) =>
            void this.updateComplete.then(() =>
              this.renderRoot.querySelector<HTMLElement>(`#link-label-sk-${i}`)?.focus(),
            ),
        })}
        <button type="submit" ?disabled=${this.busy}>
          ${this.workshopId ? msg('Save changes') : msg('Add the workshop')}
        </button>
        <a href=${href.series(this.slug)}>${msg('Go back without saving')}</a>
      </form>`;
  }
}

if (!customElements.get('ws-admin-workshop-form'))
  customElements.define('ws-admin-workshop-form', AdminWorkshopForm);
