import { insertAudit } from '../db/audit';
import { releasedAt } from '../db/mail-guards';
import { dropQueuedReminders } from '../db/outbox';
import { findRegistration, findRegistrationByToken, type Registration } from '../db/registrations';
import { releaseSeats } from '../db/seats';
import { findSeriesById, type Series } from '../db/series';
import { findWorkshopsInSeries, type Workshop } from '../db/workshops';
import { hashToken } from '../tokens';
import { WriteBatch } from './write-batch';
import { fillFromWaitlist } from '../db/waitlist';

export interface Held {
  registration: Registration;
  series: Series;
  held: Workshop[];
}

/** The registration a manage link belongs to, with the workshops it holds seats in. */
export async function heldByToken(db: D1Database, token: string): Promise<Held | null> {
  return held(db, await findRegistrationByToken(db, await hashToken(token), 'manage'));
}

/** A registration by id (an organizer's view), with the workshops it holds seats in. */
export async function heldById(db: D1Database, id: string): Promise<Held | null> {
  return held(db, await findRegistration(db, id));
}

async function held(db: D1Database, registration: Registration | null): Promise<Held | null> {
  if (!registration) return null;
  const series = await findSeriesById(db, registration.seriesId);
  if (!series) return null;
  const held = await findWorkshopsInSeries(db, series.id, registration.heldWorkshopIds);
  held.sort((a, b) => a.startsAt - b.startsAt);
  return { registration, series, held };
}

/** Looks before a conditional write, if others keep changing what it read. */
const ATTEMPTS = 3;

export interface CancelBy {
  /** Reads the registration again (by its manage token, or by id for an organizer). */
  reload: () => Promise<Held | null>;
  /** An organizer acting on the person's behalf: recorded in the audit log, same batch. */
  actor?: string;
}

/**
 * Cancels some or all of a registration's seats: they are freed, queued reminders for them are
 * dropped, and a confirmation is mailed — in one batch, the mail only if this batch released
 * them, with the audit entry when an organizer did it. Releasing is all or nothing (db/seats.ts),
 * so the mail lists exactly what was cancelled.
 *
 * Races: a confirmation first leaves the seats held (confirmed), and this cancels them after it;
 * an expiry, the organizer cancelling the workshop, or a parallel cancellation first leaves some
 * seat not held, so this changes nothing, looks again and cancels what is still held (or nothing).
 */
export async function cancelSeats(
  db: D1Database,
  held: Held,
  workshopIds: readonly string[] | 'all',
  now: number,
  { reload, actor }: CancelBy,
): Promise<{ held: Held; released: Workshop[]; remaining: Workshop[]; outboxIds: string[] }> {
  let current: Held | null = held;
  for (let attempt = 1; current && attempt <= ATTEMPTS; attempt++) {
    const { registration, series } = current;
    const chosen = new Set(workshopIds === 'all' ? current.held.map((w) => w.id) : workshopIds);
    const released = current.held.filter((w) => chosen.has(w.id));
    const remaining = current.held.filter((w) => !chosen.has(w.id));
    if (released.length === 0) return { held: current, released, remaining, outboxIds: [] };
    const ids = released.map((w) => w.id).sort();
    const batch = new WriteBatch(db, now).add(
      ...releaseSeats(db, registration.id, ids, now),
      dropQueuedReminders(db, { registrationId: registration.id, workshopIds: ids }),
      // Issue 12: each freed seat goes to the first confirmed person in line, in this batch.
      ...fillFromWaitlist(db, now, ids),
    );
    await batch.queueMail({
      kind: 'cancelled',
      // A seat is released once; the key keeps a double-submitted form to one message.
      dedupeKey: `cancelled:${registration.id}:${ids.join(',')}`,
      registration,
      series,
      workshops: released,
      onlyIf: releasedAt(registration.id, ids, 'cancelled', now),
    });
    if (actor) {
      // Written only with the message, i.e. only if this batch released the seats: a lost race
      // (the person, an expiry or another organizer first) is retried or refused, not recorded.
      batch.add(
        insertAudit(
          db,
          {
            actor,
            action: 'registration.cancel',
            series: { id: series.id },
            target: { type: 'registration', id: registration.id },
            detail: { workshopIds: ids },
          },
          now,
          batch.outboxIds.at(-1),
        ),
      );
    }
    const [release] = await batch.commit();
    if (release!.meta.changes > 0) {
      return { held: current, released, remaining, outboxIds: batch.outboxIds };
    }
    current = await reload();
  }
  const last = current ?? held;
  return { held: last, released: [], remaining: last.held, outboxIds: [] };
}
