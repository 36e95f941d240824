import { html } from 'lit';
import { localized, msg } from '@lit/localize';
import { property, state } from 'lit/decorators.js';
import { AdminScreen } from './admin-screen.js';
import type { AdminApiError } from './api.js';
import { errorSummary, field, focusErrorSummary, type FieldError } from './views/form.js';
import { apiErrorText } from './views/texts.js';

/**
 * Sign-in with the admin token: typed once, kept in this tab's sessionStorage by the app, sent
 * only in the Authorization header — never in a URL. Behind Cloudflare Access this screen is
 * never shown.
 */
@localized()
export class AdminSignIn extends AdminScreen {
  /** Set by the app: tries the token; resolves with the refusal, or null when signed in. */
  @property({ attribute: false }) signIn: (token: string) => Promise<AdminApiError | null> =
    async () => null;

  @state() private token = '';
  @state() private errors: FieldError[] = [];
  @state() private busy = false;

  private async submit(event: Event) {
    event.preventDefault();
    const token = this.token.trim();
    if (!token) {
      this.errors = [{ id: 'token', text: msg('Enter the admin token') }];
    } else {
      this.busy = true;
      const refused = await this.signIn(token);
      this.busy = false;
      if (!refused) return;
      this.errors = [
        {
          id: 'token',
          text:
            refused.status === 401
              ? msg('The admin token is not valid. Check it and enter it again.')
              : apiErrorText(refused),
        },
      ];
    }
    await focusErrorSummary(this, this.shadowRoot);
  }

  override render() {
    const error = this.errors[0]?.text;
    return html`<h1 tabindex="-1">${msg('Sign in to the administration')}</h1>
      ${errorSummary(this.errors, this.shadowRoot)}
      <p>
        ${msg(
          'Enter the admin token of this server. It stays in this browser tab only and is forgotten when you close it.',
        )}
      </p>
      <form novalidate @submit=${this.submit}>
        ${field({
          id: 'token',
          label: msg('Admin token'),
          hint: msg('npm start prints it; on a server it is the ADMIN_TOKEN secret.'),
          type: 'password',
          autocomplete: 'current-password',
          value: this.token,
          error,
          onInput: (v) => (this.token = v),
        })}
        <button type="submit" ?disabled=${this.busy}>${msg('Sign in')}</button>
      </form>`;
  }
}

if (!customElements.get('ws-admin-sign-in')) customElements.define('ws-admin-sign-in', AdminSignIn);
