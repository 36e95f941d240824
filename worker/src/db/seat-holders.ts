import {
  registrationFromRow,
  SELECT_REGISTRATION,
  type Registration,
  type RegistrationRow,
} from './registrations';
import { selectConfirmedInLine } from './waitlist-reads';
import { selectWorkshop, workshopsFromResult, type Workshop } from './workshops';

/**
 * Who holds a seat in a workshop, and which of them have its join link: whom cancelling it tells
 * (services/workshop-changes.ts), and what the organizer is warned of first (with the confirmed
 * people in its line, db/waitlist-reads.ts).
 */

/** Everyone holding a seat in a workshop (a pending hold that lapsed too, until it expires). */
const selectHoldingSeatIn = (db: D1Database, workshopId: string) =>
  db
    .prepare(
      `${SELECT_REGISTRATION}
       WHERE r.id IN (SELECT registration_id FROM seats WHERE workshop_id = ?1 AND status = 'held')`,
    )
    .bind(workshopId);

/** Registrations whose reminder for this workshop went out (or is going): they have the join link. */
const selectReminded = (db: D1Database, workshopId: string) =>
  db
    .prepare(
      `SELECT DISTINCT registration_id FROM outbox
       WHERE workshop_id = ? AND kind = 'reminder' AND status IN ('sending', 'sent')`,
    )
    .bind(workshopId);

const holdersFrom = (result: D1Result<unknown>): Registration[] =>
  (result.results as RegistrationRow[]).map(registrationFromRow);

const remindedFrom = (result: D1Result<unknown>): Set<string> =>
  new Set((result.results as { registration_id: string }[]).map((r) => r.registration_id));

export async function registrationsHoldingSeatIn(
  db: D1Database,
  workshopId: string,
): Promise<Registration[]> {
  return holdersFrom(await selectHoldingSeatIn(db, workshopId).all());
}

export async function registrationsReminded(
  db: D1Database,
  workshopId: string,
): Promise<Set<string>> {
  return remindedFrom(await selectReminded(db, workshopId).all());
}

/** What cancelling would tell, beside the workshop (its version) it was read with. */
export interface CancelPreviewRead {
  workshop: Workshop;
  holders: Registration[];
  reminded: Set<string>;
  /** Confirmed people waiting in its line: cancelling ends their place and tells them too. */
  inLine: Registration[];
}

/**
 * The workshop, its seat holders, who of them has the link and who waits confirmed in its line,
 * as one batch: one transaction, so the counts are those of the very version read (no edit can
 * land between the reads), and the organizer's cancellation, sent with that version as If-Match,
 * is refused if anything about the workshop changed since. Null: no such workshop.
 */
export async function readCancelPreview(
  db: D1Database,
  workshopId: string,
  now: number,
): Promise<CancelPreviewRead | null> {
  const [workshop, holders, reminded, inLine] = await db.batch([
    selectWorkshop(db, workshopId, now),
    selectHoldingSeatIn(db, workshopId),
    selectReminded(db, workshopId),
    selectConfirmedInLine(db, workshopId),
  ]);
  const [read] = workshopsFromResult(workshop!);
  if (!read) return null;
  return {
    workshop: read,
    holders: holdersFrom(holders!),
    reminded: remindedFrom(reminded!),
    inLine: holdersFrom(inLine!),
  };
}
