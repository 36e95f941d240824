import { afterAChange, insertAudit } from '../db/audit';
import {
  allOf,
  holdsAll,
  placeEndedAt,
  registrationIs,
  releasedAt,
  workshopAt,
} from '../db/mail-guards';
import { confirmedInLine } from '../db/waitlist-reads';
import { dropQueuedReminders, dropUnsentReminders, type Guard } from '../db/outbox';
import { registrationsReleasedFrom, shortenHolds, type Registration } from '../db/registrations';
import { registrationsHoldingSeatIn, registrationsReminded } from '../db/seat-holders';
import type { Series } from '../db/series';
import {
  cancelWorkshop,
  findWorkshop,
  insertWorkshop,
  type Workshop,
  type WorkshopFields,
} from '../db/workshops';
import { updateWorkshop, updateWorkshopExtras } from '../db/workshop-edits';
import {
  applyWorkshopPatch,
  changedFields,
  scheduleErrors,
  workshopFromInput,
} from '../domain/workshops';
import { extrasFromInput } from '../domain/waitlist';
import { endLine, fillFromWaitlist } from '../db/waitlist';
import { ApiError, validationFailed } from '../http/errors';
import { randomId } from '../ids';
import type { WorkshopInput, WorkshopPatch } from '../schemas/workshop';
import { commitChecked } from './versions';
import { WriteBatch } from './write-batch';

/** The audit entry of an organizer's action on a workshop. */
const workshopAudit = (
  db: D1Database,
  actor: string,
  action: 'workshop.create' | 'workshop.update' | 'workshop.cancel',
  workshop: Pick<Workshop, 'id' | 'seriesId'>,
  now: number,
  detail?: Record<string, number | boolean | string[]>,
  /** The change it records happened in this batch (one that lost a race is not recorded). */
  happened?: Guard,
) =>
  insertAudit(
    db,
    {
      actor,
      action,
      series: { id: workshop.seriesId },
      target: { type: 'workshop', id: workshop.id },
      detail,
    },
    now,
    undefined,
    happened,
  );

/** Creates a workshop in a series, recording who did; returns it as stored. */
export async function createWorkshop(
  db: D1Database,
  series: Series,
  input: WorkshopInput,
  actor: string,
  now: number,
): Promise<Workshop> {
  const fields = workshopFromInput(input);
  refuseBadSchedule(fields);
  const id = randomId();
  await db.batch([
    insertWorkshop(db, id, series.id, fields, now),
    updateWorkshopExtras(db, id, extrasFromInput(input)),
    workshopAudit(db, actor, 'workshop.create', { id, seriesId: series.id }, now),
  ]);
  return (await findWorkshop(db, id))!;
}

/**
 * Saves an organizer's change. When the time or the join link changed, the calendar sequence goes
 * up, reminders not yet sent are dropped (the next run queues them with the new facts), and
 * registrants are told: everyone confirmed about a new time, and those who already have the join
 * link about a new link (with it). All in one batch.
 *
 * Races: each notice is queued only if, when the batch runs, its registrant is confirmed and holds
 * the seat (a cancellation or expiry just before sends none). Someone who confirms between the
 * read and the batch was read as pending: a second pass after the batch tells them too (their
 * confirmation mail, written for the old facts, is dropped before sending). A reminder the cron is
 * sending at that moment was written for the old sequence and is dropped; the next run sends the
 * new one.
 *
 * The change is made on the strength of `current`, as read: if the workshop changed after that
 * read (another organizer's edit, a cancellation, a seat added by hand), the batch fails whole and
 * `editConflict()` is thrown: nothing changed, nobody told, nothing recorded. A change that
 * alters nothing writes nothing: no new version, no audit entry (both decided in the batch).
 */
export async function changeWorkshop(
  db: D1Database,
  series: Series,
  current: Workshop,
  patch: WorkshopPatch,
  actor: string,
  now: number,
): Promise<string[]> {
  if (current.cancelledAt !== null) {
    throw new ApiError(409, 'workshop_cancelled', 'A cancelled workshop cannot be changed.');
  }
  const next = applyWorkshopPatch(current, patch);
  refuseBadSchedule(next);
  const timeChanged = next.startsAt !== current.startsAt || next.endsAt !== current.endsAt;
  const linkChanged = next.joinUrl !== current.joinUrl;
  const extras = extrasFromInput(patch);
  const sequence = timeChanged || linkChanged ? current.sequence + 1 : current.sequence;
  // The settings, then the fields with the version check, then the audit entry: written only if
  // one of the two changed the row (changes() of the UPDATE right before it).
  const change = [
    updateWorkshopExtras(db, current.id, extras),
    updateWorkshop(db, current.id, next, sequence, current.version, now),
    workshopAudit(
      db,
      actor,
      'workshop.update',
      current,
      now,
      { timeChanged, linkChanged, fields: changedFields(current, next, extras) },
      afterAChange,
    ),
  ];
  // Issue 12: a raised capacity (or a later close) fills seats from the line in the same batch;
  // services/waitlist.ts announces them.
  const fill = fillFromWaitlist(db, now, [current.id]);
  if (!timeChanged && !linkChanged) {
    await commitChecked('workshops', () => db.batch([...change, ...fill]));
    return [];
  }
  const changed: Workshop = { ...current, ...next, sequence };
  const batch = new WriteBatch(db, now).add(
    ...change,
    dropUnsentReminders(db, current.id),
    // A hold ends when registration closes (by default at the start), wherever that moved.
    shortenHolds(db, current.id, next.registrationClosesAt),
    ...fill,
  );
  const reminded = await registrationsReminded(db, current.id);
  const told = new Set<string>();
  const tell = async (into: WriteBatch, holders: Registration[]) => {
    for (const holder of holders) {
      if (holder.status !== 'confirmed' || told.has(holder.id)) continue;
      const reminderSent = reminded.has(holder.id);
      if (!timeChanged && !reminderSent) continue;
      told.add(holder.id);
      await into.queueMail({
        kind: 'workshop_changed',
        dedupeKey: `workshop_changed:${holder.id}:${current.id}:${sequence}`,
        registration: holder,
        series,
        workshops: [changed],
        workshopId: current.id,
        includeJoinLink: reminderSent,
        onlyIf: allOf(
          registrationIs(holder.id, 'confirmed'),
          holdsAll(holder.id, [current.id]),
          workshopAt(current.id, sequence),
        ),
      });
    }
  };
  await tell(batch, await registrationsHoldingSeatIn(db, current.id));
  await commitChecked('workshops', () => batch.commit());
  const late = new WriteBatch(db, now);
  await tell(late, await registrationsHoldingSeatIn(db, current.id));
  await late.commit();
  return [...batch.outboxIds, ...late.outboxIds];
}

/**
 * Cancels a workshop: seats freed, queued reminders dropped, everyone holding a seat told — each
 * only if this cancellation released their seat (someone who cancelled or whose hold ran out just
 * before is not told). A seat taken between the read and the batch is released by it too (the
 * workshop is marked cancelled first, so no seat can follow); a second pass tells its holder.
 * Two cancellations at once: the second finds nothing to release and tells no one again.
 *
 * It is made on the strength of `workshop` as read, whose time and title the notices give: if the
 * workshop changed after that read (moved, renamed, a seat added by hand), the batch fails whole
 * and `editConflict()` is thrown: nothing cancelled, nobody told, nothing recorded. Seats taken
 * or given up do not move the workshop's version: whom it tells is who holds a seat when it is
 * made, not who did when the organizer's warning was read (the admin page says so).
 *
 * The confirmed people in its line are told too (`line_cancelled`, once per place: only if this
 * cancellation ended their place; someone who left the line or was moved in just before is not
 * told that, and one who confirmed their place meanwhile is told by the second pass). People
 * whose place was never confirmed get nothing: they never confirmed the address either.
 */
export async function cancelWorkshopAndTell(
  db: D1Database,
  series: Series,
  workshop: Workshop,
  actor: string,
  now: number,
): Promise<string[]> {
  const cancelled: Workshop = { ...workshop, sequence: workshop.sequence + 1, cancelledAt: now };
  // Each person is told once per kind, however many of the batches below meet them.
  const teller = (
    kind: 'workshop_cancelled' | 'line_cancelled',
    onlyIf: (registrationId: string) => Guard,
  ) => {
    const told = new Set<string>();
    return async (into: WriteBatch, people: Registration[]) => {
      for (const person of people) {
        if (told.has(person.id)) continue;
        told.add(person.id);
        await into.queueMail({
          kind,
          dedupeKey: `${kind}:${person.id}:${workshop.id}`,
          registration: person,
          series,
          workshops: [cancelled],
          workshopId: workshop.id,
          onlyIf: onlyIf(person.id),
        });
      }
    };
  };
  const tell = teller('workshop_cancelled', (id) =>
    releasedAt(id, [workshop.id], 'workshop_cancelled', now),
  );
  const tellLine = teller('line_cancelled', (id) => placeEndedAt(id, workshop.id, 'removed', now));
  const holders = await registrationsHoldingSeatIn(db, workshop.id);
  const [markCancelled, releaseSeats] = cancelWorkshop(db, workshop.id, now, workshop.version);
  const batch = new WriteBatch(db, now).add(
    markCancelled!,
    // Right after it: two cancellations at once, only the one that cancelled it is recorded.
    workshopAudit(
      db,
      actor,
      'workshop.cancel',
      workshop,
      now,
      { notified: holders.length },
      afterAChange,
    ),
    releaseSeats!,
    // Issue 12: nobody waits for a seat in a workshop that will not take place.
    endLine(db, workshop.id, now),
    dropQueuedReminders(db, { workshopId: workshop.id }),
  );
  await tell(batch, holders);
  await tellLine(batch, await confirmedInLine(db, workshop.id));
  await commitChecked('workshops', () => batch.commit());
  const late = new WriteBatch(db, now);
  await tell(late, await registrationsReleasedFrom(db, workshop.id, 'workshop_cancelled', now));
  await tellLine(late, await confirmedInLine(db, workshop.id, now));
  await late.commit();
  return [...batch.outboxIds, ...late.outboxIds];
}

function refuseBadSchedule(fields: WorkshopFields): void {
  const errors = scheduleErrors(fields);
  if (Object.keys(errors).length > 0) throw validationFailed(errors);
}
