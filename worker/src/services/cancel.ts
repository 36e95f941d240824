import { insertAudit } from '../db/audit';
import { dropQueuedReminders } from '../db/outbox';
import { findRegistration, findRegistrationByToken, type Registration } from '../db/registrations';
import { releaseSeats } from '../db/seats';
import { findSeriesById, type Series } from '../db/series';
import { findWorkshopsInSeries, type Workshop } from '../db/workshops';
import { hashToken } from '../tokens';
import { WriteBatch } from './write-batch';

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

/**
 * Cancels some or all of a registration's seats: they are freed, queued reminders for them are
 * dropped, and a confirmation is mailed — in one batch, with the audit entry when an organizer
 * (`actor`) did it on the person's behalf.
 */
export async function cancelSeats(
  db: D1Database,
  { registration, series, held }: Held,
  workshopIds: readonly string[] | 'all',
  now: number,
  actor?: string,
): Promise<{ released: Workshop[]; remaining: Workshop[]; outboxIds: string[] }> {
  const chosen = new Set(workshopIds === 'all' ? held.map((w) => w.id) : workshopIds);
  const released = held.filter((w) => chosen.has(w.id));
  const remaining = held.filter((w) => !chosen.has(w.id));
  if (released.length === 0) return { released, remaining, outboxIds: [] };
  const ids = released.map((w) => w.id).sort();
  const batch = new WriteBatch(db, now).add(
    ...releaseSeats(db, registration.id, ids, now),
    dropQueuedReminders(db, { registrationId: registration.id, workshopIds: ids }),
  );
  if (actor) {
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
      ),
    );
  }
  await batch.queueMail({
    kind: 'cancelled',
    // A seat is released once; the key keeps a double-submitted form to one message.
    dedupeKey: `cancelled:${registration.id}:${ids.join(',')}`,
    registration,
    series,
    workshops: released,
  });
  await batch.commit();
  return { released, remaining, outboxIds: batch.outboxIds };
}
