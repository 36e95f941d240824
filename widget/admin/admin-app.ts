import { LitElement, html, nothing } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { AdminMe } from '../../worker/contract/index.js';
import { AdminApi, AdminApiError, TOKEN_KEY } from './api.js';
import { adminStyles } from './admin.styles.js';
import { appStyles } from './admin-app.styles.js';
import { AdminScreen } from './admin-screen.js';
import { initialLocale, useLocale, type AdminLocale } from './localization.js';
import { href, parseRoute, type Route } from './routes.js';
import { screenFor, titleFor } from './screens.js';
import { apiErrorText } from './views/texts.js';
import './sign-in.js';

/**
 * The admin page (/admin): signs the organizer in, then shows one screen per hash route, moving
 * focus to its heading and naming it in the document title.
 *
 * @summary Organizers' admin page for workshop-signup.
 */
@localized()
export class AdminApp extends LitElement {
  static override styles = [...adminStyles, appStyles];

  @state() private me: AdminMe | null = null;
  @state() private checking = true;
  @state() private route: Route = parseRoute(location.hash);
  @state() private locale: AdminLocale = initialLocale();
  /** Why the server could not say who is signed in when the page opened (not a 401). */
  @state() private unreachable: AdminApiError | null = null;
  private api = new AdminApi(null);

  /** What the current screen called itself (a series' title), else the route's name. */
  private screenName: string | null = null;

  private onScreenName = (event: Event) => {
    this.screenName = (event as CustomEvent<{ name: string }>).detail.name;
    this.updateTitle();
  };

  private onHashChange = () => {
    this.screenName = null;
    this.route = parseRoute(location.hash);
    void this.focusScreen();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    this.addEventListener('ws-admin-screen-name', this.onScreenName);
    void useLocale(this.locale);
    void this.start();
  }

  /** Signs in with the tab's token (or Access) as the page opens, and again on "Try again". */
  private start = async () => {
    this.unreachable = null;
    this.checking = true;
    await this.signIn(sessionStorage.getItem(TOKEN_KEY), true);
  };

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    super.disconnectedCallback();
  }

  /**
   * Asks /admin/me with the token (or none: behind Cloudflare Access the worker knows the person
   * already). Returns the refusal, if any, for the sign-in form to show.
   */
  async signIn(token: string | null, opening = false): Promise<AdminApiError | null> {
    const api = new AdminApi(token);
    try {
      this.me = await api.get<AdminMe>('/me');
      this.api = this.withSignOutOn401(api);
      if (token) sessionStorage.setItem(TOKEN_KEY, token);
      return null;
    } catch (error) {
      if (!(error instanceof AdminApiError)) throw error;
      if (error.status === 401) {
        if (token) sessionStorage.removeItem(TOKEN_KEY);
      } else if (opening) {
        // Not a refusal: the token may be fine. Say so and offer to try again, not a sign-in form.
        this.unreachable = error;
      }
      return error;
    } finally {
      this.checking = false;
      void this.focusScreen();
    }
  }

  private withSignOutOn401(api: AdminApi): AdminApi {
    api.onUnauthorized = () => this.signOut();
    return api;
  }

  private signOut = () => {
    sessionStorage.removeItem(TOKEN_KEY);
    this.me = null;
    this.api = new AdminApi(null);
    void this.focusScreen();
  };

  private async switchLocale() {
    this.locale = this.locale === 'sk' ? 'en' : 'sk';
    await useLocale(this.locale);
    this.updateTitle();
  }

  private updateTitle() {
    const screen = this.me ? (this.screenName ?? titleFor(this.route)) : msg('Sign in');
    document.title = `${screen} – ${msg('Workshop registration administration')}`;
  }

  /** After a route change: the new screen's h1 gets focus, the title names it. */
  private async focusScreen() {
    await this.updateComplete;
    this.updateTitle();
    const main = this.renderRoot.querySelector('main');
    const first = main?.firstElementChild;
    if (first instanceof AdminScreen) {
      await first.updateComplete;
      first.focusHeading();
    } else if (first instanceof HTMLHeadingElement) {
      (main!.querySelector<HTMLElement>('.failure') ?? first).focus();
    }
  }

  private navLink(target: string, label: string, current: boolean) {
    return html`<li>
      <a href=${target} aria-current=${current ? 'page' : 'false'}>${label}</a>
    </li>`;
  }

  private header() {
    const r = this.route.name;
    const other = this.locale === 'sk' ? 'English' : 'Slovensky';
    return html`<header class="header">
      <div class="width">
        <a class="service-name" href=${href.home()}>${msg('Workshop registration')}</a>
        ${
          this.me
            ? html`<nav aria-label=${msg('Administration')}>
                <ul>
                  ${this.navLink(href.home(), msg('Series', { id: 'nav-series' }), r !== 'embed' && r !== 'audit')}
                  ${this.navLink(href.embed(), msg('Embed on a website'), r === 'embed')}
                  ${this.navLink(href.audit(), msg('Audit log'), r === 'audit')}
                </ul>
              </nav>`
            : nothing
        }
        <button
          class="link-button"
          lang=${this.locale === 'sk' ? 'en' : 'sk'}
          @click=${() => void this.switchLocale()}
        >
          ${other}
        </button>
        ${this.me ? this.who(this.me) : nothing}
      </div>
    </header>`;
  }

  private who(me: AdminMe) {
    const actor = me.via === 'access' ? me.actor : msg('admin token');
    return html`<span class="who">${msg(str`Signed in: ${actor}`)}</span> ${
        me.via === 'token'
          ? html`<button class="link-button" @click=${this.signOut}>${msg('Sign out')}</button>`
          : html`<a href="/cdn-cgi/access/logout">${msg('Sign out')}</a>`
      }`;
  }

  private unreachableNotice(error: AdminApiError) {
    return html`<h1 tabindex="-1">${msg('Workshop registration administration')}</h1>
      <div class="notice notice--warning failure" role="alert" tabindex="-1">
        <p>${apiErrorText(error)}</p>
        <button class="button--secondary" @click=${this.start}>${msg('Try again')}</button>
      </div>`;
  }

  override render() {
    return html`${this.header()}
      <div class="width">
        <main id="main">
          ${
            this.checking
              ? html`<p role="status">${msg('Loading…')}</p>`
              : this.unreachable
                ? this.unreachableNotice(this.unreachable)
                : this.me
                  ? keyed(JSON.stringify(this.route), screenFor(this.route, this.api, this.locale))
                  : html`<ws-admin-sign-in
                      .signIn=${(token: string) => this.signIn(token)}
                      locale=${this.locale}
                    ></ws-admin-sign-in>`
          }
        </main>
      </div>
      <footer class="width">
        <p class="hint">${msg('Times are Bratislava time (CET in winter, CEST in summer).')}</p>
      </footer>`;
  }
}

if (!customElements.get('ws-admin-app')) customElements.define('ws-admin-app', AdminApp);
