import { confirmedAt } from '../db/mail-guards';
import { confirmRegistration } from '../db/confirmations';
import { findRegistrationByToken, type Registration } from '../db/registrations';
import { DuplicateSeatError, retakeLapsedSeats, runSeatBatch, SeatRefusedError } from '../db/seats';
import {
  seatedIn,
  seatsElsewhere,
  seatsOwedElsewhere,
  type SeatedWorkshop,
  type SeatElsewhere,
} from '../db/seats-elsewhere';
import { findSeriesById, type Series } from '../db/series';
import { findWorkshopsInSeries, type Workshop } from '../db/workshops';
import { CONFIRM_LINK_MS } from '../domain/holds';
import { confirmState, type ConfirmOutcome, type ConfirmState } from '../domain/registrations';
import { isRegistrationOpen, seatsLeft } from '../domain/workshops';
import { hashToken } from '../tokens';
import { lapsedHoldGoes } from './holds';
import { WriteBatch } from './write-batch';
import { fillFromWaitlist, lineLengths, placesOf, rejoinLine } from '../db/waitlist';

export interface ConfirmLink {
  state: ConfirmState;
  registration: Registration;
  series: Series;
  /** What the registration holds, or (lapsed) what its hold held: what confirming would take. */
  workshops: Workshop[];
  /**
   * Lapsed: those of `workshops` where the address has a seat through another registration, or
   * is owed the one this hold gave up through its own confirmed place in line (db/seats-elsewhere.ts).
   */
  seatedElsewhere: SeatElsewhere[];
}

export interface Confirmation {
  /**
   * `pending`, `lapsed`: nothing confirmed (what it holds kept changing); the confirm form is
   * shown again.
   */
  outcome: ConfirmOutcome | 'pending' | 'lapsed';
  registration: Registration;
  series: Series;
  /** Confirmed: the workshops it holds now. Otherwise what the link is about. */
  workshops: Workshop[];
  /** A late confirmation: the workshops whose seat was taken meanwhile (or closed). */
  lost: Workshop[];
  /**
   * A late confirmation: the workshops it did not take back because the address has the seat
   * through another registration (typically its own place in line got the seat this hold gave up).
   */
  seatedElsewhere: SeatedWorkshop[];
  outboxIds: string[];
}

/** Looks before a write that is conditional on what it saw: how often, if others keep changing it. */
const ATTEMPTS = 3;

/**
 * The registration a confirm link belongs to and whether it can still be confirmed. Reads only:
 * this is what opening the link (a GET, which mail scanners do too) shows. Null: not our link.
 */
export async function confirmLinkByToken(
  db: D1Database,
  token: string,
  now: number,
): Promise<ConfirmLink | null> {
  const registration = await findRegistrationByToken(db, await hashToken(token), 'confirm');
  if (!registration) return null;
  const series = await findSeriesById(db, registration.seriesId);
  if (!series) return null;
  const { heldWorkshopIds: held, lapsedWorkshopIds: lapsed, lapsedPlaceIds } = registration;
  // A place in line is something to confirm as much as a seat (issue 12).
  const waiting = registration.waitingWorkshopIds.length;
  const state = confirmState(
    registration,
    { held: held.length + waiting, lapsed: lapsed.length + lapsedPlaceIds.length },
    now,
  );
  // Expired: the seats it lost, for the page to say "the seat" or "the seats" (none is held).
  const ids =
    state === 'lapsed'
      ? [...held, ...lapsed, ...lapsedPlaceIds]
      : state === 'expired'
        ? [...held, ...lapsed]
        : held;
  const workshops = await findWorkshopsInSeries(db, series.id, ids);
  workshops.sort((a, b) => a.startsAt - b.startsAt);
  const seatedElsewhere = state === 'lapsed' ? await elsewhere(db, registration, ids, now) : [];
  return { state, registration, series, workshops, seatedElsewhere };
}

/** The address's seats through other registrations, and those the line owes it right now. */
async function elsewhere(db: D1Database, registration: Registration, ids: string[], now: number) {
  const [held, owed] = await Promise.all([
    seatsElsewhere(db, registration, ids),
    seatsOwedElsewhere(db, registration, ids, now),
  ]);
  const seen = new Set(held.map((s) => s.workshopId));
  return [...held, ...owed.filter((s) => !seen.has(s.workshopId))];
}

/**
 * Confirms the registration a confirm link belongs to (the POST from the confirm page).
 * Idempotent: submitting again changes nothing and sends nothing twice. Null: not our link.
 *
 * Within the hold the person keeps every seat. After it (the link works CONFIRM_LINK_MS from
 * registering) the confirmation takes back the seats that are still free, keeps them and says
 * which could not be kept; if none is free, nothing is confirmed and the page says so.
 *
 * The confirmation and its mail are one batch, and the confirmation is conditional on what was
 * read (still pending within the hold — or expired within the link's life —, the same workshops
 * held, unchanged), so the mail is queued only if this request confirmed, and lists what is true.
 * Races: a cancellation, an expiry (cron or another request), the organizer moving or cancelling
 * a workshop, a parallel confirmation that gets there first, or a newcomer or the line taking a
 * seat after the hold lapsed (this request's instant was within it) makes this one change
 * nothing; a registration that takes the last seat first makes the retake trigger refuse the
 * batch. Either way it looks again and answers with what it finds.
 */
export async function confirmByToken(
  db: D1Database,
  token: string,
  now: number,
): Promise<Confirmation | null> {
  let link = await confirmLinkByToken(db, token, now);
  if (link?.registration.status === 'pending' && (link.registration.expiresAt ?? 0) <= now) {
    // Its own hold ran out before the cron came by: that one expires now (its seats going to
    // the line first), and a late confirmation then sees which seats are free. Nobody else's.
    const { id, heldWorkshopIds } = link.registration;
    await db.batch(lapsedHoldGoes(db, id, heldWorkshopIds, now));
    link = await confirmLinkByToken(db, token, now);
  }
  for (let attempt = 1; link; attempt++) {
    const { state, ...result } = link;
    if ((state !== 'pending' && state !== 'lapsed') || attempt > ATTEMPTS) {
      return { ...result, outcome: state, lost: [], seatedElsewhere: [], outboxIds: [] };
    }
    const done =
      state === 'pending' ? await confirm(db, link, now) : await confirmLate(db, link, now);
    if (done) return { ...result, ...done };
    link = await confirmLinkByToken(db, token, now);
  }
  return null;
}

type Done = Pick<Confirmation, 'outcome' | 'workshops' | 'lost' | 'seatedElsewhere' | 'outboxIds'>;

/** Within the hold: every seat. Null: something changed first, look again. */
async function confirm(db: D1Database, link: ConfirmLink, now: number): Promise<Done | null> {
  const { registration, workshops } = link;
  const batch = new WriteBatch(db, now).add(
    confirmRegistration(db, registration.id, workshops, now),
    // Confirmed places in line take any seat that is free in their workshops (issue 12).
    ...fillFromWaitlist(db, now, registration.waitingWorkshopIds),
  );
  await queueConfirmed(batch, link, workshops, await waitingPlaces(db, registration, now));
  const [update] = await batch.commit();
  if (update!.meta.changes !== 1) return null;
  return {
    outcome: 'confirmed',
    workshops,
    lost: [],
    seatedElsewhere: [],
    outboxIds: batch.outboxIds,
  };
}

/**
 * After the hold: the seats still free, and the places in line it had, back at the end of each
 * line still open to join (decided in session 15: an unconfirmed place kept its order only while
 * its hour lasted, so others who confirmed in time stay ahead; the person still wants to wait).
 * Null: something changed first, look again.
 */
async function confirmLate(db: D1Database, link: ConfirmLink, now: number): Promise<Done | null> {
  const { registration, workshops } = link;
  const inLine = new Set(registration.lapsedPlaceIds);
  // A seat the same address holds through another registration stays there, and the page says
  // so: most often its own place in line got the seat this hold gave up (the line rule).
  const seats = await seatsElsewhere(db, registration, [
    ...registration.lapsedWorkshopIds,
    ...inLine,
  ]);
  const seatedElsewhere = seatedIn(workshops, seats);
  const lapsed = workshops.filter((w) => !seatedElsewhere.some((s) => s.workshop === w));
  const free = lapsed.filter(
    (w) => !inLine.has(w.id) && isRegistrationOpen(w, now) && seatsLeft(w) > 0,
  );
  const rejoin = lapsed.filter(
    (w) => inLine.has(w.id) && w.waitlistEnabled && isRegistrationOpen(w, now),
  );
  const lost = lapsed.filter((w) => !free.includes(w) && !rejoin.includes(w));
  if (free.length + rejoin.length === 0) {
    // Nothing to confirm: no mail. Only seats elsewhere: the person has what they came for.
    const outcome =
      lost.length === 0 && seatedElsewhere.length > 0 ? 'already_seated' : 'lapsed_full';
    return { outcome, workshops: [], lost, seatedElsewhere, outboxIds: [] };
  }

  // What the page will say of the seats elsewhere must still hold when this confirms.
  const late = {
    linkValidSince: now - CONFIRM_LINK_MS,
    seatedElsewhere: seatedElsewhere.map((s) => s.workshop.id),
  };
  const ids = free.map((w) => w.id);
  const batch = new WriteBatch(db, now);
  if (ids.length > 0)
    batch.add(
      retakeLapsedSeats(db, registration.id, ids, now, late.linkValidSince, late.seatedElsewhere),
    );
  const confirmation = batch.statements.length;
  batch.add(
    confirmRegistration(db, registration.id, free, now, late),
    ...rejoin.map((w) => rejoinLine(db, registration.id, w.id, now)),
    // Back in line where a seat is free and nobody confirmed is ahead: the seat at once.
    ...(rejoin.length > 0
      ? fillFromWaitlist(
          db,
          now,
          rejoin.map((w) => w.id),
        )
      : []),
  );
  const lengths = await lineLengths(
    db,
    rejoin.map((w) => w.id),
    now,
  );
  const places = rejoin.map((w) => ({ workshop: w, place: lengths.get(w.id)! + 1 }));
  await queueConfirmed(batch, link, free, places);
  try {
    const results = await batch.commit(runSeatBatch);
    if (results[confirmation]!.meta.changes !== 1) return null;
  } catch (error) {
    // Someone took a seat we saw free (or the same address did): look again.
    if (error instanceof SeatRefusedError || error instanceof DuplicateSeatError) return null;
    throw error;
  }
  return {
    outcome: 'confirmed',
    workshops: free,
    lost,
    seatedElsewhere,
    outboxIds: batch.outboxIds,
  };
}

/** The registration's places in line, with the workshops, for its confirmation mail. */
async function waitingPlaces(db: D1Database, registration: Registration, now: number) {
  if (registration.waitingWorkshopIds.length === 0) return [];
  const [places, workshops] = await Promise.all([
    placesOf(db, registration.id, now),
    findWorkshopsInSeries(db, registration.seriesId, registration.waitingWorkshopIds),
  ]);
  return workshops
    .filter((w) => places.has(w.id))
    .map((workshop) => ({ workshop, place: places.get(workshop.id)! }));
}

/** The confirmation mail, queued only if this batch confirmed the registration. */
function queueConfirmed(
  batch: WriteBatch,
  link: ConfirmLink,
  workshops: Workshop[],
  waiting: { workshop: Workshop; place: number }[] = [],
) {
  return batch.queueMail({
    kind: 'confirmed',
    dedupeKey: `confirmed:${link.registration.id}`,
    registration: link.registration,
    series: link.series,
    workshops,
    waiting,
    onlyIf: confirmedAt(link.registration.id, batch.now),
  });
}
