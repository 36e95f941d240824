import { html, nothing } from 'lit';

/**
 * A heading whose level the host chooses (`heading-level`): <h1>…<h6> cannot take a level from an
 * attribute, so role="heading" with aria-level does, and looks the same whatever the level.
 */
export function heading(
  level: number,
  content: unknown,
  className: string,
  { focusable = false, id = '' } = {},
) {
  return html`<div
    role="heading"
    aria-level=${Math.min(level, 6)}
    class=${className}
    part=${className}
    id=${id || nothing}
    tabindex=${focusable ? '-1' : nothing}
  >
    ${content}
  </div>`;
}
