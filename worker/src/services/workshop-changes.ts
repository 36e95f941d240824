import { dropQueuedReminders } from '../db/outbox';
import { seatHolders, shortenHolds } from '../db/registrations';
import type { Series } from '../db/series';
import {
  cancelWorkshop,
  updateWorkshop,
  type Workshop,
  type WorkshopFields,
} from '../db/workshops';
import { composeMail } from '../mail/compose';

/**
 * Saves an organizer's change. When the time or the join link changed, the calendar sequence goes
 * up, reminders not yet sent are dropped (the next run queues them with the new facts), and
 * registrants are told: everyone confirmed about a new time, and those who already have the join
 * link about a new link (with it). All in one batch.
 */
export async function changeWorkshop(
  db: D1Database,
  series: Series,
  current: Workshop,
  next: WorkshopFields,
  now: number,
): Promise<string[]> {
  const timeChanged = next.startsAt !== current.startsAt || next.endsAt !== current.endsAt;
  const linkChanged = next.joinUrl !== current.joinUrl;
  if (!timeChanged && !linkChanged) {
    await updateWorkshop(db, current.id, next, current.sequence, now).run();
    return [];
  }
  const sequence = current.sequence + 1;
  const changed: Workshop = { ...current, ...next, sequence };
  const statements = [
    updateWorkshop(db, current.id, next, sequence, now),
    dropQueuedReminders(db, { workshopId: current.id }),
    // Nobody may confirm a seat in a workshop that has already begun.
    shortenHolds(db, current.id, next.startsAt),
  ];
  const outboxIds: string[] = [];
  for (const holder of await seatHolders(db, current.id)) {
    if (holder.status !== 'confirmed') continue;
    if (!timeChanged && !holder.reminderSent) continue;
    const mail = await composeMail(db, {
      kind: 'workshop_changed',
      dedupeKey: `workshop_changed:${holder.id}:${current.id}:${sequence}`,
      registration: holder,
      series,
      workshops: [changed],
      workshopId: current.id,
      includeJoinLink: holder.reminderSent,
      now,
    });
    statements.push(...mail.statements);
    outboxIds.push(mail.outboxId);
  }
  await db.batch(statements);
  return outboxIds;
}

/** Cancels a workshop: seats freed, reminders dropped, everyone holding a seat told. */
export async function cancelWorkshopAndTell(
  db: D1Database,
  series: Series,
  workshop: Workshop,
  now: number,
): Promise<string[]> {
  const cancelled: Workshop = { ...workshop, sequence: workshop.sequence + 1, cancelledAt: now };
  const statements: D1PreparedStatement[] = [];
  const outboxIds: string[] = [];
  for (const holder of await seatHolders(db, workshop.id)) {
    const mail = await composeMail(db, {
      kind: 'workshop_cancelled',
      dedupeKey: `workshop_cancelled:${holder.id}:${workshop.id}`,
      registration: holder,
      series,
      workshops: [cancelled],
      workshopId: workshop.id,
      now,
    });
    statements.push(...mail.statements);
    outboxIds.push(mail.outboxId);
  }
  await db.batch([
    ...cancelWorkshop(db, workshop.id, now),
    dropQueuedReminders(db, { workshopId: workshop.id }),
    ...statements,
  ]);
  return outboxIds;
}
