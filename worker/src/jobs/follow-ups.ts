import { followUpCandidates, type FollowUpCandidate } from '../db/follow-ups';
import { allOf, holdsAll, registrationIs, workshopAt } from '../db/mail-guards';
import { followUpKey, selectDueFollowUps } from '../domain/follow-ups';
import { WriteBatch } from '../services/write-batch';
import { mailSubjects, type MailSubject } from '../services/mail-subjects';
import { queueInPages } from './paged';

/** Candidates read (and their due follow-ups queued, as one batch) at a time. */
const PAGE_SIZE = 200;

/**
 * Follow-ups one run queues at most, as for offer reminders: every due one of a large workshop
 * (a thousand registrants) in one run, while a run stays well inside its 30 s of CPU: rendering a
 * follow-up and hashing its token took 0.65 ms in Node on a busy machine, so 5,000 are about 3 s
 * (a reminder with its calendar file 1.5 ms). The next run takes any rest.
 */
const PER_RUN = 5_000;

/**
 * Queues the organizers' follow-ups that are due (issue 12): a thin shell around
 * `selectDueFollowUps`, page after page until no candidate is left or `PER_RUN` are queued.
 * Exactly once per seat: the ledger key is unique, so overlapping runs queue it once; each is
 * queued only if the person is still confirmed and seated then.
 */
export async function queueFollowUps(db: D1Database, now: number): Promise<string[]> {
  const subjectsOf = mailSubjects(db, now);
  return queueInPages<FollowUpCandidate, FollowUpCandidate>(
    { pageSize: PAGE_SIZE, perRun: PER_RUN },
    (after) => followUpCandidates(db, now, PAGE_SIZE, after),
    (page) => selectDueFollowUps(page, now),
    async (due) => queuePage(db, now, await subjectsOf(due)),
  );
}

/** One page's due follow-ups in one batch. */
async function queuePage(
  db: D1Database,
  now: number,
  due: readonly MailSubject<FollowUpCandidate>[],
): Promise<string[]> {
  const batch = new WriteBatch(db, now);
  for (const { item: seat, registration, workshop, series } of due) {
    if (!workshop.followUp) continue;
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
