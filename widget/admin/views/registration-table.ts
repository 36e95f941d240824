import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { AdminRegistration, AdminWorkshopWithStats } from '../../../worker/contract/index.js';
import { fullName, joinLinkWorkshops, type RegistrationAction } from '../registration-actions.js';
import { href } from '../routes.js';
import { formatDateTime } from '../time.js';
import { localizedText } from './localized-text.js';
import { scrollable } from './table.js';
import { organizationTypeLabel, seatDeliveries, statusTag } from './texts.js';

export interface RegistrationTableOptions {
  slug: string;
  locale: string;
  workshops: readonly AdminWorkshopWithStats[];
  /** The workshop the list is filtered by: cancelling then releases that seat only. */
  workshopId: string | undefined;
  now: number;
  /** The series sends a second, short reminder: its state is shown per seat. */
  secondReminder: boolean;
  /** The series' join-link lead: from then on the link can be sent again by hand. */
  leadMinutes?: number;
  ask: (action: RegistrationAction) => void;
}

function seats(r: AdminRegistration, o: RegistrationTableOptions) {
  return html`<ul class="plain">
    ${r.seats.map((seat) => {
      const w = o.workshops.find((x) => x.id === seat.workshopId);
      return html`<li>
        ${w ? localizedText(w.title, o.locale) : seat.workshopId}
        <span class="hint">
          ${seatDeliveries(seat, {
            secondReminder: o.secondReminder,
            followUp: Boolean(w?.followUp),
          }).join(', ')}
        </span>
      </li>`;
    })}
  </ul>`;
}

function actions(r: AdminRegistration, o: RegistrationTableOptions) {
  const name = fullName(r);
  const hidden = html`<span class="visually-hidden"> – ${name}</span>`;
  const open = r.status === 'pending' || r.status === 'confirmed';
  return html`<div class="row-actions">
    ${
      open
        ? html`<button
            class="link-button"
            @click=${() => o.ask({ kind: 'resend-confirmation', registration: r })}
          >
            ${msg('Resend confirmation')}${hidden}
          </button>`
        : nothing
    }
    ${joinLinkWorkshops(r, o.workshops, o.now, o.leadMinutes).map(
      (w) =>
        html`<button
          class="link-button"
          @click=${() => o.ask({ kind: 'resend-join-link', registration: r, workshopId: w.id })}
        >
          ${msg('Resend join link')}${hidden}
        </button>`,
    )}
    ${
      r.workshopIds.length > 0
        ? html`<button
            class="link-button"
            @click=${() =>
              o.ask({
                kind: 'cancel',
                registration: r,
                ...(o.workshopId && r.workshopIds.length > 1 && { workshopIds: [o.workshopId] }),
              })}
          >
            ${msg('Cancel registration')}${hidden}
          </button>`
        : nothing
    }
    <button class="link-button" @click=${() => o.ask({ kind: 'erase', registration: r })}>
      ${msg('Erase')}${hidden}
    </button>
  </div>`;
}

/** The people found: everything shown as text (names may contain anything a person typed). */
export function registrationTable(rows: readonly AdminRegistration[], o: RegistrationTableOptions) {
  return scrollable(
    msg('Registrations'),
    html` <table>
      <caption class="visually-hidden">
        ${msg('Registrations')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('Person')}</th>
          <th scope="col">${msg('Organization')}</th>
          <th scope="col">${msg('Status')}</th>
          <th scope="col">${msg('Workshops and join link')}</th>
          <th scope="col">${msg('Actions')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              <td>
                <a class="person" href=${href.registration(o.slug, r.id)}>${fullName(r)}</a
                ><br />${r.email}<br />
                <span class="hint">${formatDateTime(r.createdAt, o.locale)}</span>
              </td>
              <td>
                ${r.organization}<br />${r.role}<br />
                <span class="hint">${organizationTypeLabel(r.organizationType)}</span>
              </td>
              <td>${statusTag(r.status)}</td>
              <td>${seats(r, o)}</td>
              <td>${actions(r, o)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}
