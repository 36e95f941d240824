import {
  confirmRegistration,
  findRegistrationByToken,
  type Registration,
} from '../db/registrations';
import { findSeriesById, type Series } from '../db/series';
import { findWorkshopsInSeries, type Workshop } from '../db/workshops';
import { confirmState, type ConfirmOutcome, type ConfirmState } from '../domain/registrations';
import { hashToken } from '../tokens';
import { WriteBatch } from './write-batch';

export interface ConfirmLink {
  state: ConfirmState;
  registration: Registration;
  series: Series;
  workshops: Workshop[];
}

export interface Confirmation {
  outcome: ConfirmOutcome;
  registration: Registration;
  series: Series;
  workshops: Workshop[];
  outboxIds: string[];
}

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
  const state = confirmState(registration, workshops.length, now);
  return { state, registration, series, workshops };
}

/**
 * Confirms the registration a confirm link belongs to (the POST from the confirm page).
 * Idempotent: submitting again changes nothing and sends nothing twice. Null: not our link.
 */
export async function confirmByToken(
  db: D1Database,
  token: string,
  now: number,
): Promise<Confirmation | null> {
  const link = await confirmLinkByToken(db, token, now);
  if (!link) return null;
  const { state, ...result } = link;
  const { registration, series, workshops } = result;
  if (state !== 'pending') return { ...result, outcome: state, outboxIds: [] };

  const batch = new WriteBatch(db, now).add(confirmRegistration(db, registration.id, now));
  await batch.queueMail({
    kind: 'confirmed',
    dedupeKey: `confirmed:${registration.id}`,
    registration,
    series,
    workshops,
  });
  const [update] = await batch.commit();
  if (update!.meta.changes === 0) {
    // Expired or confirmed by a parallel request in the meantime; the ledger key kept the mail single.
    return { ...result, outcome: 'already_confirmed', outboxIds: [] };
  }
  return { ...result, outcome: 'confirmed', outboxIds: batch.outboxIds };
}
