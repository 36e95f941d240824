import { offerReminderCandidates, type OfferCandidate } from '../db/offers';
import { allOf, holdsAll, offerOpenUntil, registrationIs, workshopAt } from '../db/mail-guards';
import { findRegistration } from '../db/registrations';
import { findSeriesById, type Series } from '../db/series';
import { findWorkshop, type Workshop } from '../db/workshops';
import { offerReminderKey, selectDueOfferReminders } from '../domain/waitlist';
import { WriteBatch } from '../services/write-batch';
import { onceEach } from '../once-each';

/** Offers read (and their due reminders queued, as one batch) at a time. */
const PAGE_SIZE = 200;

/**
 * Reminders one run queues at most; the next run, a quarter of an hour later, takes the rest. An
 * offer's reminder is due from half an hour before its end (two-hour offers), so a run must not
 * stop at one page: more offers than that come due at once when a workshop is moved or enlarged.
 */
const PER_RUN = 5_000;

/**
 * Queues the reminders of open offers that run out soon ('offer' mode): a thin shell around
 * `selectDueOfferReminders`, page after page until no candidate is left or `PER_RUN` are queued.
 * Exactly once per offer (the ledger key), and only while the offer is still open when the batch
 * runs: accepted, declined or run out meanwhile, it queues nothing; if that happens after it is
 * queued, the mail checks drop it (`offer_ended`).
 */
export async function queueOfferReminders(db: D1Database, now: number): Promise<string[]> {
  const outboxIds: string[] = [];
  const workshopOf = onceEach((id: string) => findWorkshop(db, id, now));
  const seriesOf = onceEach((id: number) => findSeriesById(db, id));
  let after: OfferCandidate | undefined;
  while (outboxIds.length < PER_RUN) {
    const page = await offerReminderCandidates(db, now, PAGE_SIZE, after);
    const due = selectDueOfferReminders(page, now).slice(0, PER_RUN - outboxIds.length);
    outboxIds.push(...(await queuePage(db, now, due, workshopOf, seriesOf)));
    if (page.length < PAGE_SIZE) break;
    after = page.at(-1);
  }
  return outboxIds;
}

/** One page's due reminders in one batch; workshops and series are read once per run. */
async function queuePage(
  db: D1Database,
  now: number,
  due: readonly OfferCandidate[],
  workshopOf: (id: string) => Promise<Workshop | null>,
  seriesOf: (id: number) => Promise<Series | null>,
): Promise<string[]> {
  if (due.length === 0) return [];
  const batch = new WriteBatch(db, now);
  for (const offer of due) {
    const [registration, workshop] = await Promise.all([
      findRegistration(db, offer.registrationId),
      workshopOf(offer.workshopId),
    ]);
    if (!registration || !workshop) continue;
    const ofSeries = await seriesOf(workshop.seriesId);
    if (!ofSeries) continue;
    await batch.queueMail({
      kind: 'offer_reminder',
      dedupeKey: offerReminderKey(offer),
      offerUntil: offer.offeredUntil,
      registration,
      series: ofSeries,
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
