import { msg, str } from '@lit/localize';
import { html } from 'lit';
import type { Locale, Workshop } from '../api.js';
import { formatWhen, pluralCategory } from '../format.js';
import { heading } from './heading.js';
import { localizedText } from './language.js';
import { secondaryButton } from './notices.js';

export interface Registered {
  /** As listed when the registration was sent (a refreshed list may no longer have them). */
  workshops: Workshop[];
  /** The address as typed, shown back on the page only (never in events). */
  email: string;
}

/**
 * After registering. The API accepts every registration as `pending` (worker/contract), so this
 * says to confirm it with the link in the e-mail. The heading takes focus (so no status banner as
 * well, which would be read twice).
 */
export function success(
  registered: Registered,
  locale: Locale,
  level: number,
  registerAnother: () => void,
) {
  const chosenPhrase = chosen[pluralCategory(registered.workshops.length, locale)];
  return html`<div class="success" part="success">
    ${heading(level + 1, msg('Check your email', { id: 'check-your-email' }), 'success-title', { focusable: true })}
    <p class="address">
      ${msg(str`We have sent a link to confirm your registration to ${registered.email}.`, { id: 'we-have-sent' })}
    </p>
    <p>
      ${msg('We are holding your registration for an hour while you confirm it.', {
        id: 'success-hold',
      })}
    </p>
    <p>${chosenPhrase()}</p>
    <ul class="success-list">
      ${registered.workshops.map(
        (w) =>
          html`<li>
            <strong>${localizedText(w.title, locale)}</strong><br />${formatWhen(
              w.startsAt,
              w.endsAt,
              locale,
            )}
          </li>`,
      )}
    </ul>
    <p class="times-note">${msg('All times are Bratislava time.', { id: 'all-times-are' })}</p>
    <p>
      ${msg('After you confirm, we will email you the link to join about 24 hours before the start.', { id: 'after-you-confirm' })}
    </p>
    <p>
      ${msg('If the email does not arrive within a few minutes, check your spam folder.', { id: 'if-the-email' })}
    </p>
    ${secondaryButton(msg('Register another person', { id: 'register-another-person' }), registerAnother)}
  </div>`;
}

/** "Workshop you chose" or "Workshops you chose": one msg() per plural category. */
const chosen = {
  one: () => msg('The workshop you chose:', { id: 'success-chosen-one' }),
  few: () => msg('The workshops you chose:', { id: 'success-chosen-few' }),
  other: () => msg('The workshops you chose:', { id: 'success-chosen-other' }),
};
