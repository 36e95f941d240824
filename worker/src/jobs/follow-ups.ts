import { followUpCandidates } from '../db/follow-ups';
import { allOf, holdsAll, registrationIs, workshopAt } from '../db/mail-guards';
import { findRegistration } from '../db/registrations';
import { findSeriesById } from '../db/series';
import { findWorkshop } from '../db/workshops';
import { followUpKey, selectDueFollowUps } from '../domain/follow-ups';
import { WriteBatch } from '../services/write-batch';

/** Follow-ups queued per run; the rest follow on the next run. */
const PER_RUN = 100;

/**
 * Queues the organizers' follow-ups that are due (issue 12): a thin shell around
 * `selectDueFollowUps`. Exactly once per seat: the ledger key is unique, so overlapping runs
 * queue it once; each is queued only if the person is still confirmed and seated then.
 */
export async function queueFollowUps(db: D1Database, now: number): Promise<string[]> {
  const due = selectDueFollowUps(await followUpCandidates(db, now, PER_RUN), now);
  const batch = new WriteBatch(db, now);
  for (const seat of due) {
    const [registration, workshop] = await Promise.all([
      findRegistration(db, seat.registrationId),
      findWorkshop(db, seat.workshopId),
    ]);
    if (!registration || !workshop?.followUp) continue;
    const series = await findSeriesById(db, workshop.seriesId);
    if (!series) continue;
    await batch.queueMail({
      kind: 'followup',
      dedupeKey: followUpKey(seat),
      registration,
      series,
      workshops: [workshop],
      workshopId: workshop.id,
      onlyIf: allOf(
        registrationIs(registration.id, 'confirmed'),
        holdsAll(registration.id, [workshop.id]),
        workshopAt(workshop.id, workshop.sequence),
      ),
    });
  }
  await batch.commit();
  return batch.outboxIds;
}
