import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  ApiRequestError,
  defaultApiBase,
  fetchSeries,
  isRetryable,
  postRegistration,
  type Contact,
  type Locale,
  type Localized,
  type SeriesResponse,
  type Workshop,
} from './api.js';
import {
  FIELD_ORDER,
  emptyForm,
  errorMessage,
  isOrganizationType,
  registrationRequest,
  validate,
  type FieldErrors,
  type FieldName,
  type FormValues,
} from './form-model.js';
import { inheritedLang, toLocale, useLocale, watchInheritedLang } from './localization.js';
import { clearDraft, loadContact, loadDraft, saveContact, saveDraft } from './session-store.js';
import type { FormContext } from './views/context.js';
import { errorSummary } from './views/error-summary.js';
import { personFields } from './views/fields.js';
import { heading } from './views/heading.js';
import { localizedText } from './views/language.js';
import {
  loadFailed,
  notAvailable,
  nothingToChoose,
  submitProblem,
  type SubmitProblem,
} from './views/notices.js';
import { success, type Registered } from './views/success.js';
import { isSelectable, workshopChoice, workshopList } from './views/workshops.js';
import { styles } from './workshop-signup.styles.js';
import { TurnstileCheck } from './turnstile.js';

type SignupEventType =
  'workshop-signup-ready' | 'workshop-signup-registered' | 'workshop-signup-error';

/** Host-page events bubble out of the shadow root; their details never carry personal data. */
const signupEvent = (type: SignupEventType, detail: Record<string, unknown>) =>
  new CustomEvent(type, { detail, bubbles: true, composed: true });

type LoadState = 'loading' | 'ready' | 'not-found' | 'error';

/**
 * Screen readers notice a live region's text only when it changes after the region exists, so
 * every announcement empties the region first and fills it this much later.
 */
const ANNOUNCE_DELAY_MS = 150;

/**
 * Registration for a series of workshops: lists the upcoming ones and registers one person for one
 * or more of them. Slovak by default, English on request. Looks like ID-SK 3 unless told otherwise.
 *
 * @summary Workshop registration form for public-sector events.
 *
 * @attr series - Required. The slug of the workshop series to show.
 * @attr api - Base URL of the workshop-signup API. Default: the origin this script was loaded from.
 * @attr lang - `sk` or `en`. Default: the nearest ancestor's `lang`, else `sk`; follows changes of either.
 * @attr heading-level - Level (1–5) of the series heading; headings inside are one below. Default 2.
 * @attr theme - `idsk2` for the older ID-SK 2 look. Default: ID-SK 3.
 * @attr workshops - Show only these workshops: their ids, separated by spaces or commas. Default: all.
 * @attr organization-type - Preselect a type of organisation: `municipality`, `region`, `university`, `state`, `expert`, `business` or `other`.
 * @attr organizer-name - Who to contact when the API cannot be reached (the series names its organizer once loaded).
 * @attr organizer-email - E-mail address to contact when the API cannot be reached.
 *
 * @fires workshop-signup-ready - The workshops are loaded. `detail: {series, workshopIds}` (the workshops shown).
 * @fires workshop-signup-registered - A registration was accepted. `detail: {series, workshopIds}`; no personal data, no join link.
 * @fires workshop-signup-error - Loading or registering failed. `detail: {series, code}`.
 *
 * @csspart base - The widget's root box.
 * @csspart loading - The loading message.
 * @csspart title - The series heading.
 * @csspart notice - A message box: could not load, not available, nothing to choose, could not send.
 * @csspart workshop-list - The list of workshops.
 * @csspart workshop - One workshop in the list.
 * @csspart workshop-title - A workshop's heading.
 * @csspart form - The registration form.
 * @csspart error-summary - The list of errors shown after a failed submit.
 * @csspart error-summary-title - The heading of the error summary.
 * @csspart field - One question: its label, hint, error and control.
 * @csspart label - A field's label, or a group's legend.
 * @csspart hint - A field's hint.
 * @csspart error-message - A field's inline error.
 * @csspart input - A text input.
 * @csspart submit - The submit button.
 * @csspart button - The other buttons (try again, send again, register another person).
 * @csspart success - The confirmation shown after registering.
 * @csspart success-title - The confirmation's heading.
 *
 * @cssprop --workshop-signup-font-family - Font stack. Default: inherited from the page.
 * @cssprop --workshop-signup-font-size - Body text size. Default: `medium` (the reader's own setting, unaffected by a page's `html {font-size}`).
 * @cssprop --workshop-signup-line-height - Body line height. Default 1.5.
 * @cssprop --workshop-signup-max-width - Widest the widget gets. Default 40rem.
 * @cssprop --workshop-signup-color-text - Text. ID-SK 3 #000000, ID-SK 2 #0b0c0c.
 * @cssprop --workshop-signup-color-secondary - Hints and secondary text. #757575 / #626a6e.
 * @cssprop --workshop-signup-color-primary - Links and accents. #126dff / #0065b3.
 * @cssprop --workshop-signup-color-primary-dark - Hover ring, pressed button, secondary button text. #072c66 / #003078.
 * @cssprop --workshop-signup-color-primary-light - Secondary button background. #eff5fe / #f3f2f1.
 * @cssprop --workshop-signup-color-button - Primary button background. #126dff / #00703c.
 * @cssprop --workshop-signup-color-button-hover - Primary button background on hover. #126dff / #204e2e.
 * @cssprop --workshop-signup-color-button-text - Primary button text. #ffffff.
 * @cssprop --workshop-signup-color-disabled - Button background while sending. #9e9e9e.
 * @cssprop --workshop-signup-color-error - Error text and borders. #c3112b / #d0190f.
 * @cssprop --workshop-signup-color-success - Success border. #078814 / #00703c.
 * @cssprop --workshop-signup-color-success-light - Success background. #ebf5ec / #ffffff.
 * @cssprop --workshop-signup-color-info - Border of informational notices. #126dff / #1d70b8.
 * @cssprop --workshop-signup-color-focus - Focus ring (ID-SK 3) or focus background (ID-SK 2). #d96e00 / #ffdf0f.
 * @cssprop --workshop-signup-color-focus-text - Text on the ID-SK 2 focus background. #0b0c0c.
 * @cssprop --workshop-signup-color-border - Input borders. #424242 / #0b0c0c.
 * @cssprop --workshop-signup-color-divider - Workshop card borders. #b1b4b6.
 * @cssprop --workshop-signup-color-background - Background of inputs, cards and notices. #ffffff.
 * @cssprop --workshop-signup-radius - Corner radius of controls. 5px / 0.
 * @cssprop --workshop-signup-radius-large - Corner radius of cards and notices. 10px / 0.
 * @cssprop --workshop-signup-space - Spacing unit; every gap is a multiple of it (ID-SK's 5, 10, 15, 20, 30 px). Default 5px.
 * @cssprop --workshop-signup-input-height - Height of text inputs and buttons. 48px / 40px.
 */
@localized()
export class WorkshopSignup extends LitElement {
  static override styles = styles;

  @property({ reflect: true }) series = '';
  @property() api = '';
  @property() override lang = '';
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;
  @property({ reflect: true }) theme?: string;
  @property() workshops = '';
  @property({ attribute: 'organization-type' }) organizationType = '';
  @property({ attribute: 'organizer-name' }) organizerName = '';
  @property({ attribute: 'organizer-email' }) organizerEmail = '';

  @state() private loadState: LoadState = 'loading';
  @state() private data?: SeriesResponse;
  @state() private values: FormValues = emptyForm();
  @state() private errors: FieldErrors = {};
  /** Titles of the workshops a 409 named, captured before the list is refreshed. */
  @state() private unavailableTitles: Localized[] = [];
  @state() private submitting = false;
  @state() private problem?: SubmitProblem;
  @state() private registered?: Registered;
  /** The polite live region's text, as a function so that it follows a change of language. */
  @state() private status?: () => string;

  /** Whether the form holds this series' draft (or a fresh form) yet. */
  private formReady = false;
  private loadAbort?: AbortController;
  /** Cloudflare Turnstile, only for a series whose organizer turned it on. */
  private turnstile = new TurnstileCheck(this, () => this.requestUpdate());
  private announceTimer?: ReturnType<typeof setTimeout>;
  private stopWatchingLang?: () => void;

  private get locale(): Locale {
    return toLocale(this.lang || inheritedLang(this));
  }

  private get apiBase(): string {
    return this.api || defaultApiBase();
  }

  private get level(): number {
    const level = Math.trunc(this.headingLevel);
    return level >= 1 && level <= 5 ? level : 2;
  }

  /** The series' workshops, or only those the `workshops` attribute names. */
  private get shownWorkshops(): Workshop[] {
    const all = this.data?.workshops ?? [];
    const wanted = this.workshops.split(/[\s,]+/).filter(Boolean);
    return wanted.length > 0 ? all.filter((w) => wanted.includes(w.id)) : all;
  }

  /** Who to write to: the loaded series' organizer, else the attributes, else the last one seen. */
  private get contact(): Contact | undefined {
    if (this.data) return this.data.series.organizer;
    if (this.organizerEmail) return { name: this.organizerName, email: this.organizerEmail };
    return loadContact(this.apiBase, this.series);
  }

  // Render only once the page's widget language is active, so nobody sees a flash of English.
  protected override async scheduleUpdate(): Promise<void> {
    await useLocale(this.locale);
    super.scheduleUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopWatchingLang = watchInheritedLang(this, () => this.requestUpdate());
    // Moved in the page while loading: the move aborted that load, so start it again.
    if (this.hasUpdated && this.loadState === 'loading') void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatchingLang?.();
    this.turnstile.remove();
    this.loadAbort?.abort();
    clearTimeout(this.announceTimer);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!this.hasUpdated || changed.has('series') || changed.has('api')) {
      this.formReady = false;
      this.registered = undefined;
      this.errors = {};
      this.problem = undefined;
      void this.load();
    }
    // A choice the host has since hidden must not be sent unseen.
    if (changed.has('workshops') && this.formReady) {
      const shown = new Set(this.shownWorkshops.map((w) => w.id));
      this.values = {
        ...this.values,
        workshopIds: this.values.workshopIds.filter((id) => shown.has(id)),
      };
    }
  }

  protected override updated(): void {
    // The check belongs to the form: shown with it, gone with it.
    const siteKey = this.data?.series.turnstileSiteKey;
    if (siteKey && this.loadState === 'ready' && !this.registered) {
      void this.turnstile.show(siteKey, this.locale);
    } else this.turnstile.remove();
  }

  // ---- Loading ---------------------------------------------------------------------------------

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
      this.data = undefined;
      this.announce(() => msg('Loading workshops…'));
    }
    try {
      const data = await fetchSeries(this.apiBase, this.series, abort.signal);
      if (abort.signal.aborted) return;
      this.data = data;
      saveContact(this.apiBase, this.series, data.series.organizer);
      if (!this.formReady) this.startForm();
      this.loadState = 'ready';
      if (quiet) return;
      const shown = this.shownWorkshops;
      const open = shown.filter(isSelectable).length;
      this.announce(() => this.workshopCountText(shown.length, open));
      this.emit('workshop-signup-ready', { workshopIds: shown.map((w) => w.id) });
    } catch (error) {
      if (abort.signal.aborted || quiet) return;
      const notFound = error instanceof ApiRequestError && error.status === 404;
      if (notFound)
        console.error(`<workshop-signup>: no series "${this.series}" at ${this.apiBase}.`);
      this.loadState = notFound ? 'not-found' : 'error';
      this.announce(() =>
        notFound
          ? msg('Registration is not available at the moment.')
          : msg('The workshops could not be loaded.'),
      );
      this.emit('workshop-signup-error', { code: notFound ? 'series_not_found' : 'load_failed' });
    }
  }

  /** "Try again": the button goes away while loading, so focus moves on to what replaced it. */
  private loadAgain = async (): Promise<void> => {
    await this.load();
    await this.focusAfterRender(this.loadState === 'ready' ? '.title' : '.load-failed button');
  };

  private workshopCountText(total: number, open: number): string {
    if (total === 0) return msg('No workshops are planned at the moment.');
    return msg(str`Workshops loaded. Open for registration: ${open} of ${total}.`);
  }

  /** Puts `message` into the live region after emptying it (see ANNOUNCE_DELAY_MS). */
  private announce(message?: () => string): void {
    clearTimeout(this.announceTimer);
    this.status = undefined;
    if (message) this.announceTimer = setTimeout(() => (this.status = message), ANNOUNCE_DELAY_MS);
  }

  private emit(type: SignupEventType, detail: Record<string, unknown>): void {
    this.dispatchEvent(signupEvent(type, { series: this.series, ...detail }));
  }

  // ---- Form state ------------------------------------------------------------------------------

  /** A form with nothing typed; the host may have preselected the type of organisation. */
  private blankForm(): FormValues {
    const preset = this.organizationType;
    return { ...emptyForm(), organizationType: isOrganizationType(preset) ? preset : '' };
  }

  /** The draft this tab kept (nothing lost on a reload), else a blank form. */
  private startForm(): void {
    const draft = loadDraft(this.apiBase, this.series);
    const selectable = new Set(this.shownWorkshops.filter(isSelectable).map((w) => w.id));
    const blank = this.blankForm();
    this.values = draft
      ? {
          ...draft,
          organizationType: draft.organizationType || blank.organizationType,
          workshopIds: draft.workshopIds.filter((id) => selectable.has(id)),
        }
      : blank;
    this.formReady = true;
  }

  private setValue<K extends FieldName>(field: K, value: FormValues[K]): void {
    this.values = { ...this.values, [field]: value };
    saveDraft(this.apiBase, this.series, this.values);
  }

  private toggleWorkshop(id: string, checked: boolean): void {
    const others = this.values.workshopIds.filter((w) => w !== id);
    this.setValue('workshopIds', checked ? [...others, id] : others);
  }

  private errorText(field: FieldName): string {
    // Localized at render time, so titles follow a change of language.
    const titles = this.unavailableTitles.map((t) => t[this.locale] || t.sk);
    return errorMessage(field, this.errors[field]!, titles, this.locale);
  }

  // ---- Sending ---------------------------------------------------------------------------------

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.send();
  }

  /** "Send again" in the failure notice: the notice goes away, so focus moves to the button. */
  private retrySend = (): void => {
    this.renderRoot.querySelector<HTMLElement>('[part="submit"]')?.focus();
    void this.send();
  };

  private async send(): Promise<void> {
    // One registration at a time, however often the button is pressed.
    if (this.submitting || !this.data) return;
    this.problem = undefined;
    const errors = validate(this.values);
    if (Object.keys(errors).length > 0) return this.showErrors(errors);
    const turnstileToken = this.turnstile.token;
    if (this.data.series.turnstileSiteKey && !turnstileToken) return this.showProblem('turnstile');

    // Old messages go as soon as a valid form is on its way.
    this.errors = {};
    this.unavailableTitles = [];
    this.submitting = true;
    this.announce(() => msg('Sending your registration…'));
    const values = this.values;
    try {
      await postRegistration(this.apiBase, this.series, {
        ...registrationRequest(values, this.locale),
        ...(turnstileToken && { turnstileToken }),
      });
      clearDraft(this.apiBase, this.series);
      this.registered = {
        workshops: this.shownWorkshops.filter((w) => values.workshopIds.includes(w.id)),
        email: values.email.trim(),
      };
      this.announce();
      this.emit('workshop-signup-registered', { workshopIds: values.workshopIds });
      await this.focusAfterRender('.success-title');
      void this.load({ quiet: true });
    } catch (error) {
      // A token is good for one try: the next one needs a fresh check.
      if (turnstileToken) this.turnstile.reset();
      await this.onSendError(error);
    } finally {
      this.submitting = false;
    }
  }

  private async onSendError(error: unknown): Promise<void> {
    this.announce();
    const code = error instanceof ApiRequestError ? error.code : 'network';
    this.emit('workshop-signup-error', { code });
    // Everything typed stays in the form whatever happened.
    if (isRetryable(error)) return this.showProblem('retry');
    if (code === 'too_many_pending' || code === 'turnstile_failed') {
      return this.showProblem(code === 'too_many_pending' ? 'too_many_pending' : 'turnstile');
    }
    const refusal = error as ApiRequestError;
    if (code === 'workshop_full' || code === 'registration_closed') {
      const named = new Set(refusal.workshopIds);
      this.unavailableTitles = (this.data?.workshops ?? [])
        .filter((w) => named.has(w.id))
        .map((w) => w.title);
      this.setValue(
        'workshopIds',
        this.values.workshopIds.filter((id) => !named.has(id)),
      );
      await this.load({ quiet: true });
      return this.showErrors({ workshopIds: code });
    }
    if (code === 'series_not_found') {
      this.data = undefined;
      this.loadState = 'not-found';
      return;
    }
    const fields: FieldErrors = {};
    for (const field of FIELD_ORDER) {
      if (refusal.fields[field]) fields[field] = refusal.fields[field];
    }
    if (Object.keys(fields).length === 0) return this.showProblem('rejected');
    return this.showErrors(fields);
  }

  private showProblem(problem: SubmitProblem): Promise<void> {
    this.problem = problem;
    return this.focusAfterRender('.submit-failed');
  }

  private showErrors(errors: FieldErrors): Promise<void> {
    this.errors = errors;
    return this.focusAfterRender('.error-summary');
  }

  private async focusAfterRender(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Error-summary links cannot use #ids across the shadow boundary; focus the control directly. */
  private focusField(field: FieldName): void {
    this.renderRoot.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
  }

  private registerAnother(): void {
    clearDraft(this.apiBase, this.series);
    this.values = this.blankForm();
    this.errors = {};
    this.problem = undefined;
    this.registered = undefined;
    void this.focusAfterRender('input');
  }

  // ---- Rendering -------------------------------------------------------------------------------

  override render() {
    return html`<div class="root" part="base" lang=${this.locale}>
      <div class="visually-hidden" role="status" aria-live="polite">${this.status?.() ?? ''}</div>
      ${this.renderContent()}
    </div>`;
  }

  private renderContent() {
    switch (this.loadState) {
      case 'loading':
        return html`<p class="loading" part="loading">
          <span class="spinner" aria-hidden="true"></span>${msg('Loading workshops…')}
        </p>`;
      case 'not-found':
        return notAvailable(this.contact, this.locale);
      case 'error':
        return loadFailed(this.contact, this.locale, this.loadAgain);
      case 'ready':
        return this.renderSeries(this.data!);
    }
  }

  private get formContext(): FormContext {
    return {
      locale: this.locale,
      level: this.level,
      values: this.values,
      errors: this.errors,
      errorText: (field) => this.errorText(field),
      setValue: (field, value) => this.setValue(field, value),
      toggleWorkshop: (id, checked) => this.toggleWorkshop(id, checked),
      focusField: (field) => this.focusField(field),
    };
  }

  private renderSeries({ series }: SeriesResponse) {
    const { locale, level } = this;
    const workshops = this.shownWorkshops;
    let body;
    if (this.registered) {
      body = success(this.registered, locale, level, () => this.registerAnother());
    } else if (workshops.length === 0) {
      body = html`<p>${msg('No workshops are planned at the moment.')}</p>`;
    } else if (!workshops.some(isSelectable)) {
      body = html`${nothingToChoose(series.organizer, locale)}
      ${workshopList({ locale, level }, workshops)}`;
    } else {
      body = this.renderForm(series.privacyUrl, workshops);
    }
    const title = localizedText(series.title, locale);
    return html`${heading(level, title, 'title', { focusable: true })} ${body}`;
  }

  private renderForm(privacyUrl: string, workshops: Workshop[]) {
    const form = this.formContext;
    return html`<form class="form" part="form" novalidate @submit=${this.onSubmit}>
      ${errorSummary(form)}
      ${this.problem ? submitProblem(this.problem, this.contact, this.locale, this.retrySend) : nothing}
      <p class="hint">${msg('Fields marked with an asterisk (*) are required.')}</p>
      ${workshopChoice(form, workshops)} ${personFields(form)}
      ${
        this.data?.series.turnstileSiteKey
          ? html`<div class="field"><slot name="turnstile"></slot></div>`
          : nothing
      }
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
