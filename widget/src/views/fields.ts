import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import {
  MAX_LENGTH,
  ORGANIZATION_TYPES,
  fieldLabel,
  organizationRequired,
  organizationTypeLabel,
  type FieldName,
} from '../form-model.js';
import type { FormContext } from './context.js';

type TextField = keyof typeof MAX_LENGTH;

/** The inline error with its hidden "Chyba:" prefix (GOV.UK/ID-SK pattern), or nothing. */
export function inlineError(form: FormContext, field: FieldName) {
  if (!form.errors[field]) return nothing;
  return html`<p class="error-message" part="error-message" id="${field}-error">
    <span class="visually-hidden">${msg('Error:', { id: 'error' })}</span> ${form.errorText(field)}
  </p>`;
}

/** aria-describedby: the hint, then the error when there is one. */
export function describedBy(form: FormContext, field: FieldName, hint: boolean) {
  const ids = [hint ? `${field}-hint` : '', form.errors[field] ? `${field}-error` : ''];
  return ids.filter(Boolean).join(' ') || nothing;
}

export const fieldClass = (form: FormContext, field: FieldName) =>
  form.errors[field] ? 'field field--error' : 'field';

export function textField(
  form: FormContext,
  field: TextField,
  autocomplete: string,
  { type = 'text', required = true, hint = '' } = {},
) {
  const invalid = Boolean(form.errors[field]);
  return html`<div class=${fieldClass(form, field)} part="field">
    <label class="label" part="label" for=${field}>
      ${fieldLabel(field)}${required ? nothing : html` ${msg('(optional)', { id: 'optional' })}`}
    </label>
    ${hint ? html`<p class="hint" part="hint" id="${field}-hint">${hint}</p>` : nothing}
    ${inlineError(form, field)}
    <input
      class="input"
      part="input"
      id=${field}
      name=${field}
      type=${type}
      autocomplete=${autocomplete}
      maxlength=${MAX_LENGTH[field] + 50}
      spellcheck="false"
      ?required=${required}
      aria-invalid=${invalid ? 'true' : nothing}
      aria-describedby=${describedBy(form, field, Boolean(hint))}
      .value=${form.values[field]}
      @input=${(e: InputEvent) => form.setValue(field, (e.target as HTMLInputElement).value)}
    />
  </div>`;
}

/** The person's details below the workshops, in the order of FIELD_ORDER. */
export function personFields(form: FormContext) {
  return html`${textField(form, 'givenName', 'given-name')}
  ${textField(form, 'familyName', 'family-name')}
  ${textField(form, 'email', 'email', {
    type: 'email',
    hint: msg('We will send the link to join the workshop to this address.', {
      id: 'we-will',
    }),
  })}
  ${organizationTypeField(form)}
  ${textField(form, 'organization', 'organization', {
    required: organizationRequired(form.values.organizationType),
    hint: msg('Not required for the expert public.', { id: 'not-required' }),
  })}
  ${textField(form, 'role', 'organization-title', { required: false })}`;
}

function organizationTypeField(form: FormContext) {
  return html`<div class=${fieldClass(form, 'organizationType')} part="field">
    <fieldset class="fieldset" aria-describedby=${describedBy(form, 'organizationType', false)}>
      <legend class="legend" part="label">${fieldLabel('organizationType')}</legend>
      ${inlineError(form, 'organizationType')}
      <div class="choices">
        ${ORGANIZATION_TYPES.map(
          (type) =>
            html`<div class="choice choice--radio">
              <input
                class="choice-input"
                type="radio"
                id="organizationType-${type}"
                name="organizationType"
                value=${type}
                required
                .checked=${form.values.organizationType === type}
                @change=${() => form.setValue('organizationType', type)}
              />
              <label class="choice-label" for="organizationType-${type}"
                >${organizationTypeLabel(type)}</label
              >
            </div>`,
        )}
      </div>
    </fieldset>
  </div>`;
}
