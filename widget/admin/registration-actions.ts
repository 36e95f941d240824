import { msg, str } from '@lit/localize';
import type { AdminRegistration, AdminWorkshopWithStats } from '../../worker/contract/index.js';
import type { AdminApi } from './api.js';

/** What an organizer can do for one person; each asks first and says what it will do. */
export type RegistrationAction =
  | { kind: 'resend-confirmation'; registration: AdminRegistration }
  | { kind: 'resend-join-link'; registration: AdminRegistration; workshopId: string }
  | { kind: 'cancel'; registration: AdminRegistration; workshopIds?: string[] }
  | { kind: 'erase'; registration: AdminRegistration };

/** Without a schedule the series sends the join link 24 hours before (the announcement's promise). */
const DEFAULT_LEAD_MINUTES = 24 * 60;

export const fullName = (r: AdminRegistration) => `${r.givenName} ${r.familyName}`;

/**
 * The workshops whose join link can be sent again now: a confirmed, held seat, from the series'
 * reminder lead before the start (when the reminder goes) until the end. The API checks this again.
 */
export function joinLinkWorkshops(
  r: AdminRegistration,
  workshops: readonly AdminWorkshopWithStats[],
  now: number,
  leadMinutes = DEFAULT_LEAD_MINUTES,
): AdminWorkshopWithStats[] {
  if (r.status !== 'confirmed') return [];
  return workshops.filter(
    (w) =>
      r.workshopIds.includes(w.id) &&
      !w.cancelledAt &&
      Date.parse(w.startsAt) - leadMinutes * 60_000 <= now &&
      now < Date.parse(w.endsAt),
  );
}

/** The question the confirmation step asks, and what it will do, in the organizer's words. */
export function describe(action: RegistrationAction): {
  question: string;
  effect: string;
  yes: string;
} {
  const name = fullName(action.registration);
  const email = action.registration.email;
  switch (action.kind) {
    case 'resend-confirmation':
      return {
        question: msg(str`Send the confirmation to ${name} again?`),
        effect:
          action.registration.status === 'pending'
            ? msg(str`${email} gets a new email with a link to confirm the registration.`)
            : msg(
                str`${email} gets the confirmation of the registration again, with calendar files.`,
              ),
        yes: msg('Yes, send it'),
      };
    case 'resend-join-link':
      return {
        question: msg(str`Send the join link to ${name} again?`),
        effect: msg(str`${email} gets the email with the join link to the workshop now.`),
        yes: msg('Yes, send the join link'),
      };
    case 'cancel':
      return {
        question: msg(str`Cancel the registration of ${name}?`),
        effect: action.workshopIds
          ? msg(str`Their seat in this workshop is released and ${email} is told by email.`)
          : msg(str`All their seats are released and ${email} is told by email.`),
        yes: msg('Yes, cancel the registration'),
      };
    case 'erase':
      return {
        question: msg(str`Erase ${name} for good?`),
        effect: msg(
          'Their registration, seats and every stored email to them are deleted from every table, and their seats are released. They are not told. Only anonymous counts of past attendance stay. This cannot be undone.',
        ),
        yes: msg('Yes, erase everything about them'),
      };
  }
}

/** Carries the action out; resolves with what to tell the organizer. */
export async function perform(api: AdminApi, action: RegistrationAction): Promise<string> {
  const id = action.registration.id;
  const name = fullName(action.registration);
  switch (action.kind) {
    case 'resend-confirmation':
      await api.call('POST', `/registrations/${id}/resend-confirmation`);
      return msg(str`The confirmation to ${name} is on its way.`);
    case 'resend-join-link':
      await api.call('POST', `/registrations/${id}/resend-join-link`, {
        workshopId: action.workshopId,
      });
      return msg(str`The join link to ${name} is on its way.`);
    case 'cancel':
      await api.call('POST', `/registrations/${id}/cancel`, {
        ...(action.workshopIds && { workshopIds: action.workshopIds }),
      });
      return msg(str`The registration of ${name} is cancelled; they are told by email.`);
    case 'erase':
      await api.call('DELETE', `/registrations/${id}`);
      return msg('The person is erased.');
  }
}
