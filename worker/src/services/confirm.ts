import { confirmedAt } from '../db/mail-guards';
import {
  confirmRegistration,
  findRegistrationByToken,
  type Registration,
} from '../db/registrations';
import { findSeriesById, type Series } from '../db/series';
import { findWorkshopsInSeries, type Workshop } from '../db/workshops';
import { confirmState, type ConfirmOutcome, type ConfirmState } from '../domain/registrations';
import { hashToken } from '../tokens';
import { releaseLapsedHolds } from './holds';
import { WriteBatch } from './write-batch';

export interface ConfirmLink {
  state: ConfirmState;
  registration: Registration;
  series: Series;
  workshops: Workshop[];
}

export interface Confirmation {
  /** `pending`: nothing confirmed, the confirm form is shown again. */
  outcome: ConfirmOutcome | 'pending';
  registration: Registration;
  series: Series;
  workshops: Workshop[];
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
  const workshops = await findWorkshopsInSeries(db, series.id, registration.heldWorkshopIds);
  workshops.sort((a, b) => a.startsAt - b.startsAt);
  const state = confirmState(registration, workshops.length, now);
  return { state, registration, series, workshops };
}

/**
 * Confirms the registration a confirm link belongs to (the POST from the confirm page).
 * Idempotent: submitting again changes nothing and sends nothing twice. Null: not our link.
 *
 * The confirmation and its mail are one batch, and the confirmation is conditional on what was
 * read (still pending, hold not over, the same workshops held as they were), so the mail is queued
 * only if this request confirmed, and lists what is true. Races: a cancellation, an expiry (cron
 * or another request), the organizer moving or cancelling a workshop, or a parallel confirmation
 * that gets there first makes this one change nothing; it then looks again and answers with the
 * state it finds (cancelled, expired, already confirmed, or confirmed with what is left).
 */
export async function confirmByToken(
  db: D1Database,
  token: string,
  now: number,
): Promise<Confirmation | null> {
  await releaseLapsedHolds(db, now);
  let link = await confirmLinkByToken(db, token, now);
  for (let attempt = 1; link; attempt++) {
    const { state, ...result } = link;
    const { registration, series, workshops } = result;
    // Still pending after every attempt (what it holds keeps changing): the page asks again.
    if (state !== 'pending' || attempt > ATTEMPTS)
      return { ...result, outcome: state, outboxIds: [] };
    const batch = new WriteBatch(db, now).add(
      confirmRegistration(db, registration.id, workshops, now),
    );
    await batch.queueMail({
      kind: 'confirmed',
      dedupeKey: `confirmed:${registration.id}`,
      registration,
      series,
      workshops,
      onlyIf: confirmedAt(registration.id, now),
    });
    const [update] = await batch.commit();
    if (update!.meta.changes === 1) {
      return { ...result, outcome: 'confirmed', outboxIds: batch.outboxIds };
    }
    link = await confirmLinkByToken(db, token, now);
  }
  return null;
}
