import { liveSeatCount, owedPlaces } from './seat-rule';
import { checkedVersion } from './versions';

export interface Workshop {
  id: string;
  seriesId: number;
  title: { sk: string; en: string };
  description: { sk: string; en: string };
  startsAt: number;
  endsAt: number;
  capacity: number;
  joinUrl: string;
  registrationClosesAt: number;
  /** Set when the organizer cancelled the workshop. */
  cancelledAt: number | null;
  /** Bumped when the time or the join link changes; calendars and change notices follow it. */
  sequence: number;
  /** `updated_at`: moves on every change of the row (db/versions.ts), the admin's edit check. */
  version: number;
  /**
   * Seats held at the moment read: by confirmed registrations, and by pending ones whose hold has
   * not run out (a lapsed hold is not counted even before the cron expires it; migration 0006).
   */
  seatsTaken: number;
  /** Confirmed people in its line with no live seat there: owed the next free seats (0008, 0009). */
  lineWaiting: number;
  /** Whether people may join its waiting list when it is full (migration 0007). */
  waitlistEnabled: boolean;
  /** 'auto': a freed seat moves the first in line in; 'offer': it is offered for `offerMinutes`. */
  waitlistMode: 'auto' | 'offer';
  offerMinutes: number;
  /** The message sent to its confirmed registrants after it (null: none). */
  followUp: FollowUp | null;
}

/** A follow-up after a workshop: text in both languages, links, and when it goes out. */
export interface FollowUp {
  text: { sk: string; en: string };
  links: { label: { sk: string; en: string }; url: string }[];
  /** Minutes after the end. */
  afterMinutes: number;
}

/** What an organizer sets; everything else is derived. */
export type WorkshopFields = Omit<
  Workshop,
  | 'id'
  | 'seriesId'
  | 'seatsTaken'
  | 'lineWaiting'
  | 'cancelledAt'
  | 'sequence'
  | 'version'
  | 'waitlistEnabled'
  | 'waitlistMode'
  | 'offerMinutes'
  | 'followUp'
>;

/** The waiting-list and follow-up settings, stored apart from the fields that notify people. */
export type WorkshopExtras = Pick<
  Workshop,
  'waitlistEnabled' | 'waitlistMode' | 'offerMinutes' | 'followUp'
>;

interface WorkshopRow {
  id: string;
  series_id: number;
  title_sk: string;
  title_en: string;
  description_sk: string;
  description_en: string;
  starts_at: number;
  ends_at: number;
  capacity: number;
  join_url: string;
  registration_closes_at: number;
  cancelled_at: number | null;
  sequence: number;
  updated_at: number;
  seats_taken: number;
  line_waiting: number;
  waitlist_enabled: number;
  waitlist_mode: 'auto' | 'offer';
  offer_minutes: number;
  followup_sk: string | null;
  followup_en: string | null;
  followup_links: string;
  followup_after_minutes: number;
}

const fromRow = (r: WorkshopRow): Workshop => ({
  id: r.id,
  seriesId: r.series_id,
  title: { sk: r.title_sk, en: r.title_en },
  description: { sk: r.description_sk, en: r.description_en },
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  capacity: r.capacity,
  joinUrl: r.join_url,
  registrationClosesAt: r.registration_closes_at,
  cancelledAt: r.cancelled_at,
  sequence: r.sequence,
  version: r.updated_at,
  seatsTaken: r.seats_taken,
  lineWaiting: r.line_waiting,
  waitlistEnabled: r.waitlist_enabled === 1,
  waitlistMode: r.waitlist_mode,
  offerMinutes: r.offer_minutes,
  followUp:
    r.followup_sk === null
      ? null
      : {
          text: { sk: r.followup_sk, en: r.followup_en ?? '' },
          links: JSON.parse(r.followup_links) as FollowUp['links'],
          afterMinutes: r.followup_after_minutes,
        },
});

/**
 * Live seats and the confirmed line exactly as the seat guard (0009) counts them for a newcomer
 * (one in line with a live seat there already is owed no second one; one whose only seat there is
 * a lapsed hold is owed one): a seat shown free is one the database lets them take. The rule is
 * db/seat-rule.ts. `?1`: the instant to count at; a query's own parameters start at `?2`.
 */
const SELECT_WITH_SEATS = `SELECT w.*, ${liveSeatCount('w.id', '?1')} AS seats_taken,
  ${owedPlaces('w.id', '?1', 'TRUE')} AS line_waiting
  FROM workshops w`;

async function all(statement: D1PreparedStatement): Promise<Workshop[]> {
  const { results } = await statement.all<WorkshopRow>();
  return results.map(fromRow);
}

/** Workshops of a series that have not started yet and are not cancelled, soonest first. */
export function listUpcomingWorkshops(db: D1Database, seriesId: number, now: number) {
  return all(
    db
      .prepare(
        `${SELECT_WITH_SEATS} WHERE w.series_id = ?2 AND w.starts_at > ?1 AND w.cancelled_at IS NULL
         ORDER BY w.starts_at, w.id`,
      )
      .bind(now, seriesId),
  );
}

export function listAllWorkshops(db: D1Database, seriesId: number, now = Date.now()) {
  return all(
    db
      .prepare(`${SELECT_WITH_SEATS} WHERE w.series_id = ?2 ORDER BY w.starts_at, w.id`)
      .bind(now, seriesId),
  );
}

/** The given workshops, as far as they belong to the series. `ids` stays far below D1's 100 parameters. */
export function findWorkshopsInSeries(
  db: D1Database,
  seriesId: number,
  ids: readonly string[],
  now = Date.now(),
) {
  if (ids.length === 0) return Promise.resolve([]);
  return all(selectWorkshopsInSeries(db, seriesId, ids, now));
}

/** The statement behind findWorkshopsInSeries, to run in a batch with other reads. */
export function selectWorkshopsInSeries(
  db: D1Database,
  seriesId: number,
  ids: readonly string[],
  now: number,
): D1PreparedStatement {
  const placeholders = ids.map((_, i) => `?${i + 3}`).join(', ');
  return db
    .prepare(`${SELECT_WITH_SEATS} WHERE w.series_id = ?2 AND w.id IN (${placeholders})`)
    .bind(now, seriesId, ...ids);
}

/** Like selectWorkshopsInSeries, for a series known by its slug (read in the same batch). */
export function selectWorkshopsInSeriesSlug(
  db: D1Database,
  slug: string,
  ids: readonly string[],
  now: number,
): D1PreparedStatement {
  const placeholders = ids.map((_, i) => `?${i + 3}`).join(', ');
  return db
    .prepare(
      `${SELECT_WITH_SEATS} WHERE w.series_id = (SELECT id FROM series WHERE slug = ?2)
         AND w.id IN (${placeholders})`,
    )
    .bind(now, slug, ...ids);
}

/** Reads the rows of a statement built by selectWorkshopsInSeries(Slug). */
export const workshopsFromResult = (result: D1Result<unknown>): Workshop[] =>
  (result.results as WorkshopRow[]).map(fromRow);

export async function findWorkshop(
  db: D1Database,
  id: string,
  now = Date.now(),
): Promise<Workshop | null> {
  const row = await selectWorkshop(db, id, now).first<WorkshopRow>();
  return row ? fromRow(row) : null;
}

/** The statement behind findWorkshop, to run in a batch with other reads (workshopsFromResult). */
export const selectWorkshop = (db: D1Database, id: string, now: number) =>
  db.prepare(`${SELECT_WITH_SEATS} WHERE w.id = ?2`).bind(now, id);

export function insertWorkshop(
  db: D1Database,
  id: string,
  seriesId: number,
  w: WorkshopFields,
  now: number,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO workshops (id, series_id, title_sk, title_en, description_sk, description_en,
         starts_at, ends_at, capacity, join_url, registration_closes_at, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)`,
    )
    .bind(id, seriesId, ...fieldValues(w), now);
}

/**
 * Cancels a workshop and releases its seats (their history stays). The workshop first: from then
 * on the seat guard refuses new seats in it, so the release catches every seat there will be.
 * Made on the strength of the version read (`expected`): if the workshop changed after that read
 * (moved, its capacity changed), the statement fails and the batch with it (db/versions.ts); one
 * cancelled meanwhile is left alone (no row matches, so nothing fails and nothing is released).
 */
export function cancelWorkshop(
  db: D1Database,
  id: string,
  now: number,
  expected: number,
): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `UPDATE workshops SET cancelled_at = ?2, sequence = sequence + 1, ${checkedVersion('?2', '?3')}
         WHERE id = ?1 AND cancelled_at IS NULL`,
      )
      .bind(id, now, expected),
    db
      .prepare(
        `UPDATE seats SET status = 'released', released_at = ?2, release_reason = 'workshop_cancelled'
         WHERE workshop_id = ?1 AND status = 'held'`,
      )
      .bind(id, now),
  ];
}

/** The organizer's fields in the columns' order (?2 to ?10 after the id). */
export const fieldValues = (w: WorkshopFields) => [
  w.title.sk,
  w.title.en,
  w.description.sk,
  w.description.en,
  w.startsAt,
  w.endsAt,
  w.capacity,
  w.joinUrl,
  w.registrationClosesAt,
];
