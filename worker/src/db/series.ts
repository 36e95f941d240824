import { checkedVersion } from './versions';
import type { SeriesInput } from '../schemas/series';

export interface Series {
  id: number;
  slug: string;
  title: { sk: string; en: string };
  description: { sk: string; en: string };
  privacyUrl: string;
  organizer: { name: string; email: string };
  /** Days after a registrant's last workshop until their personal data is deleted. */
  retentionDays: number;
  /** Cloudflare Turnstile, when the organizer turned it on (the secret never leaves the worker). */
  turnstile: TurnstileKeys | null;
  /** Origins whose pages may embed it (CORS, frame-ancestors); empty: any. */
  allowedOrigins: string[];
  /** The reminder schedule (migration 0007): minutes before each workshop. */
  reminders: ReminderSchedule;
  /** `updated_at`: moves on every change of the row (db/versions.ts), the admin's edit check. */
  version: number;
}

export interface ReminderSchedule {
  /** The join link goes out this many minutes before the start (1440: a day). */
  leadMinutes: number;
  /** A second, short reminder this many minutes before (null: none). */
  secondLeadMinutes: number | null;
}

export interface TurnstileKeys {
  siteKey: string;
  secretKey: string;
}

interface SeriesRow {
  id: number;
  slug: string;
  title_sk: string;
  title_en: string;
  description_sk: string;
  description_en: string;
  privacy_url: string;
  organizer_name: string;
  organizer_email: string;
  retention_days: number;
  turnstile_site_key: string | null;
  turnstile_secret_key: string | null;
  allowed_origins: string;
  reminder_lead_minutes: number;
  second_reminder_minutes: number | null;
  updated_at: number;
}

const fromRow = (r: SeriesRow): Series => ({
  id: r.id,
  slug: r.slug,
  title: { sk: r.title_sk, en: r.title_en },
  description: { sk: r.description_sk, en: r.description_en },
  privacyUrl: r.privacy_url,
  organizer: { name: r.organizer_name, email: r.organizer_email },
  retentionDays: r.retention_days,
  turnstile:
    r.turnstile_site_key && r.turnstile_secret_key
      ? { siteKey: r.turnstile_site_key, secretKey: r.turnstile_secret_key }
      : null,
  allowedOrigins: JSON.parse(r.allowed_origins) as string[],
  reminders: {
    leadMinutes: r.reminder_lead_minutes,
    secondLeadMinutes: r.second_reminder_minutes,
  },
  version: r.updated_at,
});

/**
 * For a statement that follows another in the series' save (`upsertSeries`, then these): it
 * writes when the one before changed the row or a value of its own differs, so that `changes()`
 * after the last says whether the save changed anything (its audit entry's condition); the
 * version moves once, by whichever statement changed the row first. `?1` is the slug; `now`
 * and the comparison name the statement's own parameters.
 */
const chained = (set: string, differs: string, now: string) =>
  `UPDATE series SET ${set},
     updated_at = CASE WHEN changes() > 0 THEN updated_at ELSE MAX(${now}, updated_at + 1) END
   WHERE slug = ?1 AND (changes() > 0 OR ${differs})`;

/** Saves a series' reminder schedule (in the batch that saves the series, after the upsert). */
export const setReminderSchedule = (
  db: D1Database,
  slug: string,
  schedule: ReminderSchedule,
  now: number,
) =>
  db
    .prepare(
      chained(
        'reminder_lead_minutes = ?2, second_reminder_minutes = ?3',
        'reminder_lead_minutes IS NOT ?2 OR second_reminder_minutes IS NOT ?3',
        '?4',
      ),
    )
    .bind(slug, schedule.leadMinutes, schedule.secondLeadMinutes, now);

export async function findSeries(db: D1Database, slug: string): Promise<Series | null> {
  const row = await db.prepare('SELECT * FROM series WHERE slug = ?').bind(slug).first<SeriesRow>();
  return row ? fromRow(row) : null;
}

export async function findSeriesById(db: D1Database, id: number): Promise<Series | null> {
  const row = await db.prepare('SELECT * FROM series WHERE id = ?').bind(id).first<SeriesRow>();
  return row ? fromRow(row) : null;
}

/**
 * Creates the series or replaces its fields; retention and allowed origins left out stay as they
 * are (a new series: 30 days, any origin). One statement, to batch with its audit entry; it
 * returns the stored row (`seriesFromResult`). `expected`: replace only the series at this
 * version (the one its save read), `'absent'`: only create; otherwise the statement fails
 * (db/versions.ts `checkedVersion`). An update that would change no value writes nothing (no new
 * version; `changes()` after it is 0).
 */
export function upsertSeries(
  db: D1Database,
  slug: string,
  input: SeriesInput,
  now: number,
  expected: number | 'absent',
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO series (slug, title_sk, title_en, description_sk, description_en, privacy_url,
         organizer_name, organizer_email, retention_days, allowed_origins, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, COALESCE(?10, 30), COALESCE(?11, '[]'), ?9, ?9)
       ON CONFLICT (slug) DO UPDATE SET
         title_sk = excluded.title_sk, title_en = excluded.title_en,
         description_sk = excluded.description_sk, description_en = excluded.description_en,
         privacy_url = excluded.privacy_url, organizer_name = excluded.organizer_name,
         organizer_email = excluded.organizer_email, retention_days = COALESCE(?10, retention_days),
         allowed_origins = COALESCE(?11, allowed_origins),
         ${checkedVersion('excluded.updated_at', '?12')}
       WHERE updated_at IS NOT ?12
         OR title_sk IS NOT excluded.title_sk OR title_en IS NOT excluded.title_en
         OR description_sk IS NOT excluded.description_sk
         OR description_en IS NOT excluded.description_en
         OR privacy_url IS NOT excluded.privacy_url
         OR organizer_name IS NOT excluded.organizer_name
         OR organizer_email IS NOT excluded.organizer_email
         OR retention_days IS NOT COALESCE(?10, retention_days)
         OR allowed_origins IS NOT COALESCE(?11, allowed_origins)
       RETURNING *`,
    )
    .bind(
      slug,
      input.title.sk,
      input.title.en,
      input.description?.sk ?? '',
      input.description?.en ?? '',
      input.privacyUrl,
      input.organizer.name,
      input.organizer.email,
      now,
      input.retentionDays ?? null,
      input.allowedOrigins ? JSON.stringify(input.allowedOrigins) : null,
      // No version is negative: 'absent' never matches an existing row.
      expected === 'absent' ? -1 : expected,
    );
}

/**
 * Turnstile for a series: set, or turned off (null). Left out of an update (undefined), the
 * setting is kept, so the caller adds this only when the input has it; run after `upsertSeries`.
 */
export const setTurnstile = (
  db: D1Database,
  slug: string,
  keys: TurnstileKeys | null,
  now: number,
) =>
  db
    .prepare(
      chained(
        'turnstile_site_key = ?2, turnstile_secret_key = ?3',
        'turnstile_site_key IS NOT ?2 OR turnstile_secret_key IS NOT ?3',
        '?4',
      ),
    )
    .bind(slug, keys?.siteKey ?? null, keys?.secretKey ?? null, now);

/** The series as stored, to read at the end of a batch that changed it (`seriesFromResult`). */
export const selectSeries = (db: D1Database, slug: string) =>
  db.prepare('SELECT * FROM series WHERE slug = ?').bind(slug);

/** The series a `selectSeries` (or `upsertSeries`) statement read, from its batch result. */
export function seriesFromResult(result: D1Result): Series {
  const row = result.results[0] as SeriesRow | undefined;
  if (!row) throw new Error('upsert returned no row');
  return fromRow(row);
}

/** A series' allowed origins by slug (the CORS check), or null for an unknown series. */
export async function allowedOriginsOf(db: D1Database, slug: string): Promise<string[] | null> {
  const row = await db
    .prepare('SELECT allowed_origins FROM series WHERE slug = ?')
    .bind(slug)
    .first<{ allowed_origins: string }>();
  return row ? (JSON.parse(row.allowed_origins) as string[]) : null;
}

/** What the admin home shows of a series, before the rules order and mark it. */
export interface SeriesOverview {
  series: Series;
  createdAt: number;
  workshops: number;
  /** Not cancelled and not ended at `now`. */
  upcomingWorkshops: number;
  nextStartsAt: number | null;
  /** The end of its last workshop not cancelled (all cancelled: of the last one); null: none. */
  lastEndsAt: number | null;
  confirmedSeats: number;
  pendingSeats: number;
}

/** Every series with its workshop and seat counts at `now`. */
export async function listSeriesOverviews(db: D1Database, now: number): Promise<SeriesOverview[]> {
  const { results } = await db
    .prepare(
      `SELECT se.*,
         (SELECT COUNT(*) FROM workshops w WHERE w.series_id = se.id) AS workshops,
         (SELECT COUNT(*) FROM workshops w
          WHERE w.series_id = se.id AND w.cancelled_at IS NULL AND w.ends_at > ?1) AS upcoming,
         (SELECT MIN(w.starts_at) FROM workshops w
          WHERE w.series_id = se.id AND w.cancelled_at IS NULL AND w.ends_at > ?1) AS next_starts_at,
         COALESCE(
           (SELECT MAX(w.ends_at) FROM workshops w
            WHERE w.series_id = se.id AND w.cancelled_at IS NULL),
           (SELECT MAX(w.ends_at) FROM workshops w WHERE w.series_id = se.id)) AS last_ends_at,
         (SELECT COUNT(*) FROM seats s JOIN registrations r ON r.id = s.registration_id
          WHERE r.series_id = se.id AND s.status = 'held' AND r.status = 'confirmed') AS confirmed,
         (SELECT COUNT(*) FROM seats s JOIN registrations r ON r.id = s.registration_id
          WHERE r.series_id = se.id AND s.status = 'held' AND r.status = 'pending') AS pending
       FROM series se`,
    )
    .bind(now)
    .all<
      SeriesRow & {
        created_at: number;
        workshops: number;
        upcoming: number;
        next_starts_at: number | null;
        last_ends_at: number | null;
        confirmed: number;
        pending: number;
      }
    >();
  return results.map((r) => ({
    series: fromRow(r),
    createdAt: r.created_at,
    workshops: r.workshops,
    upcomingWorkshops: r.upcoming,
    nextStartsAt: r.next_starts_at,
    lastEndsAt: r.last_ends_at,
    confirmedSeats: r.confirmed,
    pendingSeats: r.pending,
  }));
}
