import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { AdminWorkshopWithStats } from '../../../worker/contract/index.js';
import { ORGANIZATION_TYPES } from '../../../worker/contract/registration-rules.js';
import { href } from '../routes.js';
import { formatDateTime, formatTimeRange } from '../time.js';
import { localizedText } from './localized-text.js';
import { organizationTypeLabel, peopleCount } from './texts.js';

export interface WorkshopCardOptions {
  slug: string;
  locale: string;
  now: number;
  download: (workshop: AdminWorkshopWithStats) => void;
}

function stateTag(w: AdminWorkshopWithStats, now: number) {
  if (w.cancelledAt)
    return html`<strong class="tag tag--red"
      >${msg('Cancelled', { id: 'workshop-state-cancelled' })}</strong
    >`;
  if (Date.parse(w.endsAt) <= now)
    return html`<strong class="tag tag--grey">${msg('Ended')}</strong>`;
  if (w.registrationOpen) return html`<strong class="tag tag--green">${msg('Open')}</strong>`;
  return html`<strong class="tag">${msg('Registration closed')}</strong>`;
}

/** One workshop at a glance: seats, reminders, who comes (by organization type), actions. */
export function workshopCard(w: AdminWorkshopWithStats, o: WorkshopCardOptions) {
  const s = w.stats;
  const headingId = `workshop-${w.id}`;
  const when = formatTimeRange(w.startsAt, w.endsAt, o.locale);
  return html`<section aria-labelledby=${headingId}>
    <h2 id=${headingId}>${localizedText(w.title, o.locale)}</h2>
    <p>${stateTag(w, o.now)} ${when}</p>
    <dl class="summary-list">
      <div>
        <dt>${msg('Capacity')}</dt>
        <dd>${msg(str`${w.capacity} seats, ${w.seatsLeft} left`)}</dd>
      </div>
      <div>
        <dt>${msg('Registrations')}</dt>
        <dd>
          ${msg(
            str`${s.confirmed} confirmed, ${s.pending} waiting for confirmation, ${s.cancelled} cancelled, ${s.expired} expired`,
          )}
        </dd>
      </div>
      <div>
        <dt>${msg('Waiting list')}</dt>
        <dd>
          ${
            w.waitlist
              ? msg(str`In line now: ${peopleCount(w.inLine, o.locale)}`)
              : msg('The waiting list is switched off for this workshop.')
          }
        </dd>
      </div>
      <div>
        <dt>${msg('Join-link emails')}</dt>
        <dd>
          ${msg(
            str`${s.reminders.queued} queued, ${s.reminders.sent} sent, ${s.reminders.failed} failed`,
          )}
        </dd>
      </div>
      <div>
        <dt>${msg('Registration closes')}</dt>
        <dd>${formatDateTime(w.registrationClosesAt, o.locale)}</dd>
      </div>
    </dl>
    <table>
      <caption>
        ${msg('Confirmed participants by type of organization')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('Type of organization')}</th>
          <th scope="col" class="numeric">${msg('Participants')}</th>
        </tr>
      </thead>
      <tbody>
        ${ORGANIZATION_TYPES.map(
          (type) =>
            html`<tr>
              <td>${organizationTypeLabel(type)}</td>
              <td class="numeric">${s.organizationTypes[type] ?? 0}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <div class="actions">
      <a class="button button--secondary" href=${href.registrations(o.slug, w.id)}
        >${msg('Registrations')}<span class="visually-hidden">
          – ${localizedText(w.title, o.locale)}</span
        ></a
      >
      <a class="button button--secondary" href=${href.workshopWaitlist(o.slug, w.id)}
        >${msg('Waiting list')}<span class="visually-hidden">
          – ${localizedText(w.title, o.locale)}</span
        ></a
      >
      <button class="button--secondary" @click=${() => o.download(w)}>
        ${msg('Download CSV')}<span class="visually-hidden">
          – ${localizedText(w.title, o.locale)}</span
        >
      </button>
      ${
        w.cancelledAt
          ? nothing
          : html`<a class="button button--secondary" href=${href.workshopEdit(o.slug, w.id)}
                >${msg('Edit')}<span class="visually-hidden">
                  – ${localizedText(w.title, o.locale)}</span
                ></a
              >
              <a class="button button--warning" href=${href.workshopCancel(o.slug, w.id)}
                >${msg('Cancel the workshop')}<span class="visually-hidden">
                  – ${localizedText(w.title, o.locale)}</span
                ></a
              >`
      }
    </div>
  </section>`;
}
