import { css } from 'lit';

/** ID-SK's font stack, the widget's default (tokens below say it again: css`` takes no strings). */
export const DEFAULT_FONT = "'Source Sans Pro', Arial, sans-serif";

/**
 * ID-SK 2 or ID-SK 3, as `.root` is classed `idsk2` or `idsk3` (../shared/reference/ui-gov-sk.md).
 * Every colour, radius, spacing and font is a --workshop-signup-* custom property that hosts may
 * set; the private --_* properties hold the value in force (the host's, else the theme's).
 */
const tokens = css`
  :host {
    --_font: var(--workshop-signup-font-family, 'Source Sans Pro', Arial, sans-serif);
    --_max: var(--workshop-signup-max-width, 640px);
    --_text: var(--workshop-signup-color-text, #000);
    --_secondary: var(--workshop-signup-color-secondary, #757575);
    --_primary: var(--workshop-signup-color-primary, #126dff);
    --_primary-dark: var(--workshop-signup-color-primary-dark, #072c66);
    --_primary-light: var(--workshop-signup-color-primary-light, #eff5fe);
    --_button: var(--workshop-signup-color-button, #126dff);
    --_button-hover: var(--workshop-signup-color-button-hover, #126dff);
    --_button-text: var(--workshop-signup-color-button-text, #fff);
    --_disabled: var(--workshop-signup-color-disabled, #9e9e9e);
    --_error: var(--workshop-signup-color-error, #c3112b);
    --_success: var(--workshop-signup-color-success, #078814);
    --_success-light: var(--workshop-signup-color-success-light, #ebf5ec);
    --_info: var(--workshop-signup-color-info, #126dff);
    --_focus: var(--workshop-signup-color-focus, #d96e00);
    --_focus-text: var(--workshop-signup-color-focus-text, #0b0c0c);
    --_border: var(--workshop-signup-color-border, #424242);
    --_divider: var(--workshop-signup-color-divider, #b1b4b6);
    --_background: var(--workshop-signup-color-background, #fff);
    --_radius: var(--workshop-signup-radius, 5px);
    --_radius-large: var(--workshop-signup-radius-large, 10px);
    --_s: var(--workshop-signup-space, 5px);
    --_input-height: var(--workshop-signup-input-height, 48px);
  }

  /* ID-SK 2 (GOV.UK Frontend 3): square corners, green button, yellow focus. */
  .idsk2 {
    --_text: var(--workshop-signup-color-text, #0b0c0c);
    --_secondary: var(--workshop-signup-color-secondary, #626a6e);
    --_primary: var(--workshop-signup-color-primary, #0065b3);
    --_primary-dark: var(--workshop-signup-color-primary-dark, #003078);
    --_primary-light: var(--workshop-signup-color-primary-light, #f3f2f1);
    --_button: var(--workshop-signup-color-button, #00703c);
    --_button-hover: var(--workshop-signup-color-button-hover, #005a30);
    --_error: var(--workshop-signup-color-error, #d0190f);
    --_success: var(--workshop-signup-color-success, #00703c);
    --_success-light: var(--workshop-signup-color-success-light, #fff);
    --_info: var(--workshop-signup-color-info, #1d70b8);
    --_focus: var(--workshop-signup-color-focus, #ffdf0f);
    --_border: var(--workshop-signup-color-border, #0b0c0c);
    --_radius: var(--workshop-signup-radius, 0);
    --_radius-large: var(--workshop-signup-radius-large, 0);
    --_input-height: var(--workshop-signup-input-height, 40px);
  }

  /*
   * ID-SK's type scale: 16 px on phones, 19 px from its 641 px breakpoint (px, as ID-SK sets them),
   * with its line heights as ratios so that a host's --workshop-signup-font-size keeps them.
   */
  .root {
    --_size: var(--workshop-signup-font-size, 16px);
    --_line: var(--workshop-signup-line-height, 1.5);
    --_big: 1.125em;
    --_big-line: 1.11;
    --_gap: calc(var(--_s) * 6);
  }

  @media (min-width: 641px) {
    .root {
      --_size: var(--workshop-signup-font-size, 19px);
      --_line: var(--workshop-signup-line-height, 1.474);
      --_big: 1.2632em;
      --_big-line: 1.25;
      --_gap: calc(var(--_s) * 10);
    }
  }

  /* ID-SK 2 (GOV.UK Frontend 3) sets tighter lines. */
  .idsk2 {
    --_line: var(--workshop-signup-line-height, 1.25);
  }

  @media (min-width: 641px) {
    .idsk2 {
      --_line: var(--workshop-signup-line-height, 1.3158);
    }
  }
`;

/**
 * A host page's global CSS reaches the shadow tree only through inherited properties (and through
 * the host element itself), so the root resets all of them; !important on :host beats the page's
 * !important for display.
 */
const base = css`
  :host {
    display: block !important;
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .root {
    all: initial;
    display: block;
    max-width: var(--_max);
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: var(--_line);
    color: var(--_text);
    text-align: start;
    overflow-wrap: anywhere;
  }

  p {
    margin: 0 0 calc(var(--_s) * 3);
  }

  /* No page style reaches into the shadow root, so no !important is needed here. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .title {
    margin: 0 0 calc(var(--_s) * 4);
    font-size: 1.5em;
    font-weight: 700;
    line-height: 1.25;
  }

  .hint {
    margin-bottom: calc(var(--_s) * 3);
    color: var(--_secondary);
  }

  a {
    color: var(--_primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  a:hover {
    color: var(--_primary-dark);
    text-decoration-thickness: 2px;
  }

  :focus-visible,
  .input:focus,
  .notice:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 3px;
  }

  /* ID-SK rings its error summary without an offset. */
  .error-summary:focus,
  .error-summary:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
  }

  /* Focus moves to these headings by script only, to be read out; they are no controls. */
  .title:focus,
  .success-title:focus {
    outline: none;
  }

  .loading {
    display: flex;
    align-items: center;
    gap: calc(var(--_s) * 2);
  }

  .spinner {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    border: 3px solid var(--_divider);
    border-top-color: var(--_primary);
    border-radius: 50%;
    animation: spin 1s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
`;

const fields = css`
  .field {
    margin: 0 0 calc(var(--_s) * 6);
  }

  .field--error {
    padding-inline-start: calc(var(--_s) * 3);
    border-inline-start: 5px solid var(--_error);
  }

  .label,
  .legend {
    display: block;
    margin: 0;
    padding: 0 0 calc(var(--_s) * 2);
  }

  .idsk2 .label {
    margin-bottom: var(--_s);
    padding: 0;
  }

  .legend,
  .idsk2 .legend {
    margin-bottom: calc(var(--_s) * 3);
    padding: 0;
    font-size: var(--_big);
    font-weight: 700;
    line-height: var(--_big-line);
  }

  .fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  .input {
    display: block;
    width: 100%;
    min-height: var(--_input-height);
    margin: 0;
    padding: var(--_s) 16px;
    font: inherit;
    color: #000;
    background: var(--_background);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }

  .idsk2 .input {
    padding: var(--_s);
  }

  .input[aria-invalid='true'] {
    border-color: var(--_error);
  }

  .idsk2 .input[aria-invalid='true'] {
    border-width: 4px;
  }

  .error-message {
    margin: 0 0 calc(var(--_s) * 3);
    font-weight: 700;
    color: var(--_error);
  }

  /*
   * Checkboxes and radios as ID-SK draws them: the native input, invisible but focusable, is the
   * 44 px target (40 px for ID-SK 3 checkboxes); the label's ::before is the box, ::after the mark.
   */
  .choices {
    display: grid;
  }

  .choice {
    position: relative;
    min-height: 40px;
    margin-bottom: 10px;
    padding-inline-start: 40px;
  }

  /* Above the label, so that a click or tap on the box reaches the input itself. */
  .choice-input {
    position: absolute;
    top: -2px;
    left: -2px;
    z-index: 1;
    width: 44px;
    height: 44px;
    margin: 0;
    opacity: 0;
  }

  .idsk3 .choice--checkbox .choice-input {
    width: 40px;
    height: 40px;
  }

  .choice-label {
    display: inline-block;
    padding: 8px 15px 5px;
  }

  .choice-label::before,
  .choice-label::after {
    content: '';
    position: absolute;
  }

  .choice-label::before {
    top: 0;
    left: 0;
    width: 40px;
    height: 40px;
    border: 2px solid;
    background: var(--_background);
  }

  .idsk3 .choice--checkbox .choice-label::before {
    width: 36px;
    height: 36px;
    border-radius: 5px;
  }

  .choice--radio .choice-label::before {
    border-radius: 50%;
  }

  .choice--checkbox .choice-label::after {
    top: 10px;
    left: 8px;
    width: 21px;
    height: 11px;
    transform: rotate(-45deg);
    border: solid;
    border-width: 0 0 5px 5px;
    opacity: 0;
  }

  .choice--radio .choice-label::after {
    top: 10px;
    left: 10px;
    border: 10px solid;
    border-radius: 50%;
    opacity: 0;
  }

  .choice-input:checked + .choice-label::after {
    opacity: 1;
  }

  .choice-input:focus + .choice-label::before {
    outline: 3px solid var(--_focus);
    outline-offset: 3px;
  }

  .idsk2 .choice-input:focus + .choice-label::before {
    outline: 3px none;
    outline-offset: 0;
    border-width: 4px;
    box-shadow: 0 0 0 3px var(--_focus);
  }

  .idsk2 .choice--radio .choice-input:focus + .choice-label::before {
    box-shadow: 0 0 0 4px var(--_focus);
  }
`;

const workshops = css`
  .workshops {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: calc(var(--_s) * 3);
  }

  .workshop {
    padding: calc(var(--_s) * 3) calc(var(--_s) * 4);
    border: 1px solid var(--_divider);
    border-radius: var(--_radius-large);
    background: var(--_background);
  }

  .workshop-title {
    margin: 0 0 var(--_s);
    font-size: 1.125em;
    font-weight: 700;
    line-height: 1.3;
  }

  .when,
  .seats {
    margin-bottom: var(--_s);
  }

  .description {
    color: var(--_secondary);
  }

  .seats {
    font-weight: 700;
  }

  .tag {
    display: inline-block;
    margin: 0;
    padding: 2px calc(var(--_s) * 2);
    font-weight: 700;
    border: 2px solid currentColor;
    border-radius: var(--_radius);
  }

  .tag--full {
    color: var(--_error);
  }

  .tag--closed {
    color: var(--_secondary);
  }
`;

const buttons = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_s) * 2) calc(var(--_s) * 4);
  }

  .actions .privacy {
    margin: 0;
  }

  /*
   * ID-SK's button: 38 px high from its padding and a 19 px line, in both versions; ID-SK 3 sets
   * it bold and a step smaller. The transparent border shows as a real one in forced-colors mode.
   */
  .button {
    display: inline-block;
    margin: 0;
    padding: 8px 10px 7px;
    font: inherit;
    font-size: 0.875em;
    font-weight: 700;
    line-height: calc(19 / 14);
    text-align: center;
    color: var(--_button-text);
    background: var(--_button);
    border: 2px solid transparent;
    border-radius: var(--_radius);
    cursor: pointer;
  }

  .button:hover {
    background: var(--_button-hover);
    box-shadow: 0 0 0 3px var(--_primary-dark);
  }

  .button:active {
    background: var(--_primary-dark);
  }

  .button--secondary,
  .button--secondary:hover {
    color: var(--_primary-dark);
    background: var(--_primary-light);
  }

  .button--secondary:active {
    color: var(--_button-text);
    background: var(--_primary-dark);
  }

  .button[aria-disabled='true'] {
    color: var(--_button-text);
    background: var(--_disabled);
    box-shadow: none;
    cursor: progress;
  }

  .idsk2 .button {
    font-size: 1em;
    font-weight: 400;
    line-height: 1.1875;
  }

  @media (min-width: 641px) {
    .button {
      font-size: 0.8421em;
      line-height: 1.1875;
    }

    .idsk2 .button {
      font-size: 1em;
      line-height: 1;
    }
  }

  /* Full-width buttons on phones, as ID-SK does below its 641 px breakpoint. */
  @media (max-width: 640px) {
    .button {
      width: 100%;
    }
  }
`;

const notices = css`
  .error-summary,
  .notice,
  .success {
    margin: 0 0 calc(var(--_s) * 4);
    padding: calc(var(--_s) * 3) calc(var(--_s) * 4);
    border: 3px solid var(--_error);
    border-radius: var(--_radius-large);
    background: var(--_background);
  }

  /* The error summary as each ID-SK draws it (its border, padding and spacing grow at 641 px). */
  .error-summary {
    margin-bottom: var(--_gap);
    border-width: 2px 2px 2px 5px;
  }

  .idsk2 .error-summary {
    padding: calc(var(--_s) * 3);
    border-width: 5px;
  }

  @media (min-width: 641px) {
    .error-summary {
      padding: calc(var(--_s) * 4) calc(var(--_s) * 6);
    }

    .idsk2 .error-summary {
      padding: calc(var(--_s) * 4);
    }
  }

  .notice--info {
    border-color: var(--_info);
  }

  .success {
    border-color: var(--_success);
    background: var(--_success-light);
  }

  .notice > :last-child,
  .success > :last-child {
    margin-bottom: 0;
  }

  .error-summary-title {
    margin: 0;
    font-weight: 700;
  }

  .idsk2 .error-summary-title {
    margin-bottom: calc(var(--_s) * 3);
    font-size: var(--_big);
    line-height: var(--_big-line);
  }

  @media (min-width: 641px) {
    .idsk2 .error-summary-title {
      margin-bottom: calc(var(--_s) * 4);
    }
  }

  .success-title {
    margin: 0 0 calc(var(--_s) * 2);
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.3;
  }

  .error-summary-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .success-list {
    margin: 0 0 calc(var(--_s) * 3);
    padding-inline-start: calc(var(--_s) * 4);
  }

  .error-summary-list a {
    color: var(--_primary);
  }

  .idsk2 .error-summary-list a {
    color: var(--_error);
    font-weight: 700;
  }

  .success-list li {
    margin-bottom: calc(var(--_s) * 2);
  }
`;

/** GOV.UK Frontend 3 focus: yellow background, dark underline; the transparent outline is for forced colours. */
const idsk2Focus = css`
  .idsk2 a:focus-visible,
  .idsk2 .button:focus-visible {
    outline: 3px solid transparent;
    outline-offset: 0;
    color: var(--_focus-text);
    background: var(--_focus);
    text-decoration: none;
  }

  .idsk2 a:focus-visible {
    box-shadow:
      0 -2px var(--_focus),
      0 4px var(--_focus-text);
  }

  .idsk2 .button,
  .idsk2 .button:hover {
    box-shadow: 0 2px 0 #002d18;
  }

  .idsk2 .button--secondary {
    color: var(--_text);
    box-shadow: 0 2px 0 #929191;
  }

  .idsk2 .button:focus-visible {
    box-shadow: 0 2px 0 var(--_focus-text);
  }

  .idsk2 .input:focus {
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px;
  }
`;

const preferences = css`
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }

  @media (forced-colors: active) {
    .choice-input:focus + .choice-label::before {
      outline: 3px solid Highlight;
    }

    .button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;

export const styles = [tokens, base, fields, workshops, buttons, notices, idsk2Focus, preferences];
