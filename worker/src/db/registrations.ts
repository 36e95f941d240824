import type { Locale, RegistrationInput } from '../schemas/registration';

export type RegistrationStatus = 'pending' | 'confirmed' | 'cancelled' | 'expired';

export interface NewRegistration {
  id: string;
  seriesId: number;
  input: RegistrationInput;
  emailKey: string;
  /** Workshops to take a seat in (none this address already holds). */
  seatWorkshopIds: readonly string[];
  /** Until when the pending registration holds its seats. */
  expiresAt: number;
  baseUrl: string;
  now: number;
}

/** Why the database refused a seat (raised by the `seats_guard` trigger). */
export type SeatRefusal = 'workshop_full' | 'registration_closed';

export class SeatRefusedError extends Error {
  constructor(readonly reason: SeatRefusal) {
    super(reason);
    this.name = 'SeatRefusedError';
  }
}

/** Two requests for the same address raced for the same seat; the loser looks again. */
export class DuplicateSeatError extends Error {
  override name = 'DuplicateSeatError';
}

/**
 * Runs a batch (one transaction), turning the seat guard's refusal into a SeatRefusedError and a
 * second seat for the same address (the unique index) into a DuplicateSeatError.
 */
export async function runSeatBatch(db: D1Database, statements: D1PreparedStatement[]) {
  try {
    return await db.batch(statements);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (message.includes('workshop_full')) throw new SeatRefusedError('workshop_full');
    if (message.includes('registration_closed')) throw new SeatRefusedError('registration_closed');
    if (message.includes('UNIQUE') && message.includes('seats')) throw new DuplicateSeatError();
    throw error;
  }
}

/** The statements that store a pending registration and its seats; run them with runSeatBatch. */
export function insertRegistration(db: D1Database, r: NewRegistration): D1PreparedStatement[] {
  const { input } = r;
  const registration = db
    .prepare(
      `INSERT INTO registrations (id, series_id, given_name, family_name, email, email_key,
         organization_type, organization, role, locale, status, expires_at, base_url, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
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
      r.now,
    );
  const seats = r.seatWorkshopIds.map((workshopId) =>
    db
      .prepare(
        // No silent skip: if the address took this seat meanwhile, the unique index fails the
        // whole batch rather than leave a registration without the seat its e-mail promises.
        `INSERT INTO seats (registration_id, workshop_id, email_key, created_at) VALUES (?, ?, ?, ?)`,
      )
      .bind(r.id, workshopId, r.emailKey, r.now),
  );
  return [registration, ...seats];
}

/** Pending registrations past their hold expire, and their seats are freed. */
export function expirePending(db: D1Database, now: number): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `UPDATE seats SET status = 'released', released_at = ?1
         WHERE status = 'held' AND registration_id IN (
           SELECT id FROM registrations WHERE status = 'pending' AND expires_at <= ?1)`,
      )
      .bind(now),
    db
      .prepare(
        `UPDATE registrations SET status = 'expired' WHERE status = 'pending' AND expires_at <= ?1`,
      )
      .bind(now),
  ];
}

export interface HeldSeat {
  workshopId: string;
  registrationId: string;
  registrationStatus: RegistrationStatus;
}

/** Seats this address holds among these workshops, with the registration holding each. */
export async function heldSeatsOf(
  db: D1Database,
  emailKey: string,
  workshopIds: readonly string[],
): Promise<HeldSeat[]> {
  if (workshopIds.length === 0) return [];
  const placeholders = workshopIds.map(() => '?').join(', ');
  const { results } = await db
    .prepare(
      `SELECT s.workshop_id, s.registration_id, r.status FROM seats s
       JOIN registrations r ON r.id = s.registration_id
       WHERE s.email_key = ? AND s.status = 'held' AND s.workshop_id IN (${placeholders})`,
    )
    .bind(emailKey, ...workshopIds)
    .all<{ workshop_id: string; registration_id: string; status: RegistrationStatus }>();
  return results.map((r) => ({
    workshopId: r.workshop_id,
    registrationId: r.registration_id,
    registrationStatus: r.status,
  }));
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
  expiresAt: number | null;
  baseUrl: string;
  /** Workshops it holds a seat in now. */
  heldWorkshopIds: string[];
}

interface RegistrationRow {
  id: string;
  series_id: number;
  given_name: string;
  email: string;
  organization_type: string;
  locale: Locale;
  status: RegistrationStatus;
  expires_at: number | null;
  base_url: string;
  held: string;
}

const SELECT_REGISTRATION = `SELECT r.*,
  (SELECT json_group_array(s.workshop_id) FROM seats s
   WHERE s.registration_id = r.id AND s.status = 'held') AS held
  FROM registrations r`;

const registrationFromRow = (r: RegistrationRow): Registration => ({
  id: r.id,
  seriesId: r.series_id,
  givenName: r.given_name,
  email: r.email,
  organizationType: r.organization_type,
  locale: r.locale,
  status: r.status,
  expiresAt: r.expires_at,
  baseUrl: r.base_url,
  heldWorkshopIds: JSON.parse(r.held) as string[],
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
  purpose: 'confirm' | 'manage',
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

export const insertToken = (
  db: D1Database,
  hash: string,
  registrationId: string,
  purpose: 'confirm' | 'manage',
  now: number,
) =>
  db
    .prepare('INSERT INTO tokens (hash, registration_id, purpose, created_at) VALUES (?, ?, ?, ?)')
    .bind(hash, registrationId, purpose, now);

/** Pending → confirmed, only while the hold lasts. Check `meta.changes` to see whether it did. */
export const confirmRegistration = (db: D1Database, id: string, now: number) =>
  db
    .prepare(
      `UPDATE registrations SET status = 'confirmed', confirmed_at = ?2
       WHERE id = ?1 AND status = 'pending' AND expires_at > ?2`,
    )
    .bind(id, now);

/** Frees some of a registration's seats; a registration left with none is cancelled. */
export function releaseSeats(
  db: D1Database,
  registrationId: string,
  workshopIds: readonly string[],
  now: number,
): D1PreparedStatement[] {
  const placeholders = workshopIds.map(() => '?').join(', ');
  return [
    db
      .prepare(
        `UPDATE seats SET status = 'released', released_at = ?
         WHERE registration_id = ? AND status = 'held' AND workshop_id IN (${placeholders})`,
      )
      .bind(now, registrationId, ...workshopIds),
    db
      .prepare(
        `UPDATE registrations SET status = 'cancelled'
         WHERE id = ?1 AND status IN ('pending', 'confirmed')
           AND NOT EXISTS (SELECT 1 FROM seats WHERE registration_id = ?1 AND status = 'held')`,
      )
      .bind(registrationId),
  ];
}

/** Everyone holding a seat in a workshop, and whether their reminder (with the link) went out. */
export async function seatHolders(
  db: D1Database,
  workshopId: string,
): Promise<(Registration & { reminderSent: boolean })[]> {
  const { results } = await db
    .prepare(
      `${SELECT_REGISTRATION}
       WHERE r.id IN (SELECT registration_id FROM seats WHERE workshop_id = ?1 AND status = 'held')`,
    )
    .bind(workshopId)
    .all<RegistrationRow>();
  const { results: reminded } = await db
    .prepare(
      `SELECT DISTINCT registration_id FROM outbox
       WHERE workshop_id = ? AND kind = 'reminder' AND status IN ('sending', 'sent')`,
    )
    .bind(workshopId)
    .all<{ registration_id: string }>();
  const sent = new Set(reminded.map((r) => r.registration_id));
  return results.map((r) => ({ ...registrationFromRow(r), reminderSent: sent.has(r.id) }));
}

export interface RegistrationRecord {
  id: string;
  givenName: string;
  familyName: string;
  email: string;
  organizationType: string;
  organization: string;
  role: string;
  locale: string;
  status: string;
  createdAt: number;
  confirmedAt: number | null;
  /** Workshops this registration holds a seat in. */
  workshopIds: string[];
}

interface RecordRow {
  id: string;
  given_name: string;
  family_name: string;
  email: string;
  organization_type: string;
  organization: string;
  role: string;
  locale: string;
  status: string;
  created_at: number;
  confirmed_at: number | null;
  held: string;
}

/** Every registration of a series with its held seats, oldest first (for organizers). */
export async function listRegistrations(
  db: D1Database,
  seriesId: number,
): Promise<RegistrationRecord[]> {
  const { results } = await db
    .prepare(`${SELECT_REGISTRATION} WHERE r.series_id = ? ORDER BY r.created_at, r.id`)
    .bind(seriesId)
    .all<RecordRow>();
  return results.map((r) => ({
    id: r.id,
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
    workshopIds: JSON.parse(r.held) as string[],
  }));
}

/** A workshop moved earlier: pending holds on it end no later than its new start. */
export const shortenHolds = (db: D1Database, workshopId: string, startsAt: number) =>
  db
    .prepare(
      `UPDATE registrations SET expires_at = ?2
       WHERE status = 'pending' AND expires_at > ?2
         AND id IN (SELECT registration_id FROM seats WHERE workshop_id = ?1 AND status = 'held')`,
    )
    .bind(workshopId, startsAt);
