import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { FIELD_ORDER } from '../form-model.js';
import type { FormContext } from './context.js';
import { heading } from './heading.js';

/**
 * GOV.UK/ID-SK error summary: it takes focus after a failed submit (tabindex="-1", labelled by its
 * heading, no role="alert"), and each link moves focus to its control. `#id` links cannot reach
 * into a shadow root, so the click is handled here.
 */
export function errorSummary(form: FormContext) {
  const fields = FIELD_ORDER.filter((f) => form.errors[f]);
  if (fields.length === 0) return nothing;
  return html`<div
    class="error-summary"
    part="error-summary"
    tabindex="-1"
    aria-labelledby="error-summary-title"
  >
    ${heading(
      form.level + 1,
      msg('There is a problem', { id: 'there-is' }),
      'error-summary-title',
      {
        id: 'error-summary',
      },
    )}
    <ul class="error-summary-list">
      ${fields.map(
        (field) =>
          html`<li>
            <a
              href="#${field}"
              @click=${(event: Event) => {
                event.preventDefault();
                form.focusField(field);
              }}
              >${form.errorText(field)}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}
