import { html, type TemplateResult } from 'lit';

/**
 * A wide table on a phone scrolls sideways in a region of its own (WCAG 1.4.10 reflow), which
 * the keyboard can reach and scroll too (axe: scrollable-region-focusable).
 */
export const scrollable = (label: string, table: TemplateResult) =>
  html`<div class="table-wrap" role="region" aria-label=${label} tabindex="0">${table}</div>`;
