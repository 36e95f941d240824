import {
  confirmRegistration,
  findRegistrationByToken,
  type Registration,
} from '../db/registrations';
import { findSeriesById, type Series } from '../db/series';
import { findWorkshopsInSeries, type Workshop } from '../db/workshops';
import { composeMail } from '../mail/compose';
import type { ConfirmOutcome } from '../pages/registration-pages';
import { queueReminders } from '../reminders';
import { hashToken } from '../tokens';

export interface Confirmation {
  outcome: ConfirmOutcome;
  registration: Registration;
  series: Series;
  workshops: Workshop[];
  outboxIds: string[];
}

/**
 * Confirms the registration a confirm link belongs to. Idempotent: opening the link again (or a
 * mail scanner opening it first) changes nothing and sends nothing twice. Null: not our link.
 */
export async function confirmByToken(
  db: D1Database,
  token: string,
  now: number,
): Promise<Confirmation | null> {
  const registration = await findRegistrationByToken(db, await hashToken(token), 'confirm');
  if (!registration) return null;
  const series = await findSeriesById(db, registration.seriesId);
  if (!series) return null;
  const workshops = await findWorkshopsInSeries(db, series.id, registration.heldWorkshopIds);
  const result = { registration, series, workshops, outboxIds: [] as string[] };

  if (registration.status === 'confirmed') return { ...result, outcome: 'already_confirmed' };
  if (registration.status === 'cancelled') return { ...result, outcome: 'cancelled' };
  if (registration.status === 'expired' || (registration.expiresAt ?? 0) <= now) {
    return { ...result, outcome: 'expired' };
  }
  // Every seat was released meanwhile (the organizer cancelled the workshops): nothing to confirm.
  if (workshops.length === 0) return { ...result, outcome: 'cancelled' };

  const mail = await composeMail(db, {
    kind: 'confirmed',
    dedupeKey: `confirmed:${registration.id}`,
    registration,
    series,
    workshops,
    now,
  });
  const [update] = await db.batch([
    confirmRegistration(db, registration.id, now),
    ...mail.statements,
  ]);
  if (update!.meta.changes === 0) {
    // Expired or confirmed by a parallel request in the meantime; the ledger key kept the mail single.
    return { ...result, outcome: 'already_confirmed' };
  }
  // Confirmed within a day of a workshop: the join link follows at once, not at the next cron run.
  const reminders = await queueReminders(db, now, registration.id);
  return { ...result, outcome: 'confirmed', outboxIds: [mail.outboxId, ...reminders] };
}
