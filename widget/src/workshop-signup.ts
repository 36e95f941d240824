// First: it starts the page's list requests before the rest of this script is evaluated.
import './early-load.js';
import { LitElement, html } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import type { Contact, SeriesResponse } from './api.js';
import { Announcer } from './controllers/announcer.js';
import { FormDraft } from './controllers/form-draft.js';
import { apiBase, focusAfterRender } from './controllers/host.js';
import { LanguageController } from './controllers/language.js';
import { RegistrationSender } from './controllers/registration-sender.js';
import { SeriesLoader } from './controllers/series-loader.js';
import { isSelectable, type FieldName } from './form-model.js';
import { loadContact } from './session-store.js';
import type { FormContext } from './views/context.js';
import { registrationForm } from './views/form.js';
import { frame, seriesView } from './views/frame.js';
import { localizedText } from './views/language.js';
import { loadFailed, notAvailable, nothingToChoose } from './views/notices.js';
import { success } from './views/success.js';
import { warmUp } from './views/warm-up.js';
import { workshopList } from './views/workshops.js';
import { styles } from './workshop-signup.styles.js';
import { TurnstileCheck } from './turnstile.js';

/**
 * The element's `renderRoot` until its first render: Lit attaches the shadow root (and adopts the
 * eight style sheets) when the element connects, unless `renderRoot` is set already, and that
 * makes the page restyle and repaint in the frame that ends the widget's script, the frame a list
 * answered meanwhile waits behind. Attached at the first render instead, navigation → list was
 * 15–25 ms shorter (bench:widget, two rounds of 15 runs each way, plain and preloaded).
 */
const NOT_ATTACHED = document.createDocumentFragment();

/**
 * Registration for a series of workshops: lists the upcoming ones and registers one person for one
 * or more of them. Slovak by default, English on request. Looks like the host page's ID-SK version.
 *
 * @summary Workshop registration form for public-sector events.
 *
 * @attr series - Required. The slug of the workshop series to show.
 * @attr api - Base URL of the workshop-signup API. Default: the origin this script was loaded from.
 * @attr lang - `sk` or `en`. Default: the nearest ancestor's `lang`, else `sk`; follows changes of either.
 * @attr heading-level - Level (1–5) of the series heading; headings inside are one below. Default 2.
 * @attr theme - `idsk2` or `idsk3`: the ID-SK version to look like. Default: the host page's (ID-SK 3 on a page built with ID-SK 3 / GOV.UK Frontend 5, else ID-SK 2).
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
 * @cssprop --workshop-signup-font-family - Font stack. Default: ID-SK's, "Source Sans Pro", Arial, sans-serif (ID-SK sets its font on its own classes, so a page's body has none to inherit).
 * @cssprop --workshop-signup-font-size - Body text size. Default: ID-SK's, 16px below 641 px of viewport, 19px from there.
 * @cssprop --workshop-signup-line-height - Body line height. Default: ID-SK's (ID-SK 2: 20/16 and 25/19; ID-SK 3: 24/16 and 28/19).
 * @cssprop --workshop-signup-max-width - Widest the widget gets. Default 640px (not rem: a page's root font size must not change it).
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
export class WorkshopSignup extends LitElement {
  static override styles = styles;

  // Declared here rather than with decorators: the decorator helper and its calls cost the bundle
  // about 100 bytes gzipped, which the 20 KiB budget does not have.
  static override properties = {
    series: { reflect: true },
    api: {},
    lang: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    theme: { reflect: true },
    workshops: {},
    organizationType: { attribute: 'organization-type' },
    organizerName: { attribute: 'organizer-name' },
    organizerEmail: { attribute: 'organizer-email' },
  };

  series = '';
  api = '';
  override lang = '';
  headingLevel = 2;
  theme?: string;
  workshops = '';
  organizationType = '';
  organizerName = '';
  organizerEmail = '';

  // The element's work, one part each (controllers/): they read the properties above and ask the
  // element to render when their state changes; the element only ties them together and renders.
  private readonly language = new LanguageController(this);
  private readonly announcer = new Announcer(this);
  private readonly draft = new FormDraft(this);
  private readonly loader = new SeriesLoader(this, this.announcer, () => this.startForm());
  /** Cloudflare Turnstile, only for a series whose organizer turned it on. */
  private readonly turnstile = new TurnstileCheck(this, () => this.requestUpdate());
  private readonly sender = new RegistrationSender(this, {
    announcer: this.announcer,
    language: this.language,
    loader: this.loader,
    draft: this.draft,
    turnstile: this.turnstile,
  });

  constructor() {
    super();
    // What @localized() does: render again when the language's translations are in.
    updateWhenLocaleChanges(this);
  }

  private get locale() {
    return this.language.locale;
  }

  private get level(): number {
    const level = Math.trunc(this.headingLevel);
    return level >= 1 && level <= 5 ? level : 2;
  }

  /** Who to write to: the loaded series' organizer, else the attributes, else the last one seen. */
  private get contact(): Contact | undefined {
    if (this.loader.data) return this.loader.data.series.organizer;
    if (this.organizerEmail) return { name: this.organizerName, email: this.organizerEmail };
    return loadContact(apiBase(this), this.series);
  }

  // Render only once the page's widget language is active, so nobody sees a flash of English.
  protected override async scheduleUpdate(): Promise<void> {
    // The first render waits up to 50 ms for a list already on its way, preloaded or asked for as
    // the script started: then the list is the first thing painted, and no frame of "Loading…"
    // (its style, layout and paint) stands between the data and the list. A frame is too short:
    // one is due as the element connects, before the answer is read. The live region is still in
    // the page 100 ms before it says "Loading…" (announcer.ts), as screen readers need.
    if (!this.hasUpdated) {
      await Promise.race([this.loader.pending, new Promise((r) => setTimeout(r, 50))]);
    }
    await this.language.settle();
    super.scheduleUpdate();
  }

  override connectedCallback(): void {
    // No shadow root yet: it is attached at the first render (NOT_ATTACHED, update()).
    (this as { renderRoot: unknown }).renderRoot ??= NOT_ATTACHED;
    super.connectedCallback();
    // The request starts now, not after the first render waited for the language to be set.
    if (!this.hasUpdated && this.series) this.loader.ensureLoading();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.turnstile.remove();
  }

  protected override update(changed: Map<PropertyKey, unknown>): void {
    if (this.renderRoot === NOT_ATTACHED) {
      (this as { renderRoot: unknown }).renderRoot = this.createRenderRoot();
    }
    super.update(changed);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!this.hasUpdated || changed.has('series') || changed.has('api')) {
      this.draft.ready = false;
      this.sender.reset();
      // Moved or re-attached after a change, or the first update: load unless already loading.
      if (this.hasUpdated) void this.loader.load();
      else this.loader.ensureLoading();
    }
    if (changed.has('workshops') && this.draft.ready) {
      this.draft.keepOnly(new Set(this.loader.shown.map((w) => w.id)));
    }
  }

  protected override updated(): void {
    // The check belongs to the form: shown with it, gone with it.
    const siteKey = this.loader.data?.series.turnstileSiteKey;
    if (siteKey && this.loader.state === 'ready' && !this.sender.registered) {
      void this.turnstile.show(siteKey, this.locale);
    } else this.turnstile.remove();
  }

  /** Once the series is first loaded: the tab's draft, minus workshops no longer open. */
  private startForm(): void {
    if (this.draft.ready) return;
    this.draft.start(new Set(this.loader.shown.filter(isSelectable).map((w) => w.id)));
  }

  /** Error-summary links cannot use #ids across the shadow boundary; focus the control directly. */
  private focusField(field: FieldName): void {
    this.renderRoot.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
  }

  private registerAnother(): void {
    this.draft.reset();
    this.sender.reset();
    void focusAfterRender(this, 'input');
  }

  /**
   * The look in force: the one `theme` names, else the host page's. ID-SK 3 pages (GOV.UK Frontend
   * 5) mark their body `govuk-frontend-supported`; every other page gets ID-SK 2, which most
   * town-hall sites run.
   */
  private get look(): string {
    const { theme } = this;
    if (theme === 'idsk2' || theme === 'idsk3') return theme;
    return document.body?.classList.contains('govuk-frontend-supported') ? 'idsk3' : 'idsk2';
  }

  override render() {
    return frame(this.look, this.locale, this.announcer.text, this.renderContent());
  }

  private renderContent() {
    switch (this.loader.state) {
      case 'loading':
        // The live region says it (once); this is for the eye only.
        return html`<p class="loading" part="loading" aria-hidden="true">
          <span class="spinner" aria-hidden="true"></span
          >${msg('Loading workshops…', { id: 'loading-workshops' })}
        </p>`;
      case 'not-found':
        return notAvailable(this.contact, this.locale);
      case 'error':
        return loadFailed(this.contact, this.locale, this.loader.retry);
      case 'ready':
        return this.renderSeries(this.loader.data!);
    }
  }

  private renderSeries({ series }: SeriesResponse) {
    const { locale, level, sender } = this;
    const workshops = this.loader.shown;
    let body;
    if (sender.registered) {
      body = success(sender.registered, series.joinLinkLead, locale, level, () =>
        this.registerAnother(),
      );
    } else if (workshops.length === 0) {
      body = html`<p>${msg('No workshops are planned at the moment.', { id: 'no-workshops' })}</p>`;
    } else if (!workshops.some(isSelectable)) {
      body = html`${nothingToChoose(series.organizer, locale)}
      ${workshopList({ locale, level }, workshops)}`;
    } else {
      body = registrationForm({
        form: this.formContext,
        workshops,
        privacyUrl: series.privacyUrl,
        turnstile: Boolean(series.turnstileSiteKey),
        problem: sender.problem,
        contact: this.contact,
        submitting: sender.submitting,
        onSubmit: (event) => {
          event.preventDefault();
          void sender.send();
        },
        retrySend: sender.retry,
        person: this.draft.ready,
      });
    }
    return seriesView(level, localizedText(series.title, locale), body);
  }

  private get formContext(): FormContext {
    const { draft, sender } = this;
    return {
      locale: this.locale,
      level: this.level,
      values: draft.values,
      errors: sender.errors,
      errorText: (field) => sender.errorText(field),
      setValue: (field, value) => draft.set(field, value),
      toggleWorkshop: (id, checked) => draft.toggleWorkshop(id, checked),
      focusField: (field) => this.focusField(field),
    };
  }
}

// A second copy of the script (another version, another URL) must not break the page.
if (!customElements.get('workshop-signup')) {
  // Before the elements connect: their lists are on their way (early-load.ts), and nothing of
  // this waits for them. Only a head start: should it ever fail, the element is defined anyway.
  try {
    warmUp();
  } catch {
    // The first render prepares what the warm-up did not.
  }
  customElements.define('workshop-signup', WorkshopSignup);
}

declare global {
  interface HTMLElementTagNameMap {
    'workshop-signup': WorkshopSignup;
  }
}
