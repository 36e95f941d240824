import { msg } from '@lit/localize';
import { ApiRequestError, isRetryable, postRegistration, type Localized } from '../api.js';
import {
  FIELD_ORDER,
  errorMessage,
  registrationRequest,
  validate,
  type FieldErrors,
  type FieldName,
} from '../form-model.js';
import type { TurnstileCheck } from '../turnstile.js';
import type { SubmitProblem } from '../views/notices.js';
import type { Registered } from '../views/success.js';
import type { Announcer } from './announcer.js';
import type { FormDraft } from './form-draft.js';
import { apiBase, emit, focusAfterRender, type SignupHost } from './host.js';
import type { LanguageController } from './language.js';
import type { SeriesLoader } from './series-loader.js';

interface SenderState {
  submitting: boolean;
  /** Field → error code, from the checks on submit or from the API. */
  errors: FieldErrors;
  /** Why sending failed when no field explains it. */
  problem?: SubmitProblem;
  /** What was registered, once the API accepted it. */
  registered?: Registered;
  /** Titles of the workshops a 409 named, captured before the list is refreshed. */
  unavailableTitles: Localized[];
}

export interface SenderParts {
  announcer: Announcer;
  language: LanguageController;
  loader: SeriesLoader;
  draft: FormDraft;
  turnstile: TurnstileCheck;
}

/**
 * Sends the form: checks it first (GOV.UK/ID-SK: on submit only), sends one registration at a
 * time, and turns every answer into what the person sees next. Whatever happens, nothing typed is
 * lost: the form keeps its values until the registration is accepted.
 */
export class RegistrationSender implements SenderState {
  submitting = false;
  errors: FieldErrors = {};
  problem?: SubmitProblem;
  registered?: Registered;
  unavailableTitles: Localized[] = [];

  constructor(
    private readonly host: SignupHost,
    private readonly parts: SenderParts,
  ) {}

  async send(): Promise<void> {
    const { host, parts } = this;
    // One registration at a time, however often the button is pressed.
    if (this.submitting || !parts.loader.data) return;
    this.change({ problem: undefined });
    const errors = validate(parts.draft.values);
    if (Object.keys(errors).length > 0) return this.showErrors(errors);
    const turnstileToken = parts.turnstile.token;
    if (parts.loader.data.series.turnstileSiteKey && !turnstileToken) {
      return this.showProblem('turnstile');
    }

    // Old messages go as soon as a valid form is on its way.
    this.change({ errors: {}, unavailableTitles: [], submitting: true });
    parts.announcer.announce(() => msg('Sending your registration…'));
    const values = parts.draft.values;
    const chosen = parts.loader.shown.filter((w) => values.workshopIds.includes(w.id));
    // Chosen while shown full: the person asked for a place on its waiting list.
    const waitlistWorkshopIds = chosen.filter((w) => w.seatsLeft === 0).map((w) => w.id);
    try {
      const receipt = await postRegistration(apiBase(host), host.series, {
        ...registrationRequest(values, parts.language.locale),
        ...(waitlistWorkshopIds.length > 0 && { waitlistWorkshopIds }),
        ...(turnstileToken && { turnstileToken }),
      });
      parts.draft.forget();
      this.change({
        registered: { workshops: chosen, email: values.email.trim(), waitlist: receipt.waitlist },
      });
      parts.announcer.announce();
      emit(host, 'workshop-signup-registered', { workshopIds: values.workshopIds });
      await focusAfterRender(host, '.success-title');
      void parts.loader.load({ quiet: true });
    } catch (error) {
      // A token is good for one try: the next one needs a fresh check.
      if (turnstileToken) parts.turnstile.reset();
      await this.onError(error);
    } finally {
      this.change({ submitting: false });
    }
  }

  /** "Send again" in the failure notice: the notice goes away, so focus moves to the button. */
  retry = (): void => {
    this.host.renderRoot.querySelector<HTMLElement>('[part="submit"]')?.focus();
    void this.send();
  };

  /** Back to a form with no messages (another series, or another person). */
  reset(): void {
    this.change({ registered: undefined, errors: {}, problem: undefined });
  }

  /** What to say about a field's error, in the current language (titles follow it too). */
  errorText(field: FieldName): string {
    const { locale } = this.parts.language;
    const titles = this.unavailableTitles.map((t) => t[locale] || t.sk);
    return errorMessage(field, this.errors[field]!, titles, locale);
  }

  private async onError(error: unknown): Promise<void> {
    const { host, parts } = this;
    parts.announcer.announce();
    const code = error instanceof ApiRequestError ? error.code : 'network';
    emit(host, 'workshop-signup-error', { code });
    // Everything typed stays in the form whatever happened.
    if (isRetryable(error)) return this.showProblem('retry');
    if (code === 'too_many_pending' || code === 'turnstile_failed') {
      return this.showProblem(code === 'too_many_pending' ? 'too_many_pending' : 'turnstile');
    }
    const refusal = error as ApiRequestError;
    if (code === 'workshop_full' || code === 'registration_closed') {
      const named = new Set(refusal.workshopIds);
      const unavailable = (parts.loader.data?.workshops ?? []).filter((w) => named.has(w.id));
      this.change({ unavailableTitles: unavailable.map((w) => w.title) });
      parts.draft.set(
        'workshopIds',
        parts.draft.values.workshopIds.filter((id) => !named.has(id)),
      );
      await parts.loader.load({ quiet: true });
      return this.showErrors({ workshopIds: code });
    }
    if (code === 'series_not_found') return parts.loader.notFound();
    const fields: FieldErrors = {};
    for (const field of FIELD_ORDER) {
      if (refusal.fields[field]) fields[field] = refusal.fields[field];
    }
    if (Object.keys(fields).length === 0) return this.showProblem('rejected');
    return this.showErrors(fields);
  }

  private showProblem(problem: SubmitProblem): Promise<void> {
    this.change({ problem });
    return focusAfterRender(this.host, '.submit-failed');
  }

  private showErrors(errors: FieldErrors): Promise<void> {
    this.change({ errors });
    return focusAfterRender(this.host, '.error-summary');
  }

  /** Every change of state goes through here, so the host renders each one. */
  private change(patch: Partial<SenderState>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }
}
