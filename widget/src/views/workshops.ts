import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Workshop } from '../api.js';
import { formatSeatsLeft } from '../format.js';
import { isSelectable } from '../form-model.js';
import type { FormContext } from './context.js';
import { describedBy, fieldClass, inlineError } from './fields.js';
import { localizedText } from './language.js';

/** The workshops to choose from, as the first group of the form. */
export function workshopChoice(form: FormContext, workshops: Workshop[]) {
  return html`<div class=${fieldClass(form, 'workshopIds')} part="field">
    <fieldset class="fieldset" aria-describedby=${describedBy(form, 'workshopIds', true)}>
      <legend class="legend" part="label">
        ${msg('Workshops to register for', { id: 'workshops-to' })}
      </legend>
      <p class="hint" part="hint" id="workshopIds-hint">
        ${msg('Select at least one workshop. You can select more than one.', { id: 'select-at' })}
      </p>
      ${inlineError(form, 'workshopIds')} ${workshopList(form, workshops, form)}
    </fieldset>
  </div>`;
}

type ListContext = Pick<FormContext, 'locale' | 'level'>;

/** The list; without `form` it has no checkboxes (when nothing can be chosen). */
export function workshopList(list: ListContext, workshops: Workshop[], form?: FormContext) {
  return html`<ul class="workshops" part="workshop-list">
      ${workshops.map((w) => workshopItem(list, w, form))}
    </ul>
    <p class="hint times-note" part="hint">
      ${msg('All times are Bratislava time.', { id: 'all-times' })}
    </p>`;
}

function workshopItem(
  { locale, level }: ListContext,
  w: Workshop,
  form?: FormContext,
): TemplateResult {
  const id = `workshop-${w.id}`;
  const description = localizedText(w.description, locale);
  return html`<li class="workshop" part="workshop">
    <div
      role="heading"
      aria-level=${Math.min(level + 1, 6)}
      class="workshop-title"
      part="workshop-title"
      id="${id}-title"
    >
      ${localizedText(w.title, locale)}
    </div>
    <p class="when" id="${id}-when">${localizedText(w.when, locale)}</p>
    ${description ? html`<p class="description">${description}</p>` : nothing}
    <p class=${availabilityClass(w)} id="${id}-seats">${availability(w, locale)}</p>
    ${form && isSelectable(w) ? attendBox(form, w, id) : nothing}
  </li>`;
}

// In the row's own template, not one of three of their own: a template instance per row fewer.
const availabilityClass = (w: Workshop) =>
  !w.registrationOpen ? 'tag tag--closed' : w.seatsLeft === 0 ? 'tag tag--full' : 'seats';

function availability(w: Workshop, locale: ListContext['locale']): string {
  if (!w.registrationOpen) return msg('Registration closed', { id: 'registration-closed' });
  if (w.seatsLeft === 0) return msg('Full', { id: 'full' });
  return formatSeatsLeft(w.seatsLeft, locale);
}

function attendBox(form: FormContext, w: Workshop, id: string) {
  return html`<div class="choice choice--checkbox">
    <input
      class="choice-input"
      type="checkbox"
      id=${id}
      name="workshopIds"
      value=${w.id}
      aria-labelledby="${id}-label ${id}-title"
      aria-describedby="${id}-when ${id}-seats"
      .checked=${form.values.workshopIds.includes(w.id)}
      @change=${(e: Event) => form.toggleWorkshop(w.id, (e.target as HTMLInputElement).checked)}
    />
    <label class="choice-label" id="${id}-label" for=${id}
      >${
        w.seatsLeft > 0
          ? msg('I want to attend', { id: 'i-want' })
          : msg('Join the waiting list', { id: 'waitlist' })
      }</label
    >
  </div>`;
}
