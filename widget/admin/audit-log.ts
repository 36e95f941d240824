import { html, nothing } from 'lit';
import { localized, msg } from '@lit/localize';
import { property, state } from 'lit/decorators.js';
import type { AuditAction, AuditEntry, AuditResponse } from '../../worker/contract/index.js';
import { AdminScreen } from './admin-screen.js';
import { href } from './routes.js';
import { formatDateTime } from './time.js';
import { scrollable } from './views/table.js';

function actionLabel(action: AuditAction): string {
  switch (action) {
    case 'series.create':
      return msg('Series created');
    case 'series.update':
      return msg('Series changed');
    case 'workshop.create':
      return msg('Workshop added');
    case 'workshop.update':
      return msg('Workshop changed');
    case 'workshop.cancel':
      return msg('Workshop cancelled');
    case 'messages.retry':
      return msg('Failed emails sent again');
    case 'registration.resend_confirmation':
      return msg('Confirmation sent again');
    case 'registration.resend_join_link':
      return msg('Join link sent again');
    case 'registration.cancel':
      return msg('Registration cancelled by an organizer');
    case 'registration.erase':
      return msg('Person erased');
    case 'export.series':
      return msg('Series exported');
    case 'export.workshop':
      return msg('Workshop exported');
    case 'waitlist.promote':
      return msg('Moved in from the waiting list');
    case 'waitlist.remove':
      return msg('Removed from the waiting list');
    default:
      return action;
  }
}

/** A field an edit changed (`detail.fields` of workshop.update, series.update), in the forms' words. */
function fieldLabel(name: string): string {
  switch (name) {
    case 'title':
      return msg('title');
    case 'description':
      return msg('description');
    case 'startsAt':
      return msg('start');
    case 'endsAt':
      return msg('end');
    case 'capacity':
      return msg('number of seats');
    case 'joinUrl':
      return msg('join link');
    case 'registrationClosesAt':
      return msg('end of registration');
    case 'waitlist':
      return msg('waiting list');
    case 'waitlistMode':
      return msg('how the waiting list moves');
    case 'offerMinutes':
      return msg('how long an offered seat waits');
    case 'followUp':
      return msg('message after the workshop');
    case 'privacyUrl':
      return msg('privacy notice');
    case 'organizer':
      return msg('organizer');
    case 'retentionDays':
      return msg('how long personal data is kept');
    case 'allowedOrigins':
      return msg('websites allowed to embed it');
    case 'turnstile':
      return msg('Cloudflare Turnstile');
    case 'reminders':
      return msg('join-link emails');
    default:
      return name;
  }
}

/** What an edit changed, under its action (entries from before this was recorded have none). */
function changedFields(e: AuditEntry) {
  const fields = e.detail.fields;
  if (!Array.isArray(fields) || fields.length === 0) return nothing;
  return html`<br /><span class="hint"
      >${msg('Changed:')} ${fields.map((f) => fieldLabel(String(f))).join(', ')}</span
    >`;
}

/** Who did what to which record, newest first: ids only, never a registrant's data. */
@localized()
export class AdminAuditLog extends AdminScreen {
  /** Only this series' entries; empty: all. */
  @property() series = '';

  @state() private entries: AuditEntry[] | null = null;
  @state() private next: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.more();
  }

  private async more() {
    await this.load(async () => {
      const query = new URLSearchParams({ limit: '50' });
      if (this.series) query.set('series', this.series);
      if (this.next) query.set('before', this.next);
      const page = await this.api.get<AuditResponse>(`/audit?${query}`);
      this.entries = [...(this.entries ?? []), ...page.entries];
      this.next = page.next;
    });
  }

  private record(e: AuditEntry) {
    if (!e.target) return '—';
    if (e.target.id === null) return msg('(erased)');
    return e.target.id;
  }

  override render() {
    return html`<h1 tabindex="-1">${msg('Audit log')}</h1>
      <p>
        ${msg(
          'Every change made on this page or through the admin API: when, by whom, on which record. It holds no personal data of registrants.',
        )}
      </p>
      ${
        this.series
          ? html`<p>
              ${msg('Series:')} <code>${this.series}</code> ·
              <a href=${href.audit()}>${msg('Show every series')}</a>
            </p>`
          : nothing
      }
      ${this.failureNotice()}
      ${
        this.entries === null
          ? nothing
          : this.entries.length === 0
            ? html`<p>${msg('Nothing recorded yet.')}</p>`
            : scrollable(
                msg('Audit log'),
                html`<table>
                  <caption class="visually-hidden">
                    ${msg('Audit log')}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">${msg('When')}</th>
                      <th scope="col">${msg('Who')}</th>
                      <th scope="col">${msg('What')}</th>
                      <th scope="col">${msg('Series')}</th>
                      <th scope="col">${msg('Record')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${this.entries.map(
                      (e) =>
                        html`<tr>
                          <td>${formatDateTime(e.at, this.locale)}</td>
                          <td>${e.actor === 'admin token' ? msg('admin token') : e.actor}</td>
                          <td>${actionLabel(e.action)}${changedFields(e)}</td>
                          <td>${e.series ?? '—'}</td>
                          <td><code>${this.record(e)}</code></td>
                        </tr>`,
                    )}
                  </tbody>
                </table>`,
              )
      }
      ${
        this.next
          ? html`<button class="button--secondary" @click=${() => void this.more()}>
              ${msg('Show older entries')}
            </button>`
          : nothing
      }`;
  }
}

if (!customElements.get('ws-admin-audit-log'))
  customElements.define('ws-admin-audit-log', AdminAuditLog);
