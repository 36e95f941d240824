import type {
  AdminMessage,
  AdminRegistration,
  OrganizationType,
  ReminderState,
} from '../../contract';
import type { MessageStatus } from '../db/outbox';
import type { RegistrationRecord } from '../db/registrations';
import { seatKey } from '../domain/workshop-stats';
import type { SeatDeliveries } from '../domain/follow-ups';
import { iso, isoOrNull } from '../views';

/**
 * A registration as organizers see it, field by field: names and organizations are data, never
 * markup (JSON carries them as strings; the admin page puts them into text nodes).
 */
export const adminRegistration = (
  r: RegistrationRecord,
  reminders: ReadonlyMap<string, ReminderState>,
  deliveries: ReadonlyMap<string, SeatDeliveries> = new Map(),
): AdminRegistration => ({
  id: r.id,
  givenName: r.givenName,
  familyName: r.familyName,
  email: r.email,
  organizationType: r.organizationType as OrganizationType,
  organization: r.organization,
  role: r.role,
  locale: r.locale,
  status: r.status,
  createdAt: iso(r.createdAt),
  confirmedAt: isoOrNull(r.confirmedAt),
  workshopIds: r.workshopIds,
  seats: r.seats.map((s) => ({
    workshopId: s.workshopId,
    status: s.status,
    reminder: reminders.get(seatKey(r.id, s.workshopId)) ?? 'not_due',
    secondReminder: deliveries.get(seatKey(r.id, s.workshopId))?.secondReminder ?? 'not_due',
    followUp: deliveries.get(seatKey(r.id, s.workshopId))?.followUp ?? 'not_due',
  })),
});

export const adminMessage = (m: MessageStatus): AdminMessage => ({
  id: m.id,
  kind: m.kind,
  registrationId: m.registrationId,
  workshopId: m.workshopId,
  to: m.to,
  status: m.status,
  attempts: m.attempts,
  lastError: m.lastError,
  dropReason: m.dropReason,
  createdAt: iso(m.createdAt),
  sentAt: isoOrNull(m.sentAt),
});
