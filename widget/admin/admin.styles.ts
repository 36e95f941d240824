import { css } from 'lit';
import { contentStyles } from './admin-content.styles.js';

/**
 * The ID-SK 2.11 look (GOV.UK Frontend 3) shared by every admin screen: the measured tokens of
 * /work/notes/idsk-targets.md — Source Sans Pro (Arial where it is not installed), #0b0c0c text,
 * square corners, the green button with its shadow, the yellow focus, 5px red error borders.
 */
export const baseStyles = css`
  :host {
    --text: #0b0c0c;
    --secondary: #626a6e;
    --link: #1d70b8;
    --link-visited: #4c2c92;
    --button: #00703c;
    --button-shadow: #002d18;
    --button-secondary: #f3f2f1;
    --button-warning: #d4351c;
    --error: #d0190f;
    --focus: #ffdf0f;
    --border: #0b0c0c;
    --divider: #b1b4b6;
    --panel: #f3f2f1;
    display: block;
    font-family: 'Source Sans Pro', Arial, sans-serif;
    font-size: 1rem;
    line-height: 1.25;
    color: var(--text);
  }
  @media (min-width: 40.0625em) {
    :host {
      font-size: 1.1875rem;
      line-height: 1.3158;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1 {
    margin: 0 0 30px;
    font-size: 2rem;
    line-height: 1.09;
    font-weight: 700;
  }
  h1:focus {
    outline: none;
  }
  h2 {
    margin: 30px 0 15px;
    font-size: 1.5rem;
    line-height: 1.25;
  }
  h3 {
    margin: 20px 0 10px;
    font-size: 1.1875rem;
  }
  p {
    margin: 0 0 15px;
  }
  a {
    color: var(--link);
    text-decoration: underline;
    text-decoration-thickness: max(1px, 0.0625rem);
    text-underline-offset: 0.15em;
  }
  a:focus-visible,
  .link-button:focus-visible {
    outline: 3px solid transparent;
    color: var(--text);
    background: var(--focus);
    box-shadow:
      0 -2px var(--focus),
      0 4px var(--text);
    text-decoration: none;
  }
  .hint {
    display: block;
    margin-bottom: 15px;
    color: var(--secondary);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
  .field {
    margin-bottom: 30px;
  }
  .field--error {
    padding-left: 15px;
    border-left: 5px solid var(--error);
  }
  label,
  legend {
    display: block;
    margin-bottom: 5px;
  }
  legend {
    font-size: 1.5rem;
    font-weight: 700;
    margin-bottom: 15px;
  }
  fieldset {
    margin: 0 0 30px;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    display: block;
    width: 100%;
    max-width: 32em;
    min-height: 40px;
    padding: 5px;
    border: 2px solid var(--border);
    border-radius: 0;
    font: inherit;
    color: #000000;
    background: #ffffff;
  }
  input.narrow {
    max-width: 10em;
  }
  textarea {
    min-height: 6em;
  }
  input:focus,
  select:focus,
  textarea:focus {
    outline: 3px solid var(--focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px;
  }
  .field--error input,
  .field--error textarea,
  .field--error select {
    border: 4px solid var(--error);
  }
  .error-message {
    display: block;
    margin-bottom: 15px;
    font-weight: 700;
    color: var(--error);
  }
  .checkbox {
    display: flex;
    gap: 10px;
    align-items: center;
    margin-bottom: 10px;
  }
  .checkbox input {
    width: 40px;
    height: 40px;
    margin: 0;
    accent-color: var(--text);
  }
  .checkbox input:focus {
    outline: 3px solid var(--focus);
  }
  .button,
  button {
    display: inline-block;
    margin: 0 15px 20px 0;
    padding: 8px 10px 7px;
    border: 2px solid transparent;
    border-radius: 0;
    font: inherit;
    line-height: 1.1875;
    color: #ffffff;
    background: var(--button);
    box-shadow: 0 2px 0 var(--button-shadow);
    cursor: pointer;
    text-decoration: none;
  }
  button:hover {
    background: #005a30;
  }
  .button--secondary {
    color: var(--text);
    background: var(--button-secondary);
    box-shadow: 0 2px 0 #929191;
  }
  .button--secondary:hover {
    background: #dbdad9;
  }
  .button--warning {
    background: var(--button-warning);
    box-shadow: 0 2px 0 #55150b;
  }
  .button--warning:hover {
    background: #aa2a16;
  }
  .link-button {
    margin: 0 15px 0 0;
    text-align: left;
    padding: 0;
    border: 0;
    color: var(--link);
    background: none;
    box-shadow: none;
    text-decoration: underline;
  }
  .link-button:hover {
    background: none;
    color: #003078;
  }
  button:focus-visible,
  .button:focus-visible {
    outline: 3px solid transparent;
    color: var(--text);
    background: var(--focus);
    box-shadow: 0 2px 0 var(--text);
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .error-summary {
    margin-bottom: 30px;
    padding: 15px;
    border: 5px solid var(--error);
  }
  .error-summary:focus {
    outline: 3px solid var(--focus);
  }
  .error-summary h2 {
    margin: 0 0 15px;
  }
  .error-summary ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .error-summary a {
    font-weight: 700;
    color: var(--error);
  }
`;

/** Everything an admin screen shares. */
export const adminStyles = [baseStyles, contentStyles];
