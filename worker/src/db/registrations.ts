import type { Locale, RegistrationInput } from '../schemas/registration';
import type { TokenPurpose } from './tokens';
import { holdLapsed } from './seat-rule';

export type RegistrationStatus = 'pending' | 'confirmed' | 'cancelled' | 'expired';

export interface NewRegistration {
  id: string;
  seriesId: number;
  input: RegistrationInput;
  emailKey: string;
  /** Until when the pending registration holds its seats. */
  expiresAt: number;
  baseUrl: string;
  /** The keyed hash of the client's network (http/client.ts), or null: no cap applies. */
  clientKey: string | null;
  now: number;
}

/** Stores a pending registration; its seats follow in the same batch (db/seats.ts). */
export function insertRegistration(db: D1Database, r: NewRegistration): D1PreparedStatement {
  const { input } = r;
  return db
    .prepare(
      `INSERT INTO registrations (id, series_id, given_name, family_name, email, email_key,
         organization_type, organization, role, locale, status, expires_at, base_url, client_key,
         created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
    )
    .bind(
      r.id,
      r.seriesId,
      input.givenName,
      input.familyName,
      input.email,
      r.emailKey,
      input.organizationType,
      input.organization,
      input.role,
      input.locale,
      r.expiresAt,
      r.baseUrl,
      r.clientKey,
      r.now,
    );
}

/**
 * Pending registrations past their hold (db/seat-rule.ts) expire, their seats freed: all (the
 * cron), or only `registrationId` (a request meeting its own lapsed hold). The one pair that
 * expires holds (services/holds.ts); seats first. One no longer pending is left as it is.
 */
export function expirePending(
  db: D1Database,
  now: number,
  registrationId: string | null = null,
): D1PreparedStatement[] {
  const lapsed = `${holdLapsed('registrations', '?1')} AND (?2 IS NULL OR id = ?2)`;
  return [
    db
      .prepare(
        `UPDATE seats SET status = 'released', released_at = ?1, release_reason = 'expired'
         WHERE status = 'held' AND registration_id IN (SELECT id FROM registrations WHERE ${lapsed})`,
      )
      .bind(now, registrationId),
    db
      .prepare(`UPDATE registrations SET status = 'expired', client_key = NULL WHERE ${lapsed}`)
      .bind(now, registrationId),
  ];
}

/** A registration as the e-mail and link pages need it. */
export interface Registration {
  id: string;
  seriesId: number;
  givenName: string;
  email: string;
  organizationType: string;
  locale: Locale;
  status: RegistrationStatus;
  /** The lower-cased address: one seat per address and workshop. */
  emailKey: string;
  createdAt: number;
  expiresAt: number | null;
  baseUrl: string;
  /** Workshops it holds a seat in now. */
  heldWorkshopIds: string[];
  /** Workshops whose seat it lost when its hold ran out (a late confirmation may take them). */
  lapsedWorkshopIds: string[];
  /** Workshops it has a place in line for (migration 0007). */
  waitingWorkshopIds: string[];
  /** Workshops whose place in line it lost when its hold ran out (a late confirmation rejoins). */
  lapsedPlaceIds: string[];
}

export interface RegistrationRow {
  id: string;
  series_id: number;
  given_name: string;
  email: string;
  organization_type: string;
  locale: Locale;
  status: RegistrationStatus;
  email_key: string;
  created_at: number;
  expires_at: number | null;
  base_url: string;
  held: string;
  lapsed: string;
  waiting: string;
  lapsed_places: string;
}

export const SELECT_REGISTRATION = `SELECT r.*,
  (SELECT json_group_array(s.workshop_id) FROM seats s
   WHERE s.registration_id = r.id AND s.status = 'held') AS held,
  (SELECT json_group_array(s.workshop_id) FROM seats s
   WHERE s.registration_id = r.id AND s.status = 'released' AND s.release_reason = 'expired') AS lapsed,
  (SELECT json_group_array(q.workshop_id) FROM waitlist q
   WHERE q.registration_id = r.id AND q.status = 'waiting') AS waiting,
  (SELECT json_group_array(q.workshop_id) FROM waitlist q
   WHERE q.registration_id = r.id AND q.status = 'expired') AS lapsed_places
  FROM registrations r`;

export const registrationFromRow = (r: RegistrationRow): Registration => ({
  id: r.id,
  seriesId: r.series_id,
  givenName: r.given_name,
  email: r.email,
  organizationType: r.organization_type,
  locale: r.locale,
  status: r.status,
  emailKey: r.email_key,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  baseUrl: r.base_url,
  heldWorkshopIds: JSON.parse(r.held) as string[],
  lapsedWorkshopIds: JSON.parse(r.lapsed) as string[],
  waitingWorkshopIds: JSON.parse(r.waiting) as string[],
  lapsedPlaceIds: JSON.parse(r.lapsed_places) as string[],
});

export async function findRegistration(db: D1Database, id: string): Promise<Registration | null> {
  const row = await db
    .prepare(`${SELECT_REGISTRATION} WHERE r.id = ?`)
    .bind(id)
    .first<RegistrationRow>();
  return row ? registrationFromRow(row) : null;
}

/** The registration a link's token belongs to, if the token is one we issued for this purpose. */
export async function findRegistrationByToken(
  db: D1Database,
  tokenHash: string,
  purpose: TokenPurpose,
): Promise<Registration | null> {
  const row = await db
    .prepare(
      `${SELECT_REGISTRATION} JOIN tokens t ON t.registration_id = r.id
       WHERE t.hash = ? AND t.purpose = ?`,
    )
    .bind(tokenHash, purpose)
    .first<RegistrationRow>();
  return row ? registrationFromRow(row) : null;
}

/** Everyone whose seat in a workshop was released for this reason at this instant. */
export async function registrationsReleasedFrom(
  db: D1Database,
  workshopId: string,
  reason: 'workshop_cancelled',
  at: number,
): Promise<Registration[]> {
  const { results } = await db
    .prepare(
      `${SELECT_REGISTRATION}
       WHERE r.id IN (SELECT registration_id FROM seats
                      WHERE workshop_id = ?1 AND status = 'released' AND release_reason = ?2
                        AND released_at = ?3)`,
    )
    .bind(workshopId, reason, at)
    .all<RegistrationRow>();
  return results.map(registrationFromRow);
}

export interface RegistrationRecord {
  id: string;
  seriesId: number;
  givenName: string;
  familyName: string;
  email: string;
  organizationType: string;
  organization: string;
  role: string;
  locale: Locale;
  status: RegistrationStatus;
  createdAt: number;
  confirmedAt: number | null;
  /** Workshops this registration holds a seat in. */
  workshopIds: string[];
  /** Every seat it had, held or released. */
  seats: { workshopId: string; status: 'held' | 'released' }[];
}

interface RecordRow {
  id: string;
  series_id: number;
  given_name: string;
  family_name: string;
  email: string;
  organization_type: string;
  organization: string;
  role: string;
  locale: Locale;
  status: RegistrationStatus;
  created_at: number;
  confirmed_at: number | null;
  seats: string;
}

const SELECT_RECORD = `SELECT r.*,
  (SELECT json_group_array(json_object('workshopId', s.workshop_id, 'status', s.status))
   FROM seats s WHERE s.registration_id = r.id) AS seats
  FROM registrations r`;

const recordFromRow = (r: RecordRow): RegistrationRecord => {
  const seats = JSON.parse(r.seats) as RegistrationRecord['seats'];
  return {
    id: r.id,
    seriesId: r.series_id,
    givenName: r.given_name,
    familyName: r.family_name,
    email: r.email,
    organizationType: r.organization_type,
    organization: r.organization,
    role: r.role,
    locale: r.locale,
    status: r.status,
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
    workshopIds: seats.filter((s) => s.status === 'held').map((s) => s.workshopId),
    seats,
  };
};

/**
 * A series' registrations with all their seats, oldest first (for organizers): all, or those
 * with a seat (held or released) in one workshop, or in one status.
 */
export async function listRegistrations(
  db: D1Database,
  seriesId: number,
  filter: { workshopId?: string; status?: RegistrationStatus } = {},
): Promise<RegistrationRecord[]> {
  const { results } = await db
    .prepare(
      `${SELECT_RECORD}
       WHERE r.series_id = ?1 AND (?2 IS NULL OR r.status = ?2)
         AND (?3 IS NULL OR r.id IN (SELECT registration_id FROM seats WHERE workshop_id = ?3))
       ORDER BY r.created_at, r.id`,
    )
    .bind(seriesId, filter.status ?? null, filter.workshopId ?? null)
    .all<RecordRow>();
  return results.map(recordFromRow);
}

/** One registration with all its seats, for organizers. */
export async function findRegistrationRecord(
  db: D1Database,
  id: string,
): Promise<RegistrationRecord | null> {
  const row = await db.prepare(`${SELECT_RECORD} WHERE r.id = ?`).bind(id).first<RecordRow>();
  return row ? recordFromRow(row) : null;
}

/** A workshop's registration closes earlier: pending holds on it end no later than that. */
export const shortenHolds = (db: D1Database, workshopId: string, closesAt: number) =>
  db
    .prepare(
      `UPDATE registrations SET expires_at = ?2
       WHERE status = 'pending' AND expires_at > ?2
         AND id IN (SELECT registration_id FROM seats WHERE workshop_id = ?1 AND status = 'held')`,
    )
    .bind(workshopId, closesAt);
