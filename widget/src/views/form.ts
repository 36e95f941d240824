import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { Contact, Workshop } from '../api.js';
import type { FormContext } from './context.js';
import { errorSummary } from './error-summary.js';
import { personFields } from './fields.js';
import { submitProblem, type SubmitProblem } from './notices.js';
import { workshopChoice } from './workshops.js';

export interface RegistrationForm {
  form: FormContext;
  workshops: Workshop[];
  privacyUrl: string;
  /** Whether the series asks for Cloudflare Turnstile: its check is slotted in above the button. */
  turnstile: boolean;
  /** Why the last send failed, if it did for a reason no field explains. */
  problem?: SubmitProblem;
  contact?: Contact;
  submitting: boolean;
  onSubmit(event: SubmitEvent): void;
  retrySend(): void;
  /** Whether the person's fields and the button are there yet: they follow the list's frame. */
  person: boolean;
}

/** The form: errors first, then the workshops, the person, the button and the privacy notice. */
export function registrationForm(f: RegistrationForm) {
  const { form } = f;
  return html`<form class="form" part="form" novalidate @submit=${f.onSubmit}>
    ${errorSummary(form)}
    ${f.problem ? submitProblem(f.problem, f.contact, form.locale, f.retrySend) : nothing}
    ${workshopChoice(form, f.workshops)} ${f.person ? person(f) : nothing}
  </form>`;
}

/** Below the workshops: the person, the check if any, the button and the privacy notice. */
function person(f: RegistrationForm) {
  return html`${personFields(f.form)}
    ${f.turnstile ? html`<div class="field"><slot name="turnstile"></slot></div>` : nothing}
    <div class="actions">
      <button class="button" part="submit" type="submit" aria-disabled=${f.submitting}>
        ${f.submitting ? msg('Sending…', { id: 'sending' }) : msg('Send registration', { id: 'send-registration' })}
      </button>
      <p class="privacy">
        <a href=${f.privacyUrl} target="_blank" rel="noopener"
          >${msg('How we process your personal data', { id: 'how-we' })}<span
            class="visually-hidden"
          >
            ${msg('(opens in a new window)', { id: 'opens-in' })}</span
          ></a
        >
      </p>
    </div>`;
}
