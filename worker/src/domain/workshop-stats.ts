import type { ReminderState, WorkshopStats } from '../../contract';
import { ORGANIZATION_TYPES, type OrganizationType } from '../../contract';
import type { AttendanceCount } from '../db/attendance-counts';
import type { ReminderLedgerEntry } from '../db/reminders';
import type { SeatTally } from '../db/seats';

/**
 * A seat's join-link reminder: the latest ledger row for it at the workshop's current start (an
 * organizer's resend after a failure is the one that counts).
 */
export function reminderStates(ledger: readonly ReminderLedgerEntry[]): Map<string, ReminderState> {
  const states = new Map<string, ReminderState>();
  for (const entry of ledger) {
    states.set(
      seatKey(entry.registrationId, entry.workshopId),
      entry.status === 'sending' ? 'queued' : entry.status,
    );
  }
  return states;
}

export const seatKey = (registrationId: string, workshopId: string) =>
  `${registrationId}:${workshopId}`;

const emptyStats = (): WorkshopStats => ({
  confirmed: 0,
  pending: 0,
  cancelled: 0,
  expired: 0,
  reminders: { queued: 0, sent: 0, failed: 0 },
  organizationTypes: Object.fromEntries(ORGANIZATION_TYPES.map((t) => [t, 0])) as Record<
    OrganizationType,
    number
  >,
});

/**
 * Each workshop at a glance, from seat tallies, the reminder ledger and the anonymous counts.
 * A held seat counts as its registration's state; a released one as expired when the hold ran
 * out, else as cancelled (by the person, an organizer, or with the workshop). Participants per
 * organization type are the confirmed seats held now plus those retention made anonymous.
 */
export function workshopStats(
  workshopIds: readonly string[],
  tallies: readonly SeatTally[],
  ledger: readonly ReminderLedgerEntry[],
  attendance: readonly AttendanceCount[],
): Map<string, WorkshopStats> {
  const stats = new Map(workshopIds.map((id) => [id, emptyStats()]));
  const addType = (s: WorkshopStats, type: string, n: number) => {
    if (type in s.organizationTypes) s.organizationTypes[type as OrganizationType] += n;
  };
  for (const t of tallies) {
    const s = stats.get(t.workshopId);
    if (!s) continue;
    if (t.seatStatus === 'held') {
      if (t.registrationStatus === 'confirmed') {
        s.confirmed += t.seats;
        addType(s, t.organizationType, t.seats);
      } else if (t.registrationStatus === 'pending') s.pending += t.seats;
    } else if (t.registrationStatus === 'expired') s.expired += t.seats;
    else s.cancelled += t.seats;
  }
  for (const [key, state] of reminderStates(ledger)) {
    const s = stats.get(key.slice(key.indexOf(':') + 1));
    if (s && state !== 'not_due') s.reminders[state]++;
  }
  for (const a of attendance) {
    const s = stats.get(a.workshopId);
    if (s) addType(s, a.organizationType, a.participants);
  }
  return stats;
}
