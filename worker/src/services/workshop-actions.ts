import { findSeriesById } from '../db/series';
import { findWorkshop, type Workshop } from '../db/workshops';
import { readCancelPreview } from '../db/seat-holders';
import { notFound } from '../http/errors';
import { ifMatchHolds, pinsAVersion } from '../http/preconditions';
import type { WorkshopPatch } from '../schemas/workshop';
import { editConflict, onTheVersionRead } from './versions';
import { cancelWorkshopAndTell, changeWorkshop } from './workshop-changes';

/**
 * An organizer's edit and cancellation of a workshop as the admin API takes them: read the
 * workshop, judge the request's `If-Match` against what was read, and write on the strength of
 * that read (services/versions.ts `onTheVersionRead`): with an `If-Match`, only onto the version
 * the organizer saw (else 412 `edit_conflict`, nothing changed); without, onto the version read
 * here, read again and retried if another change lands first.
 */

/** The workshop and its series; 404 when either is gone. */
export async function requireWorkshop(db: D1Database, id: string) {
  const workshop = await findWorkshop(db, id);
  if (!workshop) throw notFound('workshop_not_found', 'Workshop');
  const series = await findSeriesById(db, workshop.seriesId);
  if (!series) throw notFound('series_not_found', 'Series');
  return { workshop, series };
}

/** Changes a workshop (services/workshop-changes.ts `changeWorkshop`); the notices' outbox ids. */
export function editWorkshop(
  db: D1Database,
  id: string,
  patch: WorkshopPatch,
  ifMatch: string | undefined,
  actor: string,
): Promise<string[]> {
  return onTheVersionRead(pinsAVersion(ifMatch), async () => {
    const now = Date.now();
    const { workshop, series } = await requireWorkshop(db, id);
    if (!ifMatchHolds(ifMatch, workshop.version)) throw editConflict();
    return changeWorkshop(db, series, workshop, patch, actor, now);
  });
}

/**
 * Cancels a workshop and tells who held a seat (`cancelWorkshopAndTell`). One already cancelled
 * is answered as done whatever `If-Match` says: what was asked is in effect (RFC 9110 §13.1.1
 * allows a 2xx then), and nobody is told twice.
 */
export async function cancelWorkshopAsAsked(
  db: D1Database,
  id: string,
  ifMatch: string | undefined,
  actor: string,
): Promise<{ workshop: Workshop; outboxIds: string[] }> {
  const outboxIds = await onTheVersionRead(pinsAVersion(ifMatch), async () => {
    const now = Date.now();
    const { workshop, series } = await requireWorkshop(db, id);
    if (workshop.cancelledAt !== null) return [];
    if (!ifMatchHolds(ifMatch, workshop.version)) throw editConflict();
    return cancelWorkshopAndTell(db, series, workshop, actor, now);
  });
  return { workshop: (await requireWorkshop(db, id)).workshop, outboxIds };
}

/**
 * What cancelling a workshop would do, as the organizer is warned of it: the workshop (its
 * version, to send back as If-Match with the cancellation) and who holds a seat, read at one
 * instant (db/seat-holders.ts `readCancelPreview`). 404 when there is no such workshop.
 */
export async function cancelPreviewOf(db: D1Database, id: string, now: number) {
  const read = await readCancelPreview(db, id, now);
  if (!read) throw notFound('workshop_not_found', 'Workshop');
  return read;
}
