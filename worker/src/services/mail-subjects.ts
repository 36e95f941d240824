import type { Registration } from '../db/registrations';
import { registrationsByIds } from '../db/registrations-by-id';
import { findSeriesById, type Series } from '../db/series';
import { findWorkshop, type Workshop } from '../db/workshops';
import { onceEach } from '../once-each';

/** A due message's subject: one person's seat (or place) in one workshop. */
export interface SeatRef {
  registrationId: string;
  workshopId: string;
}

/** What a message about a seat is rendered from. */
export interface MailSubject<T extends SeatRef> {
  item: T;
  registration: Registration;
  workshop: Workshop;
  series: Series;
}

/**
 * The reads behind a mail job's page of due seats: the page's registrations in one query (not
 * one each: 10,000 reminders were 10,000 reads), each workshop and series once per run, however
 * many of its seats the run meets. Seats whose registration, workshop or series is gone (erased,
 * deleted meanwhile) are left out; the mail guards catch anything that changes after this read.
 */
export function mailSubjects(db: D1Database, now: number) {
  const workshopOf = onceEach((id: string) => findWorkshop(db, id, now));
  const seriesOf = onceEach((id: number) => findSeriesById(db, id));
  return async function subjectsOf<T extends SeatRef>(
    items: readonly T[],
  ): Promise<MailSubject<T>[]> {
    if (items.length === 0) return [];
    const [registrations] = await Promise.all([
      registrationsByIds(
        db,
        items.map((i) => i.registrationId),
      ),
      // Side by side with the registrations: distinct workshops are few, each read once a run.
      ...[...new Set(items.map((i) => i.workshopId))].map(workshopOf),
    ]);
    const subjects: MailSubject<T>[] = [];
    for (const item of items) {
      const registration = registrations.get(item.registrationId);
      const workshop = await workshopOf(item.workshopId);
      if (!registration || !workshop) continue;
      const series = await seriesOf(workshop.seriesId);
      if (!series) continue;
      subjects.push({ item, registration, workshop, series });
    }
    return subjects;
  };
}
