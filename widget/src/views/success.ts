import { msg, str } from '@lit/localize';
import { html } from 'lit';
import type { Locale, Localized, WaitlistPlace, Workshop } from '../api.js';
import { pluralCategory } from '../format.js';
import { heading } from './heading.js';
import { localizedText } from './language.js';
import { secondaryButton } from './notices.js';

export interface Registered {
  /** As listed when the registration was sent (a refreshed list may no longer have them). */
  workshops: Workshop[];
  /** The address as typed, shown back on the page only (never in events). */
  email: string;
  /** The workshops where the person has a place in line instead of a seat. */
  waitlist?: WaitlistPlace[];
}

/** "Waiting list, place 2" under a workshop where the person has a place in line. */
function place({ waitlist }: Registered, workshopId: string) {
  const n = waitlist?.find((p) => p.workshopId === workshopId)?.place;
  return n ? html`<br />${msg(str`Waiting list, place ${n}`, { id: 'place' })}` : '';
}

/**
 * After registering. The API accepts every registration as `pending` (worker/contract), so this
 * says to confirm it with the link in the e-mail. The heading takes focus (so no status banner as
 * well, which would be read twice).
 */
export function success(
  registered: Registered,
  /** The series' `joinLinkLead`: "24 hours", worded by the API. */
  lead: Localized,
  locale: Locale,
  level: number,
  registerAnother: () => void,
) {
  const chosenPhrase = chosen[pluralCategory(registered.workshops.length, locale)];
  return html`<div class="success" part="success">
    ${heading(level + 1, msg('Check your email', { id: 'check-your' }), 'success-title', { focusable: true })}
    <p class="address">
      ${msg(str`We have sent a link to confirm your registration to ${registered.email}.`, { id: 'we-have' })}
    </p>
    <p>
      ${msg('We are holding your registration for an hour while you confirm it.', {
        id: 'hold',
      })}
    </p>
    <p>${chosenPhrase()}</p>
    <ul class="success-list">
      ${registered.workshops.map(
        (w) =>
          html`<li>
            <strong>${localizedText(w.title, locale)}</strong><br />${localizedText(
              w.when,
              locale,
            )}${place(registered, w.id)}
          </li>`,
      )}
    </ul>
    <p class="times-note">${msg('All times are Bratislava time.', { id: 'all-times' })}</p>
    <p>
      ${msg(str`After you confirm, we will email you the link to join about ${lead[locale]} before the start.`, { id: 'after-you' })}
    </p>
    <p>
      ${msg('If the email does not arrive within a few minutes, check your spam folder.', { id: 'if-the' })}
    </p>
    ${secondaryButton(msg('Register another person', { id: 'register-another' }), registerAnother)}
  </div>`;
}

/** "Workshop you chose" or "Workshops you chose": one msg() per plural category. */
const chosen = {
  one: () => msg('The workshop you chose:', { id: 'chosen-one' }),
  few: () => msg('The workshops you chose:', { id: 'chosen-few' }),
  other: () => msg('The workshops you chose:', { id: 'chosen-other' }),
};
