import type { RegistrationReceipt } from '../../contract';
import { ApiError, validationFailed } from '../http/errors';
import { randomId } from '../ids';
import { insertRegistration, type Registration } from '../db/registrations';
import { readRegistrationContext, type RegistrationContext } from '../db/register-reads';
import { allOf, holdsAll, registrationIs } from '../db/mail-guards';
import {
  DuplicateSeatError,
  PendingCapError,
  insertSeats,
  runSeatBatch,
  SeatRefusedError,
} from '../db/seats';
import type { Series } from '../db/series';
import type { Workshop } from '../db/workshops';
import type { RegistrationInput } from '../schemas/registration';
import { splitChoice, type Choice } from '../domain/waitlist';
import { insertPlaces, lineLengths, placesOf } from '../db/waitlist';
import { WriteBatch } from './write-batch';
import { lapsedHoldGoes } from './holds';
import { confirmLinkEnd, holdEnd, PENDING_PER_CLIENT } from '../domain/holds';

/** What the API answers for an accepted registration (the public contract's receipt). */
export type Registered = RegistrationReceipt;

/** How often to retry when the database refused a seat but a fresh look finds it free again. */
const ATTEMPTS = 3;

/** Repeat submissions for seats already held are answered by e-mail at most this often. */
export const NOTICE_INTERVAL_MS = 3_600_000;

/** The key under which one address holds at most one seat per workshop. */
export const emailKeyOf = (email: string) => email.trim().toLowerCase();

/** A registration request's first look: the series (null: unknown), its chosen workshops, held seats. */
export function lookUp(
  db: D1Database,
  slug: string,
  input: RegistrationInput,
  now: number,
): Promise<RegistrationContext> {
  return readRegistrationContext(db, slug, emailKeyOf(input.email), input.workshopIds, now);
}

/**
 * Registers one person for one or more workshops of a series, all or nothing, as `pending` until
 * they confirm by e-mail (double opt-in). Returns the outbox ids to deliver right away.
 *
 * An address that already holds a seat in a chosen workshop keeps that one seat; the response looks
 * the same as for a first registration. What happened is told by e-mail, to the address only.
 *
 * Two D1 round trips when nothing races: `first` (one read batch, from `lookUp`) and one write
 * batch. Lapsed holds are not expired here (the cron does that); the seat guard does not count
 * them (migration 0006), and only the address's own lapsed registration is expired, in the write
 * batch, to make way for its new seat. A seat a lapsed hold frees is owed to the confirmed people
 * in line first: the seat guard counts them (migration 0008), so no read of this request can be
 * stale enough to take it.
 */
export async function register(
  db: D1Database,
  first: RegistrationContext & { series: Series },
  input: RegistrationInput,
  baseUrl: string,
  now: number,
  /** The keyed hash of the client's network (http/client.ts); null: no pending cap applies. */
  clientKey: string | null = null,
): Promise<{ registration: Registered; outboxIds: string[] }> {
  const emailKey = emailKeyOf(input.email);
  const { series } = first;
  for (let attempt = 1; ; attempt++) {
    const { workshops, holders } =
      attempt === 1 ? first : await lookUp(db, series.slug, input, now);
    if (workshops.length !== input.workshopIds.length) {
      throw validationFailed({ workshopIds: 'unknown_workshop' });
    }
    const lapsed = holders.filter((r) => !holdsLive(r, now));
    const live = holders.filter((r) => holdsLive(r, now));
    const heldIds = new Set(live.flatMap((r) => r.heldWorkshopIds));
    // Judged on every chosen workshop, held or not: a different answer for a held seat in a full
    // or closed workshop would tell anyone whether an address is registered.
    const choice = splitChoice(workshops, new Set(input.waitlistWorkshopIds ?? []), now);
    refuseUnavailable(choice);
    const toSeat = choice.seats.filter((w) => !heldIds.has(w.id));
    const toLine = choice.line.filter((w) => !heldIds.has(w.id));
    const lengths = await lineLengths(db, ids(choice.line), now);

    const id = randomId();
    const batch = new WriteBatch(db, now);
    if (toSeat.length + toLine.length > 0) {
      const expiresAt = holdEnd(now, [...toSeat, ...toLine]);
      const registration = { id, email: input.email, locale: input.locale, baseUrl };
      const row = { registrationId: id, emailKey, now };
      batch.add(
        // The address's own lapsed hold gives way first (its seat is the one the unique index
        // would find; the line gets it before this request); everyone else's wait for the cron.
        ...lapsed.flatMap((r) => lapsedHoldGoes(db, r.id, r.heldWorkshopIds, now)),
        insertRegistration(db, {
          id,
          seriesId: series.id,
          input,
          emailKey,
          expiresAt,
          baseUrl,
          clientKey,
          now,
        }),
        ...insertSeats(db, row, ids(toSeat)),
        ...insertPlaces(db, row, ids(toLine)),
      );
      await batch.queueMail({
        kind: 'confirm_request',
        dedupeKey: `confirm_request:${id}`,
        registration,
        series,
        workshops: toSeat,
        waiting: toLine.map((w) => ({ workshop: w, place: lengths.get(w.id)! + 1 })),
        withConfirmLink: true,
        holdUntil: expiresAt,
        confirmUntil: confirmLinkEnd(now),
      });
    }
    await queueNoticesForHeldSeats(batch, series, workshops, live);

    try {
      await batch.commit(runSeatBatch);
      // Only with a place in line: no extra round trip for a plain registration.
      const places =
        choice.line.length > 0 ? await placesOf(db, id, now) : new Map<string, number>();
      const waitlist = choice.line.map((w) => ({
        workshopId: w.id,
        place: places.get(w.id) ?? lengths.get(w.id)! + 1,
      }));
      return {
        registration: { id, status: 'pending', workshopIds: input.workshopIds, waitlist },
        outboxIds: batch.outboxIds,
      };
    } catch (error) {
      // The same address registered in a parallel request: the next look finds its seat held.
      if (error instanceof DuplicateSeatError && attempt < ATTEMPTS) continue;
      if (error instanceof PendingCapError) throw tooManyPending();
      if (!(error instanceof SeatRefusedError)) throw error;
      // Someone took the last seat between our look and our write: the next look reports which.
      // Should seats keep flickering, refuse with what the database said rather than loop.
      if (attempt >= ATTEMPTS) {
        throw new ApiError(409, error.reason, 'A chosen workshop cannot take this registration.', {
          workshopIds: ids(toSeat),
        });
      }
    }
  }
}

/** Whether a registration's seats still count: confirmed, or pending within its hold. */
const holdsLive = (r: Registration, now: number) =>
  r.status !== 'pending' || (r.expiresAt ?? 0) > now;

/**
 * For workshops the address already holds: a pending registration gets a fresh confirmation link
 * (the first mail may be lost), a confirmed one a note that nothing more is needed.
 */
async function queueNoticesForHeldSeats(
  batch: WriteBatch,
  series: Series,
  workshops: Workshop[],
  holders: Registration[],
): Promise<void> {
  const now = batch.now;
  for (const existing of holders) {
    const pending = existing.status === 'pending';
    const listed = workshops.filter((w) => existing.heldWorkshopIds.includes(w.id));
    await batch.queueMail({
      kind: pending ? 'confirm_request' : 'already_registered',
      // At most one such note per registration and hour: repeated submissions of someone else's
      // address must not turn the worker into a mail cannon.
      dedupeKey: `${pending ? 'confirm_again' : 'already_registered'}:${existing.id}:${Math.floor(now / NOTICE_INTERVAL_MS)}`,
      registration: existing,
      series,
      workshops: listed,
      withConfirmLink: pending,
      holdUntil: existing.expiresAt ?? undefined,
      confirmUntil: pending ? confirmLinkEnd(existing.createdAt) : undefined,
      // Still so when the batch runs: a cancellation or expiry in between sends no note.
      onlyIf: allOf(
        registrationIs(existing.id, existing.status),
        holdsAll(
          existing.id,
          listed.map((w) => w.id),
        ),
      ),
    });
  }
}

/**
 * The client (its address, or its IPv6 /64) has PENDING_PER_CLIENT unconfirmed registrations in
 * this series already: 429, and the widget says to confirm those first. The count is a trigger
 * (migration 0004), so parallel registrations from one client cannot all get past it; a
 * confirmation, cancellation or expiry at the same moment frees a place for the next request.
 */
const tooManyPending = () =>
  new ApiError(
    429,
    'too_many_pending',
    `This network has ${PENDING_PER_CLIENT} registrations in this series that are not confirmed yet. Confirm them with the link in each e-mail, then register again; unconfirmed ones lapse after an hour.`,
  );

const ids = (workshops: readonly Workshop[]) => workshops.map((w) => w.id);

/**
 * Closed workshops are reported before full ones: closing is final, a seat may still free up.
 * Full: no seat, and no place in line asked for (or its list is off).
 */
function refuseUnavailable({ closed, full }: Choice): void {
  if (closed.length > 0) {
    throw new ApiError(409, 'registration_closed', 'Registration for these workshops is closed.', {
      workshopIds: ids(closed),
    });
  }
  if (full.length > 0) {
    throw new ApiError(409, 'workshop_full', 'These workshops have no seats left.', {
      workshopIds: ids(full),
    });
  }
}
