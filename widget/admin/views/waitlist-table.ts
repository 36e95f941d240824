import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { AdminApi } from '../api.js';
import type { AdminWaitlistEntry, WaitlistPlaceState } from '../../../worker/contract/index.js';
import { formatDateTime } from '../time.js';
import { scrollable } from './table.js';
import { statusTag } from './texts.js';

/** What an organizer can do to one place in line; each asks first and says what it will do. */
export interface WaitlistAction {
  kind: 'promote' | 'remove';
  entry: AdminWaitlistEntry;
}

const fullName = (e: AdminWaitlistEntry) => `${e.givenName} ${e.familyName}`;

/** Only a confirmed person still waiting can be moved in; the API checks again (409). */
export const canPromote = (e: AdminWaitlistEntry) =>
  e.state === 'waiting' && e.registrationStatus === 'confirmed';
export const canRemove = (e: AdminWaitlistEntry) => e.state === 'waiting' || e.state === 'offered';

/** A place's state as a GOV.UK tag. */
export function placeStateTag(state: WaitlistPlaceState) {
  switch (state) {
    case 'waiting':
      return html`<strong class="tag tag--yellow"
        >${msg('Waiting', { id: 'waitlist-waiting' })}</strong
      >`;
    case 'offered':
      return html`<strong class="tag tag--yellow">${msg('Seat offered')}</strong>`;
    case 'promoted':
      return html`<strong class="tag tag--green">${msg('Moved in')}</strong>`;
    case 'offer_expired':
      return html`<strong class="tag tag--grey">${msg('Offer ran out')}</strong>`;
    case 'removed':
      return html`<strong class="tag tag--grey">${msg('Removed by an organizer')}</strong>`;
    case 'left':
      return html`<strong class="tag tag--grey">${msg('Left the line')}</strong>`;
    default:
      return html`<strong class="tag tag--grey">${msg('Never confirmed')}</strong>`;
  }
}

/** The question the confirmation step asks, and what it will do. */
export function describeWaitlistAction({ kind, entry }: WaitlistAction) {
  const name = fullName(entry);
  const email = entry.email;
  return kind === 'promote'
    ? {
        question: msg(str`Move ${name} into the workshop now?`),
        effect: msg(
          str`${name} gets a seat now, ahead of anyone before them in line, and ${email} is told by email. If the workshop is full, its capacity goes up by one.`,
        ),
        yes: msg('Yes, move them in'),
      }
    : {
        question: msg(str`Remove ${name} from the waiting list?`),
        effect: msg(
          str`${name} loses their place in line and will not get a freed seat. Their registration stays, and they are not told by email.`,
        ),
        yes: msg('Yes, remove them from the line'),
      };
}

/** Carries the action out; resolves with what to tell the organizer. */
export async function performWaitlistAction(
  api: AdminApi,
  workshopId: string,
  { kind, entry }: WaitlistAction,
): Promise<string> {
  const path = `/workshops/${workshopId}/waitlist/${entry.registrationId}`;
  const name = fullName(entry);
  if (kind === 'promote') {
    await api.call('POST', `${path}/promote`);
    return msg(str`${name} has a seat in the workshop now and is told by email.`);
  }
  await api.call('DELETE', path);
  return msg(str`${name} is no longer on the waiting list.`);
}

function when(e: AdminWaitlistEntry, locale: string) {
  const at = (instant: string) => formatDateTime(instant, locale);
  return html`${msg(str`Joined ${at(e.joinedAt)}`)}
  ${
    e.offeredUntil && e.state === 'offered'
      ? html`<br />${msg(str`Offer valid until ${at(e.offeredUntil)}`)}`
      : nothing
  }
  ${e.promotedAt ? html`<br />${msg(str`Moved in ${at(e.promotedAt)}`)}` : nothing}
  ${e.endedAt && !e.promotedAt ? html`<br />${msg(str`Ended ${at(e.endedAt)}`)}` : nothing}`;
}

function actions(e: AdminWaitlistEntry, ask: (action: WaitlistAction) => void) {
  const hidden = html`<span class="visually-hidden"> – ${fullName(e)}</span>`;
  return html`<div class="row-actions">
    ${
      canPromote(e)
        ? html`<button class="link-button" @click=${() => ask({ kind: 'promote', entry: e })}>
            ${msg('Move into the workshop')}${hidden}
          </button>`
        : nothing
    }
    ${
      canRemove(e)
        ? html`<button class="link-button" @click=${() => ask({ kind: 'remove', entry: e })}>
            ${msg('Remove from the line')}${hidden}
          </button>`
        : nothing
    }
  </div>`;
}

/** The line in join order: everything a person typed shown as text. */
export function waitlistTable(
  rows: readonly AdminWaitlistEntry[],
  locale: string,
  ask: (action: WaitlistAction) => void,
) {
  return scrollable(
    msg('Waiting list'),
    html`<table>
      <caption class="visually-hidden">
        ${msg('Waiting list, in the order people joined')}
      </caption>
      <thead>
        <tr>
          <th scope="col" class="numeric">${msg('Order')}</th>
          <th scope="col">${msg('Person')}</th>
          <th scope="col">${msg('State')}</th>
          <th scope="col">${msg('Place in line')}</th>
          <th scope="col">${msg('When')}</th>
          <th scope="col">${msg('Actions')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (e, i) =>
            html`<tr>
              <td class="numeric">${i + 1}</td>
              <td>${fullName(e)}<br />${e.email}</td>
              <td>${placeStateTag(e.state)}<br />${statusTag(e.registrationStatus)}</td>
              <td>${e.place === null ? '–' : msg(str`${e.place}. in line`)}</td>
              <td>${when(e, locale)}</td>
              <td>${actions(e, ask)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}
