import { css } from 'lit';

/**
 * ID-SK 3 look (the current Slovak government design system, a GOV.UK Frontend fork). Every
 * colour, radius and spacing is a --workshop-signup-* custom property so hosts can re-theme it;
 * the font is inherited from the host page (a shadow root cannot load fonts, and should not).
 */
export const styles = css`
  :host {
    --_font: var(--workshop-signup-font-family, inherit);
    --_text: var(--workshop-signup-color-text, #000000);
    --_secondary: var(--workshop-signup-color-secondary, #757575);
    --_primary: var(--workshop-signup-color-primary, #126dff);
    --_primary-dark: var(--workshop-signup-color-primary-dark, #072c66);
    --_primary-light: var(--workshop-signup-color-primary-light, #eff5fe);
    --_error: var(--workshop-signup-color-error, #c3112b);
    --_error-light: var(--workshop-signup-color-error-light, #fbeef0);
    --_success: var(--workshop-signup-color-success, #078814);
    --_success-light: var(--workshop-signup-color-success-light, #ebf5ec);
    --_focus: var(--workshop-signup-color-focus, #d96e00);
    --_border: var(--workshop-signup-color-border, #424242);
    --_divider: var(--workshop-signup-color-divider, #b1b4b6);
    --_background: var(--workshop-signup-color-background, #ffffff);
    --_radius: var(--workshop-signup-radius, 5px);
    --_radius-large: var(--workshop-signup-radius-large, 10px);
    --_space: var(--workshop-signup-space, 20px);

    display: block;
    font-family: var(--_font);
    font-size: 1rem;
    line-height: 1.5;
    color: var(--_text);
    text-align: start;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .root {
    max-width: 40rem;
  }

  p {
    margin: 0 0 calc(var(--_space) * 0.75);
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }

  .title {
    margin: 0 0 var(--_space);
    font-size: 1.5rem;
    font-weight: 700;
    line-height: 1.25;
  }

  .hint {
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

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  [tabindex='-1']:focus {
    outline: none;
  }

  /* ---- Fields ---- */

  .field {
    margin: 0 0 calc(var(--_space) * 1.5);
  }

  .field--error {
    padding-inline-start: 15px;
    border-inline-start: 5px solid var(--_error);
  }

  .label,
  .legend {
    display: block;
    margin: 0 0 5px;
    font-weight: 700;
  }

  .legend {
    font-size: 1.125rem;
  }

  .required {
    color: var(--_error);
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
    min-height: 48px;
    margin: 0;
    padding: 5px 16px;
    font: inherit;
    color: inherit;
    background: var(--_background);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }

  .input:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .input[aria-invalid='true'] {
    border-color: var(--_error);
  }

  .error-message {
    margin: 0 0 10px;
    font-weight: 700;
    color: var(--_error);
  }

  /* Radios and checkboxes: native inputs, enlarged to ID-SK sizes (40–44 px targets). */
  .choices {
    display: grid;
    gap: 10px;
  }

  .choice {
    display: flex;
    align-items: flex-start;
    gap: 10px;
    min-height: 44px;
  }

  .choice-input {
    flex: none;
    width: 32px;
    height: 32px;
    margin: 4px;
    accent-color: var(--_primary);
    cursor: pointer;
  }

  .choice-label {
    padding-top: 8px;
    cursor: pointer;
  }

  /* ---- Workshops ---- */

  .workshops {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 15px;
  }

  .workshop {
    padding: 15px var(--_space);
    border: 1px solid var(--_divider);
    border-radius: var(--_radius-large);
  }

  .workshop-title {
    margin: 0 0 5px;
    font-size: 1.125rem;
    font-weight: 700;
    line-height: 1.3;
  }

  .when {
    margin-bottom: 5px;
  }

  .description {
    color: var(--_secondary);
  }

  .seats {
    font-weight: 700;
    margin-bottom: 5px;
  }

  .tag {
    display: inline-block;
    margin: 0;
    padding: 2px 10px;
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

  /* ---- Buttons and actions ---- */

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 10px var(--_space);
  }

  .actions .privacy {
    margin: 0;
  }

  .button {
    display: inline-block;
    min-height: 48px;
    margin: 0;
    padding: 10px 20px;
    font: inherit;
    font-weight: 700;
    color: #ffffff;
    background: var(--_primary);
    border: 0;
    border-radius: var(--_radius);
    cursor: pointer;
  }

  .button:hover {
    box-shadow: 0 0 0 3px var(--_primary-dark);
  }

  .button:active {
    background: var(--_primary-dark);
  }

  .button[aria-disabled='true'] {
    background: #9e9e9e;
    cursor: progress;
  }

  .button--secondary {
    color: var(--_primary-dark);
    background: var(--_primary-light);
  }

  .button--secondary:active {
    color: #ffffff;
  }

  /* ---- Notices ---- */

  .error-summary,
  .notice,
  .success {
    margin: 0 0 var(--_space);
    padding: 15px var(--_space);
    border: 3px solid var(--_error);
    border-radius: var(--_radius-large);
    background: var(--_background);
  }

  .error-summary:focus,
  .notice:focus,
  .success-title:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .error-summary-title,
  .success-title {
    margin: 0 0 10px;
    font-size: 1.25rem;
    font-weight: 700;
  }

  .error-summary-list {
    margin: 0;
    padding-inline-start: 20px;
  }

  .error-summary-list a {
    color: var(--_error);
    font-weight: 700;
  }

  .success {
    border-color: var(--_success);
  }

  .success-list {
    padding-inline-start: 20px;
  }

  .success-list li {
    margin-bottom: 10px;
  }

  @media (max-width: 640px) {
    .button {
      width: 100%;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }

  @media (forced-colors: active) {
    .button,
    .tag,
    .workshop,
    .error-summary,
    .notice,
    .success {
      border: 2px solid ButtonText;
    }
  }
`;
