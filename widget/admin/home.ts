import { html, nothing } from 'lit';
import { localized, msg } from '@lit/localize';
import { state } from 'lit/decorators.js';
import type { AdminSeriesListResponse, AdminSeriesSummary } from '../../worker/contract/index.js';
import { AdminScreen } from './admin-screen.js';
import { href } from './routes.js';
import { formatDateTime } from './time.js';
import { localizedText } from './views/localized-text.js';
import { scrollable } from './views/table.js';
import { workshopCount } from './views/texts.js';

/**
 * Home: every series, those with workshops to come first (the API orders them), past ones in an
 * archive below — never deleted.
 */
@localized()
export class AdminHome extends AdminScreen {
  @state() private series: AdminSeriesSummary[] | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(async () => {
      this.series = (await this.api.get<AdminSeriesListResponse>('/series')).series;
    });
  }

  private table(rows: AdminSeriesSummary[], caption: string) {
    return scrollable(
      caption,
      html`<table>
        <caption class="visually-hidden">
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Series')}</th>
            <th scope="col">${msg('Next workshop')}</th>
            <th scope="col">${msg('Workshops')}</th>
            <th scope="col" class="numeric">${msg('Confirmed seats')}</th>
            <th scope="col" class="numeric">${msg('Seats waiting for confirmation')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (s) =>
              html`<tr>
                <td><a href=${href.series(s.slug)}>${localizedText(s.title, this.locale)}</a></td>
                <td>${s.nextStartsAt ? formatDateTime(s.nextStartsAt, this.locale) : '—'}</td>
                <td>${workshopCount(s.workshops, this.locale)}</td>
                <td class="numeric">${s.seats.confirmed}</td>
                <td class="numeric">${s.seats.pending}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
    );
  }

  override render() {
    const current = this.series?.filter((s) => !s.archived) ?? [];
    const archived = this.series?.filter((s) => s.archived) ?? [];
    return html`<h1 tabindex="-1">${msg('Workshop series')}</h1>
      ${this.failureNotice()}
      <a class="button" href=${href.seriesNew()}>${msg('Create a series')}</a>
      ${
        this.series === null
          ? this.failure
            ? nothing
            : html`<p role="status">${msg('Loading…')}</p>`
          : html`<h2>${msg('Current series')}</h2>
              ${
                current.length
                  ? this.table(current, msg('Current series'))
                  : html`<p>${msg('No current series. Create one to add workshops.')}</p>`
              }
              <h2>${msg('Archive')}</h2>
              <p class="hint">${msg('Series whose workshops have all ended or were cancelled.')}</p>
              ${
                archived.length
                  ? this.table(archived, msg('Archive'))
                  : html`<p>${msg('Nothing archived yet.')}</p>`
              }`
      }`;
  }
}

if (!customElements.get('ws-admin-home')) customElements.define('ws-admin-home', AdminHome);
