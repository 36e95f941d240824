import { offerReminderCandidates, type OfferCandidate } from '../db/offers';
import { allOf, holdsAll, offerOpenUntil, registrationIs, workshopAt } from '../db/mail-guards';
import { offerReminderKey, selectDueOfferReminders } from '../domain/waitlist';
import { WriteBatch } from '../services/write-batch';
import { mailSubjects, type MailSubject } from '../services/mail-subjects';
import { queueInPages } from './paged';

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
  // A page's registrations in one read; workshops and series once per run.
  const subjectsOf = mailSubjects(db, now);
  return queueInPages<OfferCandidate, OfferCandidate>(
    { pageSize: PAGE_SIZE, perRun: PER_RUN },
    (after) => offerReminderCandidates(db, now, PAGE_SIZE, after),
    (page) => selectDueOfferReminders(page, now),
    async (due) => queuePage(db, now, await subjectsOf(due)),
  );
}

/** One page's due reminders in one batch. */
async function queuePage(
  db: D1Database,
  now: number,
  due: readonly MailSubject<OfferCandidate>[],
): Promise<string[]> {
  if (due.length === 0) return [];
  const batch = new WriteBatch(db, now);
  for (const { item: offer, registration, workshop, series } of due) {
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
