import { afterAChange, insertAudit } from '../db/audit';
import { allOf, holdsAll, registrationIs, workshopAt } from '../db/mail-guards';
import type { Guard } from '../db/outbox';
import { findRegistrationByToken, type Registration } from '../db/registrations';
import { hashToken } from '../tokens';
import type { OfferState } from '../domain/waitlist';
import { DuplicateSeatError, runSeatBatch, SeatRefusedError } from '../db/seats';
import { findSeriesById } from '../db/series';
import { pendingHoldsOfAddress, promoteByHand } from '../db/promote-by-hand';
import {
  endPlace,
  fillFromWaitlist,
  placesOf,
  markAnnounced,
  unannouncedPromotions,
} from '../db/waitlist';
import { acceptOffer, offerOf } from '../db/offers';
import { listLine } from '../db/waitlist-reads';
import { findWorkshop, findWorkshopsInSeries, type Workshop } from '../db/workshops';
import { ApiError } from '../http/errors';
import { mailSubjects } from './mail-subjects';
import { lapsedHoldEnds } from './holds';
import { WriteBatch } from './write-batch';

/** Promotions announced per call (one batch); the cron calls again until none is left. */
export const ANNOUNCE_PER_CALL = 100;

/**
 * Tells everyone moved in from a waiting list (by whatever freed the seat, in its batch) that
 * the seat is theirs, with the calendar file: one message per seat (ledger key
 * `promoted:<registration>:<workshop>`), queued only if still true when the batch runs (confirmed,
 * seat held, workshop as read). Marks each promotion announced in the same batch, so overlapping
 * runs announce it once. Returns the outbox ids and the registrations, whose join-link reminder
 * is due at once if the workshop is within the reminder window (jobs/waitlist.ts), and whether
 * there may be more to announce.
 */
export async function announcePromotions(
  db: D1Database,
  now: number,
): Promise<{ outboxIds: string[]; registrationIds: string[]; more: boolean }> {
  const due = await unannouncedPromotions(db, ANNOUNCE_PER_CALL);
  if (due.length === 0) return { outboxIds: [], registrationIds: [], more: false };
  const batch = new WriteBatch(db, now);
  for (const { registrationId, workshopId } of due) {
    batch.add(markAnnounced(db, registrationId, workshopId, now));
  }
  // The page's people in one read, each workshop and series once (a raised capacity moves a
  // hundred people into one workshop): not two reads a person, which at a few hundred promotions
  // passed the 1,000 D1 queries one invocation may make.
  const subjects = await mailSubjects(db, now)(due);
  for (const { item, registration, workshop, series } of subjects) {
    const { registrationId, workshopId, offeredUntil } = item;
    const offer = offeredUntil !== null;
    await batch.queueMail({
      kind: offer ? 'offer' : 'promoted',
      dedupeKey: `${offer ? 'offer' : 'promoted'}:${registrationId}:${workshopId}`,
      offerUntil: offeredUntil ?? undefined,
      registration,
      series,
      workshops: [workshop],
      workshopId,
      onlyIf: allOf(
        registrationIs(registrationId, 'confirmed'),
        holdsAll(registrationId, [workshopId]),
        workshopAt(workshopId, workshop.sequence),
      ),
    });
  }
  await batch.commit();
  return {
    outboxIds: batch.outboxIds,
    registrationIds: [...new Set(due.map((d) => d.registrationId))],
    // A full page: there may be more (the cron calls again).
    more: due.length === ANNOUNCE_PER_CALL,
  };
}

/** An organizer's view of a workshop's line: everyone in it, in order, with their place. */
export async function waitlistOf(db: D1Database, workshop: Workshop) {
  const line = await listLine(db, workshop.id);
  let place = 0;
  return line.map((p) => ({
    ...p,
    // Only confirmed waiting people are in line for a seat; pending ones wait for their own click.
    place: p.status === 'waiting' && p.registrationStatus === 'confirmed' ? ++place : null,
  }));
}

const audit = (
  db: D1Database,
  actor: string,
  action: 'waitlist.promote' | 'waitlist.remove',
  workshop: Workshop,
  registrationId: string,
  now: number,
  /** Right after the statement it records: written only if that changed a row (db/audit.ts). */
  happened: Guard,
) =>
  insertAudit(
    db,
    {
      actor,
      action,
      series: { id: workshop.seriesId },
      target: { type: 'registration', id: registrationId },
      detail: { workshopId: workshop.id },
    },
    now,
    undefined,
    happened,
  );

/**
 * An organizer moves a confirmed person in by hand, out of order: a seat now, one more seat in
 * the workshop if it is full (409 `not_waiting`: not a confirmed person waiting in this line;
 * 409 `registration_closed`: the workshop is closed or cancelled; 409 `already_seated`: their
 * address holds a live seat there through another registration — confirmed, or unconfirmed
 * within its hold — one seat per address).
 *
 * Their address's other registration whose hold has run out unconfirmed (the cron has not come
 * by yet) expires first, in the same batch, exactly as the cron would expire it: its seat already
 * counts for nobody (db/seat-rule.ts), so ending it takes no seat from anyone; the seats it held
 * go to the line after this promotion (here and in the other workshops it held). Whether it lapsed
 * is judged at the batch's instant, not at the read: one confirmed within its hold meanwhile keeps
 * its seat, and the promotion is then `already_seated`, which is true.
 *
 * Races with the lapsed hold's owner confirming late: if the promotion lands first, the late
 * confirmation finds the address seated and says so ("You already have a seat"); if the late
 * confirmation lands first, it expires that registration and the fill moves the person in by
 * their place, or it retakes a seat nobody in line was owed; either way the promotion then finds
 * them promoted (`not_waiting`) or no hold in its way, and never a second seat for the address.
 * The cron expiring the hold first is the late confirmation's case; the workshop cancelled or the
 * person taken out of line first: `not_waiting`, they are not moved in and no promotion is
 * recorded, but the lapsed hold still expires, as the cron would have it, and the seats it held go
 * to the lines (not a cancelled workshop's): the route announces those at once.
 */
export async function promoteOnBehalf(
  db: D1Database,
  workshop: Workshop,
  registrationId: string,
  actor: string,
  now: number,
): Promise<void> {
  const ownHolds = await pendingHoldsOfAddress(db, registrationId, workshop.id);
  const ending = ownHolds.flatMap((r) => lapsedHoldEnds(db, r.id, now));
  const freed = [...new Set(ownHolds.flatMap((r) => r.heldWorkshopIds))];
  const batch = new WriteBatch(db, now).add(
    ...ending,
    ...promoteByHand(db, registrationId, workshop.id, now),
    audit(db, actor, 'waitlist.promote', workshop, registrationId, now, afterAChange),
    ...(freed.length > 0 ? fillFromWaitlist(db, now, freed) : []),
  );
  try {
    // The seat: promoteByHand's third statement, after the expiries.
    const insert = (await batch.commit(runSeatBatch))[ending.length + 2];
    if (insert!.meta.changes === 1) return;
  } catch (error) {
    if (error instanceof SeatRefusedError) {
      throw new ApiError(409, error.reason, 'The workshop takes no seat now.');
    }
    if (error instanceof DuplicateSeatError) {
      throw new ApiError(
        409,
        'already_seated',
        'This person holds a seat in this workshop through another registration, confirmed or unconfirmed within its hold.',
      );
    }
    throw error;
  }
  throw new ApiError(409, 'not_waiting', 'This registration is not a confirmed place in line.');
}

/**
 * An organizer takes someone out of line (their registration stays). 409 `not_waiting` when the
 * place is not waiting (promoted, removed, expired) any more.
 */
export async function removeFromLine(
  db: D1Database,
  workshop: Workshop,
  registrationId: string,
  actor: string,
  now: number,
): Promise<void> {
  const [end] = await db.batch([
    endPlace(db, registrationId, workshop.id, 'removed', now),
    audit(db, actor, 'waitlist.remove', workshop, registrationId, now, afterAChange),
  ]);
  if (end!.meta.changes !== 1) {
    throw new ApiError(409, 'not_waiting', 'This registration has no place in this line.');
  }
}

/** An offer as its link shows it. Null: not our link, or no offer of this workshop to them. */
export async function offerByToken(db: D1Database, token: string, workshopId: string, now: number) {
  const registration = await findRegistrationByToken(db, await hashToken(token), 'manage');
  if (!registration) return null;
  const [place, workshop, series] = await Promise.all([
    offerOf(db, registration.id, workshopId),
    findWorkshop(db, workshopId),
    findSeriesById(db, registration.seriesId),
  ]);
  if (!place || !workshop || !series || workshop.seriesId !== series.id) return null;
  const state: OfferState =
    place.status === 'promoted'
      ? 'accepted'
      : place.status === 'offered' && (place.offeredUntil ?? 0) > now
        ? 'open'
        : 'expired';
  return { state, registration, series, workshop, until: place.offeredUntil ?? now };
}

/**
 * Accepts an offered seat in time (the POST from the offer page): promoted, announced like any
 * promotion (services/waitlist.ts `announcePromotions`, same request). Idempotent. Races: the cron
 * expiring the offer first, or the person cancelling it, leaves nothing to accept ('expired').
 */
export async function acceptOfferByToken(
  db: D1Database,
  token: string,
  workshopId: string,
  now: number,
) {
  const offer = await offerByToken(db, token, workshopId, now);
  if (!offer || offer.state !== 'open') return offer;
  await db.batch([acceptOffer(db, offer.registration.id, workshopId, now)]);
  return offerByToken(db, token, workshopId, now);
}

/** A registration's places in line now, with their workshops, soonest first. */
export async function placesWithWorkshops(db: D1Database, registration: Registration, now: number) {
  if (registration.waitingWorkshopIds.length === 0) return [];
  const [places, workshops] = await Promise.all([
    placesOf(db, registration.id, now),
    findWorkshopsInSeries(db, registration.seriesId, registration.waitingWorkshopIds),
  ]);
  return workshops
    .filter((w) => places.has(w.id))
    .sort((a, b) => a.startsAt - b.startsAt)
    .map((workshop) => ({ workshop, place: places.get(workshop.id)! }));
}

/** The person leaves every line they are in (the manage page's button). Idempotent. */
export async function leaveLines(db: D1Database, registration: Registration, now: number) {
  if (registration.waitingWorkshopIds.length === 0) return;
  await db.batch(
    registration.waitingWorkshopIds.map((id) => endPlace(db, registration.id, id, 'left', now)),
  );
}
