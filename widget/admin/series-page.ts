import { html, nothing } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { property, state } from 'lit/decorators.js';
import type {
  AdminMessagesResponse,
  AdminSeriesResponse,
  AdminWorkshopWithStats,
} from '../../worker/contract/index.js';
import { AdminScreen } from './admin-screen.js';
import { href } from './routes.js';
import { localizedString, localizedText } from './views/localized-text.js';
import { workshopCard } from './views/workshop-card.js';

/** One series: its settings, every workshop at a glance, and what can be done with them. */
@localized()
export class AdminSeriesPage extends AdminScreen {
  @property() slug = '';

  @state() private data: AdminSeriesResponse | null = null;
  @state() private mail: AdminMessagesResponse | null = null;
  /** Said in a live region after a download started. */
  @state() private status = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(async () => {
      this.data = await this.api.get<AdminSeriesResponse>(`/series/${this.slug}`);
      this.nameScreen(localizedString(this.data.series.title, this.locale));
      this.mail = await this.api.get<AdminMessagesResponse>(`/series/${this.slug}/messages`);
    });
  }

  private async download(path: string, fallback: string) {
    this.status = '';
    await this.attempt(async () => {
      const name = await this.api.download(`${path}?lang=${this.locale}`, fallback);
      this.status = msg(str`Downloaded ${name}`);
    });
  }

  private downloadWorkshop = (w: AdminWorkshopWithStats) =>
    void this.download(`/workshops/${w.id}/registrations.csv`, `${this.slug}-${w.id}.csv`);

  /** Failed emails go back to the queue (those no longer true are dropped by the worker). */
  private async retryFailed() {
    await this.attempt(async () => {
      const r = await this.api.call<{ requeued: number; dropped: number }>(
        'POST',
        `/series/${this.slug}/messages/retry`,
      );
      this.status = msg(str`Sent again: ${r!.requeued}. Dropped as no longer true: ${r!.dropped}.`);
      this.mail = await this.api.get<AdminMessagesResponse>(`/series/${this.slug}/messages`);
    });
  }

  /** Whether email goes out at all, and what failed. */
  private delivery() {
    const mail = this.mail;
    if (!mail) return nothing;
    const failed = mail.messages.filter((m) => m.status === 'failed').length;
    return html`${
      mail.warning
        ? html`<div class="notice notice--warning">
            <p>${msg('Emails are not being sent: the server’s mail setup needs attention.')}</p>
            <p><code>${mail.warning}</code></p>
          </div>`
        : nothing
    }
    ${
      failed > 0
        ? html`<div class="notice notice--warning">
            <p>${msg(str`Emails that could not be sent: ${failed}.`)}</p>
            <button class="button--secondary" @click=${() => void this.retryFailed()}>
              ${msg('Send the failed emails again')}
            </button>
          </div>`
        : nothing
    }`;
  }

  private settings(d: AdminSeriesResponse) {
    const s = d.series;
    return html`<dl class="summary-list">
      <div>
        <dt>${msg('Address name')}</dt>
        <dd><code>${s.slug}</code></dd>
      </div>
      <div>
        <dt>${msg('Organizer')}</dt>
        <dd>${s.organizer.name}, ${s.organizer.email}</dd>
      </div>
      <div>
        <dt>${msg('Privacy notice')}</dt>
        <dd><a href=${s.privacyUrl}>${s.privacyUrl}</a></dd>
      </div>
      <div>
        <dt>${msg('Personal data kept for')}</dt>
        <dd>${msg(str`${s.retentionDays} days after the person’s last workshop`)}</dd>
      </div>
      <div>
        <dt>${msg('Websites allowed to embed it')}</dt>
        <dd>${s.allowedOrigins.length ? s.allowedOrigins.join(', ') : msg('Any website')}</dd>
      </div>
      <div>
        <dt>${msg('Cloudflare Turnstile')}</dt>
        <dd>${s.turnstile ? msg('On') : msg('Off')}</dd>
      </div>
    </dl>`;
  }

  override render() {
    const d = this.data;
    if (!d) {
      return html`<h1 tabindex="-1">${msg('Series')}</h1>
        ${this.failureNotice()}
        ${this.failure ? nothing : html`<p role="status">${msg('Loading…')}</p>`}`;
    }
    const now = Date.now();
    return html`<h1 tabindex="-1">${localizedText(d.series.title, this.locale)}</h1>
      ${d.archived ? html`<p><strong class="tag tag--grey">${msg('Archived')}</strong></p>` : nothing}
      ${this.failureNotice()}
      <div role="status">
        ${this.status ? html`<p class="notice notice--success">${this.status}</p>` : nothing}
      </div>
      <div class="actions">
        <a class="button" href=${href.workshopNew(this.slug)}>${msg('Add a workshop')}</a>
        <a class="button button--secondary" href=${href.registrations(this.slug)}
          >${msg('All registrations')}</a
        >
        <button
          class="button--secondary"
          @click=${() =>
            void this.download(`/series/${this.slug}/registrations.csv`, `${this.slug}.csv`)}
        >
          ${msg('Download CSV of the series')}
        </button>
        <a class="button button--secondary" href=${href.seriesEdit(this.slug)}
          >${msg('Edit the series')}</a
        >
        <a class="button button--secondary" href=${href.audit(this.slug)}
          >${msg('Audit log of the series')}</a
        >
        <a class="button button--secondary" href=${href.embed(this.slug)}
          >${msg('Embed on a website')}</a
        >
      </div>
      ${this.delivery()} ${this.settings(d)}
      ${
        d.workshops.length === 0
          ? html`<p>${msg('No workshops yet.')}</p>`
          : d.workshops.map((w) =>
              workshopCard(w, {
                slug: this.slug,
                locale: this.locale,
                now,
                download: this.downloadWorkshop,
              }),
            )
      }`;
  }
}

if (!customElements.get('ws-admin-series-page'))
  customElements.define('ws-admin-series-page', AdminSeriesPage);
