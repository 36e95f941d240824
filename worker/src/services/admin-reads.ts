import type { ReminderState, WorkshopStats } from '../../contract';
import { attendanceCounts } from '../db/attendance-counts';
import { reminderLedger } from '../db/reminders';
import { deliveryLedger } from '../db/follow-ups';
import { seatDeliveries, type SeatDeliveries } from '../domain/follow-ups';
import {
  findRegistrationRecord,
  listRegistrations,
  type RegistrationRecord,
  type RegistrationStatus,
} from '../db/registrations';
import { tallySeats } from '../db/seats';
import type { Series } from '../db/series';
import { listAllWorkshops, type Workshop } from '../db/workshops';
import { lineLengths } from '../db/waitlist';
import { matchesSearch } from '../domain/registrations';
import { reminderStates, workshopStats } from '../domain/workshop-stats';

/** Every workshop of a series, by start, each with its numbers at a glance. */
export async function workshopsAtAGlance(
  db: D1Database,
  series: Series,
): Promise<{ workshop: Workshop; stats: WorkshopStats }[]> {
  const [workshops, tallies, ledger, attendance] = await Promise.all([
    listAllWorkshops(db, series.id),
    tallySeats(db, { seriesId: series.id }),
    reminderLedger(db, series.id),
    attendanceCounts(db, series.id),
  ]);
  const stats = workshopStats(
    workshops.map((w) => w.id),
    tallies,
    ledger,
    attendance,
  );
  return workshops.map((workshop) => ({ workshop, stats: stats.get(workshop.id)! }));
}

export interface RegistrationFilter {
  workshopId?: string;
  status?: RegistrationStatus;
  /** Words to find in the name, e-mail, organization or role (domain/registrations.ts). */
  q?: string;
}

/** A series' registrations as filtered, with the reminder state of each seat. */
export async function findRegistrations(
  db: D1Database,
  series: Series,
  filter: RegistrationFilter = {},
): Promise<{
  registrations: RegistrationRecord[];
  reminders: Map<string, ReminderState>;
  deliveries: Map<string, SeatDeliveries>;
}> {
  const [records, ledger, deliveries] = await Promise.all([
    listRegistrations(db, series.id, filter),
    reminderLedger(db, series.id),
    deliveryLedger(db, series.id),
  ]);
  const q = filter.q?.trim();
  return {
    registrations: q ? records.filter((r) => matchesSearch(r, q)) : records,
    reminders: reminderStates(ledger),
    deliveries: seatDeliveries(deliveries),
  };
}

/** One registration with the reminder state of each seat, or null. */
export async function findRegistrationWithReminders(db: D1Database, id: string) {
  const registration = await findRegistrationRecord(db, id);
  if (!registration) return null;
  const [ledger, deliveries] = await Promise.all([
    reminderLedger(db, registration.seriesId),
    deliveryLedger(db, registration.seriesId),
  ]);
  return {
    registration,
    reminders: reminderStates(ledger),
    deliveries: seatDeliveries(deliveries),
  };
}

/** How many wait in each workshop's line now, as the next to join would count them. */
export const linesNow = (db: D1Database, workshopIds: readonly string[], now: number) =>
  lineLengths(db, workshopIds, now);
