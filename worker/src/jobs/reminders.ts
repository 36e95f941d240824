import { findRegistration, type Registration } from '../db/registrations';
import { reminderCandidates } from '../db/reminders';
import { findSeriesById, type Series } from '../db/series';
import { findWorkshop, type Workshop } from '../db/workshops';
import { composeMail } from '../mail/compose';

/** The join link goes out this long before a workshop starts. */
export const REMINDER_LEAD_MS = 24 * 3_600_000;

/** Reminders queued per run; the rest follow on the next run a quarter of an hour later. */
const PER_RUN = 100;

export interface ReminderCandidate {
  registrationId: string;
  registrationStatus: string;
  seatStatus: string;
  workshopId: string;
  startsAt: number;
  cancelledAt: number | null;
  /** A reminder for this seat and this start time is already in the ledger. */
  reminded: boolean;
}

/**
 * Which seats get their join-link reminder now: confirmed, still held, workshop not cancelled,
 * starting within the next 24 hours and not yet started, and not reminded for this start time.
 * Pure, so the rules can be tested at any instant; a missed run is caught up by the next.
 */
export function selectDueReminders(rows: ReminderCandidate[], now: number): ReminderCandidate[] {
  return rows.filter(
    (r) =>
      r.registrationStatus === 'confirmed' &&
      r.seatStatus === 'held' &&
      r.cancelledAt === null &&
      r.startsAt > now &&
      r.startsAt - now <= REMINDER_LEAD_MS &&
      !r.reminded,
  );
}

/** One ledger entry per seat and start time: a moved workshop gets a reminder for its new time. */
export const reminderKey = (r: { registrationId: string; workshopId: string; startsAt: number }) =>
  `reminder:${r.registrationId}:${r.workshopId}:${r.startsAt}`;

/** Queues the due reminders (all, or one registration's, right after it was confirmed). */
export async function queueReminders(
  db: D1Database,
  now: number,
  registrationId?: string,
): Promise<string[]> {
  const due = selectDueReminders(
    await reminderCandidates(db, now, REMINDER_LEAD_MS, PER_RUN, registrationId),
    now,
  );
  const cache = new Map<string, Promise<unknown>>();
  const load = <T>(key: string, fetch: () => Promise<T>) => {
    if (!cache.has(key)) cache.set(key, fetch());
    return cache.get(key) as Promise<T>;
  };
  const statements: D1PreparedStatement[] = [];
  const outboxIds: string[] = [];
  for (const seat of due) {
    const registration = await load<Registration | null>(`r:${seat.registrationId}`, () =>
      findRegistration(db, seat.registrationId),
    );
    const workshop = await load<Workshop | null>(`w:${seat.workshopId}`, () =>
      findWorkshop(db, seat.workshopId),
    );
    if (!registration || !workshop) continue;
    const series = await load<Series | null>(`s:${workshop.seriesId}`, () =>
      findSeriesById(db, workshop.seriesId),
    );
    if (!series) continue;
    const mail = await composeMail(db, {
      kind: 'reminder',
      dedupeKey: reminderKey(seat),
      registration,
      series,
      workshops: [workshop],
      workshopId: workshop.id,
      now,
    });
    statements.push(...mail.statements);
    outboxIds.push(mail.outboxId);
  }
  if (statements.length > 0) await db.batch(statements);
  return outboxIds;
}
