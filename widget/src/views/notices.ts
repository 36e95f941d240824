import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { Contact, Locale } from '../api.js';
import { organizerName } from './language.js';

/** "… napíšte organizátorovi: Ministerstvo …, info@…" — or nothing when no contact is known. */
export function contactLine(intro: string, contact: Contact | undefined, locale: Locale) {
  if (!contact) return nothing;
  const name = contact.name ? html`${organizerName(contact.name, locale)}, ` : nothing;
  return html`<p class="contact">
    ${intro} ${name}<a href="mailto:${contact.email}">${contact.email}</a>
  </p>`;
}

const ifProblemPersists = () =>
  msg('If the problem persists, write to the organiser:', { id: 'if-the-problem' });

function notice(className: string, content: unknown, focusable = false) {
  return html`<div class="notice ${className}" part="notice" tabindex=${focusable ? '-1' : nothing}>
    ${content}
  </div>`;
}

export const secondaryButton = (label: string, onClick: () => void) =>
  html`<button class="button button--secondary" part="button" type="button" @click=${onClick}>
    ${label}
  </button>`;

/** The API could not be reached while loading: a retry, and who to write to. */
export const loadFailed = (contact: Contact | undefined, locale: Locale, retry: () => void) =>
  notice(
    'notice--error load-failed',
    html`<p>
        ${msg('The workshops could not be loaded. Check your internet connection and try again.', { id: 'the-workshops' })}
      </p>
      ${contactLine(ifProblemPersists(), contact, locale)}
      ${secondaryButton(msg('Try again', { id: 'try-again' }), retry)}`,
  );

/** An unknown series: nothing to retry. */
export const notAvailable = (contact: Contact | undefined, locale: Locale) =>
  notice(
    'notice--error',
    html`<p>${msg('Registration is not available at the moment.', { id: 'registration-is' })}</p>
      ${contactLine(msg('For more information, write to the organiser:', { id: 'for-more' }), contact, locale)}`,
  );

/** Every workshop is full or closed: the list is shown, but there is nothing to choose. */
export const nothingToChoose = (contact: Contact, locale: Locale) =>
  notice(
    'notice--info',
    html`<p>
        ${msg('None of the workshops can be registered for at the moment: they are full or registration has closed.', { id: 'none-of' })}
      </p>
      ${contactLine(msg('For more information, write to the organiser:', { id: 'for-more' }), contact, locale)}`,
  );

export type SubmitProblem = 'retry' | 'rejected' | 'too_many_pending' | 'turnstile';

/**
 * Sending failed. `retry`: the network or the server failed, so the same registration can simply
 * be sent again. `rejected`: the server refused it for a reason the form cannot fix.
 * `too_many_pending`: the network has several unconfirmed registrations in the series (an office):
 * once colleagues confirm, it can be sent again. `turnstile`: the robot check is not done (or
 * did not pass), and is shown afresh.
 * Either way, everything typed stays in the form.
 */
export function submitProblem(
  problem: SubmitProblem,
  contact: Contact | undefined,
  locale: Locale,
  retry: () => void,
) {
  if (problem === 'too_many_pending') {
    return notice(
      'notice--error submit-failed',
      html`<p>
          ${msg('Several registrations from your network are waiting to be confirmed. Once your colleagues confirm theirs (with the link in their email), send yours again.', { id: 'pending' })}
        </p>
        ${secondaryButton(msg('Send again', { id: 'send-again' }), retry)}`,
      true,
    );
  }
  if (problem === 'turnstile') {
    return notice(
      'notice--error submit-failed',
      html`<p>
        ${msg('Complete the check that you are not a robot below the form, then send the registration again.', { id: 'complete-the' })}
      </p>`,
      true,
    );
  }
  if (problem === 'retry') {
    return notice(
      'notice--error submit-failed',
      html`<p>
          ${msg('Your registration could not be sent. Nothing you entered is lost: check your internet connection and send it again.', { id: 'your-registration' })}
        </p>
        ${secondaryButton(msg('Send again', { id: 'send-again' }), retry)}`,
      true,
    );
  }
  return notice(
    'notice--error submit-failed',
    html`<p>
        ${msg('Your registration could not be processed. Nothing you entered is lost. Try again later.', { id: 'your-registration-could-not' })}
      </p>
      ${contactLine(ifProblemPersists(), contact, locale)}`,
    true,
  );
}
