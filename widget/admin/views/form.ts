import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';

/** One problem with a form: the field it is about, and what to do. */
export interface FieldError {
  id: string;
  text: string;
}

/**
 * GOV.UK's error summary: above the form, focused after a failed submit, each problem a link to
 * its field. The links move focus themselves: a `#id` href would be taken for a route.
 */
export function errorSummary(errors: readonly FieldError[], root: ShadowRoot | null) {
  if (errors.length === 0) return nothing;
  const jump = (event: Event, id: string) => {
    event.preventDefault();
    (root?.getElementById(id) as HTMLElement | null)?.focus();
  };
  return html`<div class="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">${msg('There is a problem')}</h2>
    <ul>
      ${errors.map(
        (e) =>
          html`<li><a href="#${e.id}" @click=${(ev: Event) => jump(ev, e.id)}>${e.text}</a></li>`,
      )}
    </ul>
  </div>`;
}

export interface FieldOptions {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'email' | 'url' | 'number' | 'date' | 'time' | 'password';
  autocomplete?: string;
  lang?: string;
  narrow?: boolean;
  multiline?: boolean;
}

const described = (o: FieldOptions) =>
  [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ') ||
  undefined;

/** A labelled input (or textarea) with its hint and inline error, GOV.UK style. */
export function field(o: FieldOptions): TemplateResult {
  const input = (event: Event) =>
    o.onInput((event.target as HTMLInputElement | HTMLTextAreaElement).value);
  return html`<div class="field ${o.error ? 'field--error' : ''}">
    <label for=${o.id}>${o.label}</label>
    ${o.hint ? html`<span class="hint" id="${o.id}-hint">${o.hint}</span>` : nothing}
    ${
      o.error
        ? html`<span class="error-message" id="${o.id}-error"
            ><span class="visually-hidden">${msg('Error:')}</span> ${o.error}</span
          >`
        : nothing
    }
    ${
      o.multiline
        ? html`<textarea
            id=${o.id}
            lang=${ifDefined(o.lang)}
            aria-describedby=${ifDefined(described(o))}
            aria-invalid=${o.error ? 'true' : 'false'}
            .value=${o.value}
            @input=${input}
          ></textarea>`
        : html`<input
            id=${o.id}
            class=${o.narrow ? 'narrow' : ''}
            type=${o.type ?? 'text'}
            lang=${ifDefined(o.lang)}
            autocomplete=${o.autocomplete ?? 'off'}
            aria-describedby=${ifDefined(described(o))}
            aria-invalid=${o.error ? 'true' : 'false'}
            .value=${o.value}
            @input=${input}
          />`
    }
  </div>`;
}

/** A labelled checkbox, GOV.UK style. */
export const checkbox = (
  id: string,
  label: string,
  checked: boolean,
  on: (checked: boolean) => void,
) =>
  html`<div class="checkbox">
    <input
      id=${id}
      type="checkbox"
      .checked=${checked}
      @change=${(e: Event) => on((e.target as HTMLInputElement).checked)}
    />
    <label for=${id}>${label}</label>
  </div>`;

/** Focuses the error summary once it is on screen (after a failed submit). */
export async function focusErrorSummary(
  host: { updateComplete: Promise<boolean> },
  root: ShadowRoot | null,
) {
  await host.updateComplete;
  (root?.querySelector('.error-summary') as HTMLElement | null)?.focus();
}
