import { reminderCandidates, type ReminderCandidate, type ReminderKind } from '../db/reminders';
import { reminderKey, selectDueReminders } from '../domain/reminders';
import { WriteBatch } from '../services/write-batch';
import { mailSubjects, type MailSubject } from '../services/mail-subjects';
import type { ReminderSeat } from '../env';
import { allOf, holdsAll, registrationIs, workshopAt } from '../db/mail-guards';

/**
 * Reminders a call queues at most by default (the cron without the mail queue): twice what the
 * run then sends (deliver.ts CRON_SENDS_PER_RUN), so the next run has its share waiting; reading
 * and writing them is a few dozen D1 round trips. The rest follow on the next run.
 */
const PER_RUN = 1_000;

/** Reminders written per D1 batch (two statements each: the manage token and the outbox row). */
const WRITE_BATCH = 200;

/** Candidates read per query (D1 answers a few hundred narrow rows quickly). */
const PAGE_SIZE = 200;

export interface ReminderRun {
  /** Only these registrations' seats (one just confirmed, people just moved in from a line). */
  registrationIds?: readonly string[];
  /** How long before a workshop starts its reminder goes out (default: the series' schedule). */
  leadMs?: number;
  /** At most this many reminders. */
  limit?: number;
  /** Candidates read per query. */
  pageSize?: number;
}

/**
 * Queues the due reminders (all, or one registration's) and returns their outbox ids: a thin
 * shell that reads candidates and lets `selectDueReminders` decide.
 */
export async function queueReminders(
  db: D1Database,
  now: number,
  run: ReminderRun = {},
): Promise<string[]> {
  // The join link at the series' lead time, then the second, short reminder (issue 12).
  const due = [
    ...(await dueReminders(db, now, run, 'reminder')),
    ...(await dueReminders(db, now, { ...run, leadMs: undefined }, 'reminder_short')),
  ];
  return queueRemindersFor(db, now, due);
}

/**
 * Queues reminders for these due seats, WRITE_BATCH to a D1 batch, and returns their outbox ids. Each is queued
 * only if still true when the batch runs, and once per seat, kind and start time (the ledger key),
 * so a seat handed over twice (two cron runs, a redelivered queue message) is reminded once.
 */
export async function queueRemindersFor(
  db: D1Database,
  now: number,
  due: readonly ReminderSeat[],
): Promise<string[]> {
  const subjects = await mailSubjects(db, now)(due);
  const outboxIds: string[] = [];
  for (let i = 0; i < subjects.length; i += WRITE_BATCH) {
    outboxIds.push(...(await queueBatch(db, now, subjects.slice(i, i + WRITE_BATCH))));
  }
  return outboxIds;
}

async function queueBatch(
  db: D1Database,
  now: number,
  subjects: readonly MailSubject<ReminderSeat>[],
): Promise<string[]> {
  const batch = new WriteBatch(db, now);
  for (const { item: seat, registration, workshop, series } of subjects) {
    await batch.queueMail({
      kind: seat.kind ?? 'reminder',
      dedupeKey: reminderKey(seat),
      startsAt: seat.startsAt,
      registration,
      series,
      workshops: [workshop],
      workshopId: workshop.id,
      // Only if still so when the batch runs: a cancellation, erasure or change of the workshop
      // between this run's read and its write queues no reminder for the old facts.
      onlyIf: allOf(
        registrationIs(registration.id, 'confirmed'),
        holdsAll(registration.id, [workshop.id]),
        workshopAt(workshop.id, workshop.sequence, seat.startsAt),
      ),
    });
  }
  await batch.commit();
  return batch.outboxIds;
}

/**
 * Reads candidates page by page until `limit` of them are due or none are left, so that seats the
 * rules turn down (pending, released) can never crowd due ones out of a run.
 */
export async function dueReminders(
  db: D1Database,
  now: number,
  { registrationIds, leadMs, limit = PER_RUN, pageSize = PAGE_SIZE }: ReminderRun,
  kind: ReminderKind,
): Promise<ReminderCandidate[]> {
  const due: ReminderCandidate[] = [];
  let after: ReminderCandidate | undefined;
  for (;;) {
    const page = await reminderCandidates(db, {
      now,
      leadMs,
      kind,
      registrationIds,
      after,
      limit: pageSize,
    });
    due.push(...selectDueReminders(page, now, leadMs));
    if (due.length >= limit || page.length < pageSize) return due.slice(0, limit);
    after = page.at(-1);
  }
}
