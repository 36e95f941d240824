import { insertAudit, registrationExists } from '../db/audit';
import { dropUnlessStillTrue, messageIdForKey } from '../db/outbox-guards';
import { findRegistration, type Registration } from '../db/registrations';
import { deleteRegistrations } from '../db/retention';
import { findSeriesById, type Series } from '../db/series';
import { findWorkshop, findWorkshopsInSeries, type Workshop } from '../db/workshops';
import { confirmState } from '../domain/registrations';
import { joinLinkWindow } from '../domain/reminders';
import { ApiError, notFound } from '../http/errors';
import { cancelSeats, heldById } from './cancel';
import { WriteBatch, type QueuedMail } from './write-batch';
import { fillFromWaitlist } from '../db/waitlist';

/** An organizer's resend of the same message is queued at most once a minute (double clicks). */
const RESEND_INTERVAL_MS = 60_000;

const refuse = (code: string, message: string) => new ApiError(409, code, message);

async function registrationInSeries(db: D1Database, id: string) {
  const registration = await findRegistration(db, id);
  if (!registration) throw notFound('registration_not_found', 'Registration');
  const series = await findSeriesById(db, registration.seriesId);
  if (!series) throw notFound('series_not_found', 'Series');
  return { registration, series };
}

/**
 * Queues one message an organizer asked for, guarded so that it is dropped if a concurrent change
 * made it untrue before the batch committed, with its audit entry (written only if the message
 * stays). Returns the message id; 429 `recently_sent` when the ledger already had it this minute.
 */
async function queueResend(
  db: D1Database,
  mail: Omit<QueuedMail, 'dedupeKey'> & { dedupeKey: (minute: number) => string },
  stillTrue: Parameters<typeof dropUnlessStillTrue>[2],
  audit: Parameters<typeof insertAudit>[1],
  now: number,
): Promise<string> {
  const batch = new WriteBatch(db, now);
  const dedupeKey = mail.dedupeKey(Math.floor(now / RESEND_INTERVAL_MS));
  await batch.queueMail({ ...mail, dedupeKey });
  const id = batch.outboxIds[0]!;
  batch.add(dropUnlessStillTrue(db, id, stillTrue), insertAudit(db, audit, now, id));
  await batch.commit();
  const stored = await messageIdForKey(db, dedupeKey);
  if (stored === id) return id;
  if (stored === null) {
    throw refuse('not_resendable', 'The registration changed meanwhile; nothing was sent.');
  }
  throw new ApiError(
    429,
    'recently_sent',
    'The same message was queued less than a minute ago.',
    {},
    {
      'Retry-After': '60',
    },
  );
}

/**
 * Sends a registration's confirmation again, as fits its state: a pending one gets a fresh
 * "confirm your registration" with a new link (the first may be lost), a confirmed one its
 * confirmation with the calendar files. Cancelled or expired: 409 `not_resendable`.
 */
export async function resendConfirmation(
  db: D1Database,
  id: string,
  actor: string,
  now: number,
): Promise<string> {
  const { registration, series } = await registrationInSeries(db, id);
  const workshops = await findWorkshopsInSeries(db, series.id, registration.heldWorkshopIds);
  const state = confirmState(
    registration,
    { held: workshops.length, lapsed: registration.lapsedWorkshopIds.length },
    now,
  );
  if (state !== 'pending' && state !== 'already_confirmed') {
    throw refuse('not_resendable', `The registration is ${state}: there is nothing to confirm.`);
  }
  const pending = state === 'pending';
  return queueResend(
    db,
    {
      kind: pending ? 'confirm_request' : 'confirmed',
      dedupeKey: (minute) => `${pending ? 'confirm_resend' : 'confirmed_resend'}:${id}:${minute}`,
      registration,
      series,
      workshops: workshops.sort((a, b) => a.startsAt - b.startsAt),
      withConfirmLink: pending,
      holdUntil: pending ? (registration.expiresAt ?? undefined) : undefined,
    },
    {
      registrationId: id,
      status: pending ? 'pending' : 'confirmed',
      holdLastsBeyond: pending ? now : undefined,
      heldWorkshopIds: workshops.map((w) => w.id),
    },
    auditOf(actor, 'registration.resend_confirmation', series, registration),
    now,
  );
}

/**
 * Sends a confirmed seat's join link now, as the cron's reminder would: from the moment the
 * reminder window opens until the workshop ends. Before: 409 `join_link_not_yet`.
 */
export async function resendJoinLink(
  db: D1Database,
  id: string,
  workshopId: string,
  actor: string,
  now: number,
): Promise<string> {
  const { registration, series } = await registrationInSeries(db, id);
  const workshop = await findWorkshop(db, workshopId);
  if (!workshop || workshop.seriesId !== series.id) {
    throw notFound('workshop_not_found', 'Workshop');
  }
  refuseJoinLink(registration, workshop, now, series.reminders.leadMinutes);
  return queueResend(
    db,
    {
      kind: 'reminder',
      dedupeKey: (minute) => `reminder_resend:${id}:${workshop.id}:${minute}`,
      startsAt: workshop.startsAt,
      registration,
      series,
      workshops: [workshop],
      workshopId: workshop.id,
    },
    {
      registrationId: id,
      status: 'confirmed',
      heldWorkshopIds: [workshop.id],
      workshop: { id: workshop.id, startsAt: workshop.startsAt, joinUrl: workshop.joinUrl },
    },
    {
      ...auditOf(actor, 'registration.resend_join_link', series, registration),
      detail: { workshopId },
    },
    now,
  );
}

function refuseJoinLink(
  registration: Registration,
  workshop: Workshop,
  now: number,
  /** The series' reminder lead: the window opens when the cron would send the link. */
  leadMinutes: number,
): void {
  const seated =
    registration.status === 'confirmed' &&
    registration.heldWorkshopIds.includes(workshop.id) &&
    workshop.cancelledAt === null;
  if (!seated) {
    throw refuse('no_seat', 'The registration holds no confirmed seat in this workshop.');
  }
  const window = joinLinkWindow(workshop, now, leadMinutes * 60_000);
  if (window.state === 'not_yet') {
    throw refuse(
      'join_link_not_yet',
      `The join link goes out from ${new Date(window.opensAt).toISOString()}, ${leadMinutes} minutes before the start (the series' reminder schedule).`,
    );
  }
  if (window.state === 'closed') throw refuse('join_link_closed', 'The workshop has ended.');
}

/**
 * Cancels seats on a person's behalf (all, or those given); they are told by e-mail, as when they
 * cancel themselves. 409 `nothing_to_cancel` when none of the given seats is held.
 */
export async function cancelOnBehalf(
  db: D1Database,
  id: string,
  workshopIds: readonly string[] | undefined,
  actor: string,
  now: number,
) {
  const held = await heldById(db, id);
  if (!held) throw notFound('registration_not_found', 'Registration');
  const result = await cancelSeats(db, held, workshopIds ?? 'all', now, {
    reload: () => heldById(db, id),
    actor,
  });
  if (result.released.length === 0) {
    throw refuse('nothing_to_cancel', 'The registration holds no seat in these workshops.');
  }
  return result;
}

/**
 * Erases a person (GDPR Art. 17): their registration, seats (freed), tokens, every message, and
 * their id from the audit log, in one batch with the audit entry that records an erasure without
 * naming whom. Seats in workshops already over stay in the anonymous counts.
 */
export async function eraseRegistration(
  db: D1Database,
  id: string,
  actor: string,
  now: number,
): Promise<void> {
  const registration = await findRegistration(db, id);
  if (!registration) throw notFound('registration_not_found', 'Registration');
  const [recorded] = await db.batch([
    // First, and only if the registration is still there at this point of the batch: two
    // erasures at once both read it, but only the batch that runs first finds it here and
    // erases it; the other changes nothing and records nothing.
    insertAudit(
      db,
      {
        actor,
        action: 'registration.erase',
        series: { id: registration.seriesId },
        target: { type: 'registration', id: null },
      },
      now,
      undefined,
      registrationExists(id),
    ),
    ...deleteRegistrations(db, [id], { countEndedBy: now }),
    // Issue 12: the seats the erasure freed go to the first confirmed people in line.
    ...fillFromWaitlist(db, now, registration.heldWorkshopIds),
  ]);
  // The other erasure came first: this one is answered as if it had come after it.
  if (recorded!.meta.changes === 0) throw notFound('registration_not_found', 'Registration');
}

const auditOf = (
  actor: string,
  action: 'registration.resend_confirmation' | 'registration.resend_join_link',
  series: Series,
  registration: Registration,
) => ({
  actor,
  action,
  series: { id: series.id },
  target: { type: 'registration' as const, id: registration.id },
});
