/**
 * What the widget must match, component by component: a declarative table read by the targets
 * script (targets.ts) and the parity test (parity.test.ts). To compare one more thing, add a row
 * or a metric; nothing else needs to change.
 *
 * Selectors: `idsk` in the reference page (reference-page.ts gives every component a `ref-…`
 * wrapper), `widget` inside the widget's shadow root — by part, element and attribute, not by
 * the widget's private class names, which the restyle may rename. When the restyle draws its
 * own checkbox box (as ID-SK does, on the label's ::before), point the `widget` side of the box
 * rows there; until then the native control is what a reader sees.
 */

import type { IdskVersion } from './reference-page';

/** Viewport widths, CSS px: a phone, and a desktop above ID-SK's 641 px tablet breakpoint. */
export const WIDTHS = [375, 1280] as const;
export type Width = (typeof WIDTHS)[number];

export interface Side {
  selector: string;
  pseudo?: '::before' | '::after';
  /** For focus rows: the element that takes focus, when it is not the one measured. */
  focus?: string;
}

export interface Comparison {
  component: string;
  /** `error`: measured on the widget after an empty form was sent. */
  state: 'normal' | 'error';
  /** Measured while `focus ?? selector` has focus, on each side. */
  focused?: boolean;
  idsk: Side;
  widget: Side;
  metrics: readonly string[];
  /** Pixels either way for lengths; colours and keywords must be equal. Default 1. */
  tolerance?: number;
}

/** Text: the font family is compared by its first name, the rest exactly or within 1 px. */
const TEXT = ['font-family', 'font-size', 'font-weight', 'line-height', 'color'] as const;
const BOX = ['border-width', 'border-style', 'border-color', 'border-radius'] as const;
const FOCUS = [
  'outline-style',
  'outline-width',
  'outline-color',
  'outline-offset',
  'box-shadow',
  'background',
] as const;

export const PARITY_TABLE: readonly Comparison[] = [
  {
    component: 'body text',
    state: 'normal',
    idsk: { selector: '#ref-body .govuk-body' },
    widget: { selector: '[part~="base"]' },
    metrics: TEXT,
  },
  {
    component: 'label',
    state: 'normal',
    idsk: { selector: '#ref-input .govuk-label' },
    widget: { selector: 'label[part~="label"]' },
    metrics: [...TEXT, 'margin-bottom', 'padding-bottom'],
  },
  {
    component: 'hint',
    state: 'normal',
    idsk: { selector: '#ref-hint .govuk-hint' },
    widget: { selector: '[part~="field"] [part~="hint"]' },
    metrics: [...TEXT, 'margin-bottom'],
  },
  {
    component: 'text input',
    state: 'normal',
    idsk: { selector: '#ref-input .govuk-input' },
    widget: { selector: 'input[part~="input"]' },
    metrics: ['box-height', 'padding', ...BOX, 'background', ...TEXT],
  },
  {
    component: 'text input, focus',
    state: 'normal',
    focused: true,
    idsk: { selector: '#ref-input .govuk-input' },
    widget: { selector: 'input[part~="input"]' },
    metrics: [...FOCUS, 'border-color'],
  },
  {
    component: 'text input, error',
    state: 'error',
    idsk: { selector: '#ref-input-error .govuk-input--error' },
    widget: { selector: 'input[part~="input"][aria-invalid="true"]' },
    metrics: ['border-width', 'border-style', 'border-color'],
  },
  {
    component: 'field with error',
    state: 'error',
    idsk: { selector: '#ref-checkboxes-error .govuk-form-group--error' },
    widget: { selector: '[part~="field"]:has([part~="error-message"])' },
    metrics: ['border-left-width', 'border-left-style', 'border-left-color', 'padding-left'],
  },
  {
    component: 'error message',
    state: 'error',
    idsk: { selector: '#ref-error-message .govuk-error-message' },
    widget: { selector: '[part~="error-message"]' },
    metrics: [...TEXT, 'margin-bottom'],
  },
  {
    component: 'group legend (fieldset --m)',
    state: 'normal',
    idsk: { selector: '#ref-checkboxes .govuk-fieldset__legend' },
    widget: { selector: 'legend[part~="label"]' },
    metrics: [...TEXT, 'margin-bottom'],
  },
  {
    component: 'checkbox box',
    state: 'normal',
    idsk: { selector: '#ref-checkboxes .govuk-checkboxes__label', pseudo: '::before' },
    widget: { selector: 'input[type="checkbox"] + label', pseudo: '::before' },
    metrics: ['box-width', 'box-height', ...BOX, 'background'],
  },
  {
    component: 'checkbox target',
    state: 'normal',
    idsk: { selector: '#ref-checkboxes .govuk-checkboxes__input' },
    widget: { selector: 'input[type="checkbox"]' },
    metrics: ['box-width', 'box-height'],
  },
  {
    component: 'checkbox label',
    state: 'normal',
    idsk: { selector: '#ref-checkboxes .govuk-checkboxes__label' },
    widget: { selector: 'input[type="checkbox"] ~ label' },
    metrics: TEXT,
  },
  {
    component: 'checkbox, focus',
    state: 'normal',
    focused: true,
    idsk: {
      selector: '#ref-checkboxes .govuk-checkboxes__label',
      pseudo: '::before',
      focus: '#ref-checkboxes .govuk-checkboxes__input',
    },
    widget: {
      selector: 'input[type="checkbox"] + label',
      pseudo: '::before',
      focus: 'input[type="checkbox"]',
    },
    metrics: [...FOCUS, 'border-width'],
  },
  {
    component: 'radio box',
    state: 'normal',
    idsk: { selector: '#ref-radios .govuk-radios__label', pseudo: '::before' },
    widget: { selector: 'input[type="radio"] + label', pseudo: '::before' },
    metrics: ['box-width', 'box-height', ...BOX, 'background'],
  },
  {
    component: 'radio target',
    state: 'normal',
    idsk: { selector: '#ref-radios .govuk-radios__input' },
    widget: { selector: 'input[type="radio"]' },
    metrics: ['box-width', 'box-height'],
  },
  {
    component: 'radio label',
    state: 'normal',
    idsk: { selector: '#ref-radios .govuk-radios__label' },
    widget: { selector: 'input[type="radio"] ~ label' },
    metrics: TEXT,
  },
  {
    component: 'radio, focus',
    state: 'normal',
    focused: true,
    idsk: {
      selector: '#ref-radios .govuk-radios__label',
      pseudo: '::before',
      focus: '#ref-radios .govuk-radios__input',
    },
    widget: {
      selector: 'input[type="radio"] + label',
      pseudo: '::before',
      focus: 'input[type="radio"]',
    },
    metrics: [...FOCUS, 'border-width'],
  },
  {
    component: 'button',
    state: 'normal',
    idsk: { selector: '#ref-button .govuk-button' },
    widget: { selector: '[part~="submit"]' },
    metrics: [
      'box-height',
      'padding',
      ...BOX,
      'box-shadow',
      'background',
      ...TEXT,
      'fills-container',
    ],
  },
  {
    component: 'button, focus',
    state: 'normal',
    focused: true,
    idsk: { selector: '#ref-button .govuk-button' },
    widget: { selector: '[part~="submit"]' },
    // Not border-color: ID-SK 2 colours its transparent border like the background, which it is drawn on.
    metrics: [...FOCUS, 'color'],
  },
  {
    component: 'error summary',
    state: 'error',
    idsk: { selector: '#ref-error-summary .govuk-error-summary' },
    widget: { selector: '[part~="error-summary"]' },
    metrics: [...BOX, 'padding', 'background', 'margin-bottom'],
  },
  {
    component: 'error summary title',
    state: 'error',
    idsk: { selector: '#ref-error-summary .govuk-error-summary__title' },
    widget: { selector: '[part~="error-summary-title"]' },
    metrics: [...TEXT, 'margin-top', 'margin-bottom'],
  },
  {
    component: 'error summary list',
    state: 'error',
    idsk: { selector: '#ref-error-summary .govuk-error-summary__list' },
    widget: { selector: '[part~="error-summary"] ul' },
    metrics: ['list-style-type', 'padding-left', 'margin-bottom'],
  },
  {
    component: 'error summary link',
    state: 'error',
    idsk: { selector: '#ref-error-summary .govuk-error-summary__list a' },
    widget: { selector: '[part~="error-summary"] li a' },
    metrics: [...TEXT, 'text-decoration-line'],
  },
  {
    component: 'error summary, focus',
    state: 'error',
    focused: true,
    idsk: { selector: '#ref-error-summary .govuk-error-summary' },
    widget: { selector: '[part~="error-summary"]' },
    metrics: FOCUS,
  },
];

/**
 * Where a package, as published, is plainly broken, the target is what it meant, not what it
 * does; each correction says why. Applied to the measured ID-SK values before comparing.
 */
export interface Correction {
  version: IdskVersion;
  /** Every width when absent. */
  width?: Width;
  /** Every component when absent. */
  component?: string;
  /** Applies where the measured values include all of these. */
  when: Record<string, string>;
  set: Record<string, string>;
  reason: string;
}

export const CORRECTIONS: readonly Correction[] = [
  {
    version: 'idsk3',
    width: 375,
    when: { 'font-size': '36px', 'line-height': '24px' },
    set: { 'font-size': '16px', 'line-height': '24px' },
    reason:
      'ID-SK 3.0.0-beta.0 sets point 19 of its default ("legacy") type scale on small screens to ' +
      '36px with a 24px line height (settings/_typography-responsive.scss; its prebuilt ' +
      'frontend.min.css has 2.25rem), so lines overlap. Its own modern scale ' +
      '($govuk-new-typography-scale: true) says 16px/24px, GOV.UK Frontend 5 says 16px.',
  },
  {
    version: 'idsk3',
    component: 'error summary link',
    when: { color: 'rgb(0, 0, 238)' },
    set: { color: 'rgb(18, 109, 255)' },
    reason:
      'ID-SK 3.0.0-beta.0 gives the error summary links govuk-link-common but no colour ' +
      '(components/error-summary/_index.scss), so they take the browser default #0000ee; ' +
      'the target is its link colour, #126dff ($govuk-link-colour, .govuk-link:link).',
  },
];
