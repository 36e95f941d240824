import { offerReminderCandidates } from '../db/offers';
import { allOf, holdsAll, offerOpenUntil, registrationIs, workshopAt } from '../db/mail-guards';
import { findRegistration } from '../db/registrations';
import { findSeriesById } from '../db/series';
import { findWorkshop } from '../db/workshops';
import { offerReminderKey, selectDueOfferReminders } from '../domain/waitlist';
import { WriteBatch } from '../services/write-batch';

/** Offers read per run; the rest follow on the next run a quarter of an hour later. */
const PER_RUN = 200;

/**
 * Queues the reminders of open offers that run out soon ('offer' mode): a thin shell around
 * `selectDueOfferReminders`. Exactly once per offer (the ledger key), and only while the offer is
 * still open when the batch runs: accepted, declined or run out meanwhile, it queues nothing; if
 * that happens after it is queued, the mail checks drop it (`offer_ended`).
 */
export async function queueOfferReminders(db: D1Database, now: number): Promise<string[]> {
  const due = selectDueOfferReminders(await offerReminderCandidates(db, now, PER_RUN), now);
  if (due.length === 0) return [];
  const batch = new WriteBatch(db, now);
  for (const offer of due) {
    const [registration, workshop] = await Promise.all([
      findRegistration(db, offer.registrationId),
      findWorkshop(db, offer.workshopId, now),
    ]);
    if (!registration || !workshop) continue;
    const series = await findSeriesById(db, workshop.seriesId);
    if (!series) continue;
    await batch.queueMail({
      kind: 'offer_reminder',
      dedupeKey: offerReminderKey(offer),
      offerUntil: offer.offeredUntil,
      registration,
      series,
      workshops: [workshop],
      workshopId: workshop.id,
      onlyIf: allOf(
        registrationIs(registration.id, 'confirmed'),
        holdsAll(registration.id, [workshop.id]),
        workshopAt(workshop.id, workshop.sequence),
        offerOpenUntil(registration.id, workshop.id, offer.offeredUntil, now),
      ),
    });
  }
  await batch.commit();
  return batch.outboxIds;
}
