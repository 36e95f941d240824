import { html } from 'lit';
import { msg, str } from '@lit/localize';
import type {
  AdminSeat,
  OrganizationType,
  RegistrationStatus,
  ReminderState,
} from '../../../worker/contract/index.js';
import { AdminApiError } from '../api.js';

/** The announcement's audience, as the widget names them. */
export function organizationTypeLabel(type: OrganizationType): string {
  switch (type) {
    case 'municipality':
      return msg('Municipality, town or city district');
    case 'region':
      return msg('Self-governing region');
    case 'university':
      return msg('University or research institution');
    case 'state':
      return msg('State institution');
    case 'expert':
      return msg('Expert');
    case 'business':
      return msg('Business');
    default:
      return msg('Other');
  }
}

/** A registration's status as a GOV.UK tag. */
export function statusTag(status: RegistrationStatus) {
  switch (status) {
    case 'confirmed':
      return html`<strong class="tag tag--green">${msg('Confirmed')}</strong>`;
    case 'pending':
      return html`<strong class="tag tag--yellow">${msg('Waiting for confirmation')}</strong>`;
    case 'cancelled':
      return html`<strong class="tag tag--grey">${msg('Cancelled')}</strong>`;
    default:
      return html`<strong class="tag tag--grey">${msg('Expired')}</strong>`;
  }
}

export function reminderLabel(state: ReminderState): string {
  switch (state) {
    case 'queued':
      return msg('Join link queued');
    case 'sent':
      return msg('Join link sent');
    case 'failed':
      return msg('Join link failed');
    default:
      return msg('Join link not due yet');
  }
}

/** "1 workshop", "3 workshopy", "5 workshopov": Intl.PluralRules picks the whole phrase. */
export function workshopCount(n: number, locale: string): string {
  const rule = new Intl.PluralRules(locale === 'en' ? 'en' : 'sk').select(n);
  if (rule === 'one') return msg(str`${n} workshop`, { id: 'workshops-one' });
  if (rule === 'few') return msg(str`${n} workshops`, { id: 'workshops-few' });
  return msg(str`${n} workshops`, { id: 'workshops-other' });
}

export function peopleCount(n: number, locale: string): string {
  const rule = new Intl.PluralRules(locale === 'en' ? 'en' : 'sk').select(n);
  if (rule === 'one') return msg(str`${n} person`, { id: 'people-one' });
  if (rule === 'few') return msg(str`${n} people`, { id: 'people-few' });
  return msg(str`${n} people`, { id: 'people-other' });
}

/** What an organizer is told when the API refuses; the code stays for developers. */
export function apiErrorText(error: AdminApiError): string {
  switch (error.code) {
    case 'network':
      return msg('The server could not be reached. Check your connection and try again.');
    case 'network_change':
      return msg(
        'The connection failed before the server answered, so the change may or may not have been made. Check your connection and try again.',
      );
    case 'unauthorized':
      return msg('You are not signed in, or the admin token is not valid.');
    case 'series_not_found':
      return msg('This series does not exist.');
    case 'workshop_not_found':
      return msg('This workshop does not exist.');
    case 'registration_not_found':
      return msg('This registration no longer exists.');
    case 'workshop_cancelled':
      return msg('The workshop is cancelled and cannot be changed.');
    case 'not_resendable':
      return msg('A cancelled or expired registration gets no confirmation.');
    case 'join_link_not_yet':
      return msg(
        'The join link can be sent once the series’ reminder time before the workshop has come.',
      );
    case 'join_link_closed':
      return msg('The workshop has ended; the join link is no longer sent.');
    case 'no_seat':
      return msg('This person has no confirmed seat in the workshop.');
    case 'nothing_to_cancel':
      return msg('This person holds no seat to cancel.');
    case 'recently_sent':
      return msg('The same message was sent less than a minute ago. Wait a moment.');
    case 'embed_not_built':
      return msg('The widget has not been built on this server (npm run build).');
    case 'validation':
      // A path the organizer typed or pasted into the address bar (#/series/…, ?series=…).
      if ('slug' in error.fields || 'series' in error.fields) {
        return msg(
          'No series has this address name: an address name has only lower-case letters without diacritics, digits and single dashes, at most 64 characters, like akcny-plan-2026. Check the address in the browser’s address bar.',
        );
      }
      if ('id' in error.fields || 'registrationId' in error.fields) {
        return msg(
          'This address leads nowhere: the record’s identifier in it is not valid. Check the address in the browser’s address bar.',
        );
      }
      return msg('Some of the values are not valid.');
    case 'edit_conflict':
      return msg('Someone else saved changes meanwhile, so yours were not saved. Reload the page.');
    case 'series_exists':
      return msg('A series with this address name already exists.');
    default:
      return msg(str`The server refused the request (${error.code}).`);
  }
}

/** Any failure in words: the API's refusal, or (a fault of this page) an apology. */
export function failureText(error: unknown): string {
  if (error instanceof AdminApiError) return apiErrorText(error);
  return msg('Something went wrong on this page. Try again; if it happens again, reload the page.');
}

export function secondReminderLabel(state: ReminderState): string {
  switch (state) {
    case 'queued':
      return msg('Short reminder queued');
    case 'sent':
      return msg('Short reminder sent');
    case 'failed':
      return msg('Short reminder failed');
    default:
      return msg('Short reminder not due yet');
  }
}

export function followUpLabel(state: ReminderState): string {
  switch (state) {
    case 'queued':
      return msg('Follow-up queued');
    case 'sent':
      return msg('Follow-up sent');
    case 'failed':
      return msg('Follow-up failed');
    default:
      return msg('Follow-up not due yet');
  }
}

/**
 * A seat's emails after the confirmation (issue 12): the join link, and the short reminder and
 * the follow-up where the series or workshop has them (or one already went out).
 */
export function seatDeliveries(
  seat: AdminSeat,
  has: { secondReminder: boolean; followUp: boolean },
): string[] {
  const held = seat.status === 'held';
  const shows = (state: ReminderState | undefined, configured: boolean) =>
    state !== undefined && ((held && configured) || state !== 'not_due');
  return [
    ...(held ? [reminderLabel(seat.reminder)] : [msg('seat released')]),
    ...(shows(seat.secondReminder, has.secondReminder)
      ? [secondReminderLabel(seat.secondReminder!)]
      : []),
    ...(shows(seat.followUp, has.followUp) ? [followUpLabel(seat.followUp!)] : []),
  ];
}
