import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  ApiRequestError,
  defaultApiBase,
  fetchSeries,
  postRegistration,
  type Locale,
  type Localized,
  type SeriesResponse,
  type Workshop,
} from './api.js';
import { formatSeatsLeft, formatWhen } from './format.js';
import {
  FIELD_ORDER,
  MAX_LENGTH,
  ORGANIZATION_TYPES,
  emptyForm,
  errorMessage,
  fieldLabel,
  organizationRequired,
  organizationTypeLabel,
  validate,
  type FieldErrors,
  type FieldName,
  type FormValues,
} from './form-model.js';
import { toLocale, useLocale } from './localization.js';
import { styles } from './workshop-signup.styles.js';

type SignupEventType =
  'workshop-signup-ready' | 'workshop-signup-registered' | 'workshop-signup-error';

/** Host-page events bubble out of the shadow root; their details never carry personal data. */
const signupEvent = (type: SignupEventType, detail: Record<string, unknown>) =>
  new CustomEvent(type, { detail, bubbles: true, composed: true });

type LoadState = 'loading' | 'ready' | 'not-found' | 'error';
type TextField = 'givenName' | 'familyName' | 'email' | 'organization' | 'role';

/**
 * Registration for a series of workshops: lists the upcoming ones and registers one person for one
 * or more of them. Slovak by default, English on request.
 *
 * @summary Workshop registration form for public-sector events.
 *
 * @attr series - Required. The slug of the workshop series to show.
 * @attr api - Base URL of the workshop-signup API. Default: the origin this script was loaded from.
 * @attr lang - `sk` or `en`. Default: the nearest ancestor's `lang`, else `sk`.
 * @attr heading-level - Level (1–5) of the series heading; workshop headings are one below. Default 2.
 *
 * @fires workshop-signup-ready - The workshops are loaded. `detail: {series, workshopIds}`.
 * @fires workshop-signup-registered - A registration was accepted. `detail: {series, workshopIds}`; no personal data.
 * @fires workshop-signup-error - Loading or registering failed. `detail: {series, code}`.
 *
 * @csspart base - The widget's root box.
 * @csspart title - The series heading.
 * @csspart workshop - One workshop in the list.
 * @csspart form - The registration form.
 * @csspart error-summary - The list of errors shown after a failed submit.
 * @csspart submit - The submit button.
 * @csspart success - The confirmation shown after registering.
 *
 * @cssprop --workshop-signup-font-family - Font stack. Default: inherited from the page.
 * @cssprop --workshop-signup-color-text - Text colour.
 * @cssprop --workshop-signup-color-secondary - Hints and secondary text.
 * @cssprop --workshop-signup-color-primary - Links and the primary button.
 * @cssprop --workshop-signup-color-primary-dark - Hover ring and pressed button.
 * @cssprop --workshop-signup-color-error - Error text and borders.
 * @cssprop --workshop-signup-color-success - Success border.
 * @cssprop --workshop-signup-color-focus - Focus ring.
 * @cssprop --workshop-signup-color-border - Input borders.
 * @cssprop --workshop-signup-radius - Corner radius of controls.
 */
@localized()
export class WorkshopSignup extends LitElement {
  static override styles = styles;

  @property({ reflect: true }) series = '';
  @property() api = '';
  @property() override lang = '';
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private loadState: LoadState = 'loading';
  @state() private data?: SeriesResponse;
  @state() private values: FormValues = emptyForm();
  @state() private errors: FieldErrors = {};
  /** Titles of the workshops a 409 named, captured before the list is refreshed. */
  @state() private unavailableTitles: Localized[] = [];
  @state() private submitting = false;
  @state() private submitFailed = false;
  @state() private registeredIds?: string[];
  /** Text of the polite live region, which exists from the first render. */
  @state() private status = '';

  private loadAbort?: AbortController;

  private get locale(): Locale {
    return toLocale(this.lang || this.parentElement?.closest('[lang]')?.getAttribute('lang'));
  }

  private get apiBase(): string {
    return this.api || defaultApiBase();
  }

  private get level(): number {
    const level = Math.trunc(this.headingLevel);
    return level >= 1 && level <= 5 ? level : 2;
  }

  // Render only once the page's widget language is active, so nobody sees a flash of English.
  protected override async scheduleUpdate(): Promise<void> {
    await useLocale(this.locale);
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if ((changed.has('series') || changed.has('api')) && this.isConnected) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
  }

  private async load({ quiet = false } = {}): Promise<void> {
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    if (!this.series) {
      console.error('<workshop-signup>: the "series" attribute is required.');
      this.loadState = 'not-found';
      return;
    }
    if (!quiet) {
      this.loadState = 'loading';
      this.status = msg('Loading workshops…');
    }
    try {
      const data = await fetchSeries(this.apiBase, this.series, abort.signal);
      if (abort.signal.aborted) return;
      this.data = data;
      this.loadState = 'ready';
      const open = data.workshops.filter((w) => w.registrationOpen && w.seatsLeft > 0).length;
      if (quiet) return;
      this.status = this.workshopCountText(data.workshops.length, open);
      this.emit('workshop-signup-ready', { workshopIds: data.workshops.map((w) => w.id) });
    } catch (error) {
      if (abort.signal.aborted) return;
      const notFound = error instanceof ApiRequestError && error.status === 404;
      if (notFound)
        console.error(`<workshop-signup>: no series "${this.series}" at ${this.apiBase}.`);
      this.loadState = notFound ? 'not-found' : 'error';
      this.status = '';
      this.emit('workshop-signup-error', { code: notFound ? 'series_not_found' : 'load_failed' });
    }
  }

  private workshopCountText(total: number, open: number): string {
    if (total === 0) return msg('No workshops are planned at the moment.');
    return msg(str`Workshops loaded. Open for registration: ${open} of ${total}.`);
  }

  private emit(type: SignupEventType, detail: Record<string, unknown>): void {
    this.dispatchEvent(signupEvent(type, { series: this.series, ...detail }));
  }

  // ---- Form state ------------------------------------------------------------------------------

  private setValue<K extends FieldName>(field: K, value: FormValues[K]): void {
    this.values = { ...this.values, [field]: value };
  }

  private toggleWorkshop(id: string, checked: boolean): void {
    const others = this.values.workshopIds.filter((w) => w !== id);
    this.setValue('workshopIds', checked ? [...others, id] : others);
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submitting || !this.data) return;
    this.submitFailed = false;
    const errors = validate(this.values);
    if (Object.keys(errors).length > 0) return this.showErrors(errors);

    this.submitting = true;
    this.status = msg('Sending your registration…');
    const { workshopIds } = this.values;
    try {
      await postRegistration(this.apiBase, this.series, {
        ...this.values,
        workshopIds,
        locale: this.locale,
      });
      this.errors = {};
      this.registeredIds = workshopIds;
      this.status = '';
      this.emit('workshop-signup-registered', { workshopIds });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.success-title')?.focus();
      void this.load({ quiet: true });
    } catch (error) {
      await this.onSubmitError(error);
    } finally {
      this.submitting = false;
    }
  }

  private async onSubmitError(error: unknown): Promise<void> {
    this.status = '';
    const code = error instanceof ApiRequestError ? error.code : 'network';
    this.emit('workshop-signup-error', { code });
    if (!(error instanceof ApiRequestError) || error.status >= 500) {
      // Keep everything typed; the person only needs to try again.
      this.submitFailed = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.submit-failed')?.focus();
      return;
    }
    if (error.code === 'workshop_full' || error.code === 'registration_closed') {
      const named = new Set(error.workshopIds);
      this.unavailableTitles = (this.data?.workshops ?? [])
        .filter((w) => named.has(w.id))
        .map((w) => w.title);
      this.setValue(
        'workshopIds',
        this.values.workshopIds.filter((id) => !named.has(id)),
      );
      await this.load({ quiet: true });
      return this.showErrors({ workshopIds: error.code });
    }
    if (error.code === 'series_not_found') {
      this.loadState = 'not-found';
      return;
    }
    const fields: FieldErrors = {};
    for (const field of FIELD_ORDER) {
      if (error.fields[field]) fields[field] = error.fields[field];
    }
    if (Object.keys(fields).length === 0) {
      this.submitFailed = true;
      return;
    }
    return this.showErrors(fields);
  }

  private async showErrors(errors: FieldErrors): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  /** Error-summary links cannot use #ids across the shadow boundary; focus the control directly. */
  private focusField(field: FieldName): void {
    this.renderRoot.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
  }

  private registerAnother(): void {
    this.values = emptyForm();
    this.errors = {};
    this.registeredIds = undefined;
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('input')?.focus());
  }

  // ---- Rendering -------------------------------------------------------------------------------

  override render() {
    return html`<div class="root" part="base" lang=${this.locale}>
      <div class="visually-hidden" role="status" aria-live="polite">${this.status}</div>
      ${this.renderContent()}
    </div>`;
  }

  private renderContent() {
    switch (this.loadState) {
      case 'loading':
        return html`<p class="loading">${msg('Loading workshops…')}</p>`;
      case 'not-found':
        return html`<div class="notice notice--error">
          <p>${msg('Registration is not available at the moment.')}</p>
        </div>`;
      case 'error':
        return html`<div class="notice notice--error">
          <p>
            ${msg('The workshops could not be loaded. Check your internet connection and try again.')}
          </p>
          <button class="button button--secondary" type="button" @click=${() => this.load()}>
            ${msg('Try again')}
          </button>
        </div>`;
      case 'ready':
        return this.renderSeries(this.data!);
    }
  }

  private heading(level: number, content: unknown, className: string, focusable = false) {
    return html`<div
      role="heading"
      aria-level=${Math.min(level, 6)}
      class=${className}
      part=${className === 'title' ? 'title' : nothing}
      tabindex=${focusable ? '-1' : nothing}
    >
      ${content}
    </div>`;
  }

  private renderSeries({ series, workshops }: SeriesResponse) {
    const body =
      workshops.length === 0
        ? html`<p>${msg('No workshops are planned at the moment.')}</p>`
        : this.registeredIds
          ? this.renderSuccess(workshops)
          : this.renderForm(series.privacyUrl, workshops);
    return html`${this.heading(this.level, series.title[this.locale], 'title')} ${body}`;
  }

  private renderSuccess(workshops: Workshop[]) {
    const chosen = workshops.filter((w) => this.registeredIds!.includes(w.id));
    return html`<div class="success" part="success">
      ${this.heading(this.level + 1, msg('Registration sent'), 'success-title', true)}
      <p>${msg('You are registered for:')}</p>
      <ul class="success-list">
        ${chosen.map(
          (w) =>
            html`<li>
              <strong>${w.title[this.locale]}</strong><br />${formatWhen(
                w.startsAt,
                w.endsAt,
                this.locale,
              )}
            </li>`,
        )}
      </ul>
      <p>
        ${msg('We will email you the link to join about 24 hours before each workshop starts.')}
      </p>
      <button class="button button--secondary" type="button" @click=${this.registerAnother}>
        ${msg('Register another person')}
      </button>
    </div>`;
  }

  private renderForm(privacyUrl: string, workshops: Workshop[]) {
    return html`<form class="form" part="form" novalidate @submit=${this.onSubmit}>
      ${this.renderErrorSummary()}
      ${
        this.submitFailed
          ? html`<div class="notice notice--error submit-failed" tabindex="-1">
              <p>
                ${msg(
                  'Your registration could not be sent. Nothing you entered is lost: check your internet connection and send it again.',
                )}
              </p>
            </div>`
          : nothing
      }
      <p class="hint">${msg('Fields marked with an asterisk (*) are required.')}</p>
      ${this.renderWorkshops(workshops)} ${this.renderTextField('givenName', 'given-name')}
      ${this.renderTextField('familyName', 'family-name')}
      ${this.renderTextField('email', 'email', {
        type: 'email',
        hint: msg('We will send the link to join the workshop to this address.'),
      })}
      ${this.renderOrganizationType()}
      ${this.renderTextField('organization', 'organization', {
        required: organizationRequired(this.values.organizationType),
        hint: msg('Not required for the expert public.'),
      })}
      ${this.renderTextField('role', 'organization-title', { required: false })}
      <div class="actions">
        <button class="button" part="submit" type="submit" aria-disabled=${this.submitting}>
          ${this.submitting ? msg('Sending…') : msg('Send registration')}
        </button>
        <p class="privacy">
          <a href=${privacyUrl} target="_blank" rel="noopener"
            >${msg('How we process your personal data')}<span class="visually-hidden">
              ${msg('(opens in a new window)')}</span
            ></a
          >
        </p>
      </div>
    </form>`;
  }

  private renderErrorSummary() {
    const fields = FIELD_ORDER.filter((f) => this.errors[f]);
    if (fields.length === 0) return nothing;
    return html`<div
      class="error-summary"
      part="error-summary"
      tabindex="-1"
      aria-labelledby="error-summary-title"
    >
      <div
        role="heading"
        aria-level=${this.level + 1}
        class="error-summary-title"
        id="error-summary-title"
      >
        ${msg('There is a problem')}
      </div>
      <ul class="error-summary-list">
        ${fields.map(
          (field) =>
            html`<li>
              <a
                href="#${field}"
                @click=${(event: Event) => {
                  event.preventDefault();
                  this.focusField(field);
                }}
                >${this.errorText(field)}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private errorText(field: FieldName): string {
    // Quoted at render time, so the titles and quotation marks follow a change of language.
    const [open, close] = this.locale === 'en' ? ['“', '”'] : ['„', '“'];
    const titles = this.unavailableTitles.map((t) => `${open}${t[this.locale]}${close}`);
    return errorMessage(field, this.errors[field]!, titles.join(', '));
  }

  /** The inline error with its hidden "Error:" prefix, or nothing. */
  private renderError(field: FieldName) {
    if (!this.errors[field]) return nothing;
    return html`<p class="error-message" id="${field}-error">
      <span class="visually-hidden">${msg('Error:')}</span> ${this.errorText(field)}
    </p>`;
  }

  private describedBy(field: FieldName, hint: boolean): string | typeof nothing {
    const ids = [hint ? `${field}-hint` : '', this.errors[field] ? `${field}-error` : ''];
    return ids.filter(Boolean).join(' ') || nothing;
  }

  private renderTextField(
    field: TextField,
    autocomplete: string,
    { type = 'text', required = true, hint = '' } = {},
  ) {
    const invalid = Boolean(this.errors[field]);
    return html`<div class="field ${invalid ? 'field--error' : ''}">
      <label class="label" for=${field}>
        ${fieldLabel(field)}${
          required
            ? html`<span class="required" aria-hidden="true"> *</span>`
            : html` ${msg('(optional)')}`
        }
      </label>
      ${hint ? html`<p class="hint" id="${field}-hint">${hint}</p>` : nothing}
      ${this.renderError(field)}
      <input
        class="input"
        id=${field}
        name=${field}
        type=${type}
        autocomplete=${autocomplete}
        maxlength=${MAX_LENGTH[field] + 50}
        spellcheck="false"
        ?required=${required}
        aria-invalid=${invalid ? 'true' : nothing}
        aria-describedby=${this.describedBy(field, Boolean(hint))}
        .value=${this.values[field]}
        @input=${(e: InputEvent) => this.setValue(field, (e.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  private renderOrganizationType() {
    const invalid = Boolean(this.errors.organizationType);
    return html`<div class="field ${invalid ? 'field--error' : ''}">
      <fieldset class="fieldset" aria-describedby=${this.describedBy('organizationType', false)}>
        <legend class="legend">
          ${fieldLabel('organizationType')}<span class="required" aria-hidden="true"> *</span>
        </legend>
        ${this.renderError('organizationType')}
        <div class="choices">
          ${ORGANIZATION_TYPES.map(
            (type) =>
              html`<div class="choice choice--radio">
                <input
                  class="choice-input"
                  type="radio"
                  id="organizationType-${type}"
                  name="organizationType"
                  value=${type}
                  required
                  .checked=${this.values.organizationType === type}
                  @change=${() => this.setValue('organizationType', type)}
                />
                <label class="choice-label" for="organizationType-${type}"
                  >${organizationTypeLabel(type)}</label
                >
              </div>`,
          )}
        </div>
      </fieldset>
    </div>`;
  }

  private renderWorkshops(workshops: Workshop[]) {
    const invalid = Boolean(this.errors.workshopIds);
    return html`<div class="field ${invalid ? 'field--error' : ''}">
      <fieldset class="fieldset" aria-describedby=${this.describedBy('workshopIds', true)}>
        <legend class="legend">
          ${msg('Workshops to register for')}<span class="required" aria-hidden="true"> *</span>
        </legend>
        <p class="hint" id="workshopIds-hint">${msg('You can choose more than one.')}</p>
        ${this.renderError('workshopIds')}
        <ul class="workshops">
          ${workshops.map((w) => this.renderWorkshop(w))}
        </ul>
      </fieldset>
    </div>`;
  }

  private renderWorkshop(w: Workshop): TemplateResult {
    const id = `workshop-${w.id}`;
    const description = w.description[this.locale];
    let availability: TemplateResult;
    if (!w.registrationOpen) {
      availability = html`<p class="tag tag--closed" id="${id}-seats">
        ${msg('Registration closed')}
      </p>`;
    } else if (w.seatsLeft === 0) {
      availability = html`<p class="tag tag--full" id="${id}-seats">${msg('Full')}</p>`;
    } else {
      availability = html`<p class="seats" id="${id}-seats">
          ${formatSeatsLeft(w.seatsLeft, this.locale)}
        </p>
        <div class="choice choice--checkbox">
          <input
            class="choice-input"
            type="checkbox"
            id=${id}
            name="workshopIds"
            value=${w.id}
            aria-labelledby="${id}-label ${id}-title"
            aria-describedby="${id}-when ${id}-seats"
            .checked=${this.values.workshopIds.includes(w.id)}
            @change=${(e: Event) =>
              this.toggleWorkshop(w.id, (e.target as HTMLInputElement).checked)}
          />
          <label class="choice-label" id="${id}-label" for=${id}>${msg('I want to attend')}</label>
        </div>`;
    }
    return html`<li class="workshop" part="workshop">
      <div role="heading" aria-level=${this.level + 1} class="workshop-title" id="${id}-title">
        ${w.title[this.locale]}
      </div>
      <p class="when" id="${id}-when">${formatWhen(w.startsAt, w.endsAt, this.locale)}</p>
      ${description ? html`<p class="description">${description}</p>` : nothing} ${availability}
    </li>`;
  }
}

// A second copy of the script (another version, another URL) must not break the page.
if (!customElements.get('workshop-signup')) {
  customElements.define('workshop-signup', WorkshopSignup);
}

declare global {
  interface HTMLElementTagNameMap {
    'workshop-signup': WorkshopSignup;
  }
}
