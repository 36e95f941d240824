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
  const counted = countedPhrases[pluralCategory(registered.workshops.length, locale)];
  return html`<div class="success" part="success">
    ${heading(level + 1, msg('Check your email'), 'success-title', { focusable: true })}
    <p class="address">
      ${msg(str`We have sent a link to confirm your registration to ${registered.email}.`)}
    </p>
    <p>${counted.hold()}</p>
    <p>${counted.chosen()}</p>
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
    <p class="times-note">${msg('All times are Bratislava time.')}</p>
    <p>${counted.joinLink()}</p>
    <p>${msg('If the email does not arrive within a few minutes, check your spam folder.')}</p>
    ${secondaryButton(msg('Register another person'), registerAnother)}
  </div>`;
}

/** The phrases that follow the number of workshops chosen: one msg() per plural category. */
const countedPhrases = {
  one: {
    hold: () =>
      msg(
        'We are holding your seat for an hour while you confirm. If you confirm later, you will get the seat only if it is still free.',
        { id: 'success-hold-one' },
      ),
    chosen: () => msg('The workshop you chose:', { id: 'success-chosen-one' }),
    joinLink: () =>
      msg(
        'After you confirm, we will email you the link to join about 24 hours before the workshop starts.',
        { id: 'success-join-one' },
      ),
  },
  few: {
    hold: () =>
      msg(
        'We are holding your seats for an hour while you confirm. If you confirm later, you will get only the seats that are still free.',
        { id: 'success-hold-few' },
      ),
    chosen: () => msg('The workshops you chose:', { id: 'success-chosen-few' }),
    joinLink: () =>
      msg(
        'After you confirm, we will email you the link to join about 24 hours before each workshop starts.',
        { id: 'success-join-few' },
      ),
  },
  other: {
    hold: () =>
      msg(
        'We are holding your seats for an hour while you confirm. If you confirm later, you will get only the seats that are still free.',
        { id: 'success-hold-other' },
      ),
    chosen: () => msg('The workshops you chose:', { id: 'success-chosen-other' }),
    joinLink: () =>
      msg(
        'After you confirm, we will email you the link to join about 24 hours before each workshop starts.',
        { id: 'success-join-other' },
      ),
  },
};
