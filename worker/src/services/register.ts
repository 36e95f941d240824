import { ApiError, validationFailed } from '../http/errors';
import { randomId } from '../ids';
import {
  heldWorkshopIds,
  insertRegistration,
  SeatRefusedError,
  type RegistrationStatus,
} from '../db/registrations';
import type { Series } from '../db/series';
import { findWorkshopsInSeries, type Workshop } from '../db/workshops';
import type { RegistrationInput } from '../schemas/registration';
import { isRegistrationOpen, seatsLeft } from '../views';

export interface Registered {
  id: string;
  status: RegistrationStatus;
  workshopIds: string[];
}

/** How often to retry when the database refused a seat but a fresh look finds it free again. */
const ATTEMPTS = 3;

/** The key under which one address holds at most one seat per workshop. */
export const emailKeyOf = (email: string) => email.trim().toLowerCase();

/**
 * Registers one person for one or more workshops of a series, all or nothing.
 *
 * An address that already holds a seat in a chosen workshop keeps that one seat; the response looks
 * the same as for a first registration, so it does not reveal who registered before.
 */
export async function register(
  db: D1Database,
  series: Series,
  input: RegistrationInput,
  now: number,
): Promise<Registered> {
  const emailKey = emailKeyOf(input.email);
  for (let attempt = 1; ; attempt++) {
    const workshops = await findWorkshopsInSeries(db, series.id, input.workshopIds);
    if (workshops.length !== input.workshopIds.length) {
      throw validationFailed({ workshopIds: 'unknown_workshop' });
    }
    const held = await heldWorkshopIds(db, emailKey, input.workshopIds);
    const toSeat = workshops.filter((w) => !held.has(w.id));
    refuseUnavailable(toSeat, now);

    const id = randomId();
    try {
      await insertRegistration(db, {
        id,
        seriesId: series.id,
        input,
        emailKey,
        status: 'confirmed',
        seatWorkshopIds: toSeat.map((w) => w.id),
        now,
      });
      return { id, status: 'confirmed', workshopIds: input.workshopIds };
    } catch (error) {
      if (!(error instanceof SeatRefusedError)) throw error;
      // Someone took the last seat between our look and our write: the next look reports which.
      // Should seats keep flickering, refuse with what the database said rather than loop.
      if (attempt >= ATTEMPTS) {
        throw new ApiError(409, error.reason, 'A chosen workshop cannot take this registration.', {
          workshopIds: toSeat.map((w) => w.id),
        });
      }
    }
  }
}

/** Closed workshops are reported before full ones: closing is final, a seat may still free up. */
function refuseUnavailable(workshops: Workshop[], now: number): void {
  const closed = workshops.filter((w) => !isRegistrationOpen(w, now));
  if (closed.length > 0) {
    throw new ApiError(409, 'registration_closed', 'Registration for these workshops is closed.', {
      workshopIds: closed.map((w) => w.id),
    });
  }
  const full = workshops.filter((w) => seatsLeft(w) === 0);
  if (full.length > 0) {
    throw new ApiError(409, 'workshop_full', 'These workshops have no seats left.', {
      workshopIds: full.map((w) => w.id),
    });
  }
}
