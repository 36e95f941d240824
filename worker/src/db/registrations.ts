import type { RegistrationInput } from '../schemas/registration';

export type RegistrationStatus = 'confirmed';

export interface NewRegistration {
  id: string;
  seriesId: number;
  input: RegistrationInput;
  emailKey: string;
  status: RegistrationStatus;
  /** Workshops to take a seat in; ones this address already holds are skipped, not doubled. */
  seatWorkshopIds: readonly string[];
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

/**
 * Stores a registration and its seats in one D1 batch, which is one transaction: if any seat is
 * refused, nothing is stored and a SeatRefusedError says why.
 */
export async function insertRegistration(db: D1Database, r: NewRegistration): Promise<void> {
  const { input } = r;
  const registration = db
    .prepare(
      `INSERT INTO registrations (id, series_id, given_name, family_name, email, email_key,
         organization_type, organization, role, locale, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      r.status,
      r.now,
    );
  const seats = r.seatWorkshopIds.map((workshopId) =>
    db
      .prepare(
        `INSERT INTO seats (registration_id, workshop_id, email_key, created_at)
         SELECT ?1, ?2, ?3, ?4
         WHERE NOT EXISTS (
           SELECT 1 FROM seats WHERE workshop_id = ?2 AND email_key = ?3 AND status = 'held')`,
      )
      .bind(r.id, workshopId, r.emailKey, r.now),
  );
  try {
    await db.batch([registration, ...seats]);
  } catch (error) {
    const reason = seatRefusalIn(error);
    if (reason) throw new SeatRefusedError(reason);
    throw error;
  }
}

function seatRefusalIn(error: unknown): SeatRefusal | null {
  const message = error instanceof Error ? error.message : '';
  if (message.includes('workshop_full')) return 'workshop_full';
  if (message.includes('registration_closed')) return 'registration_closed';
  return null;
}

/** Which of these workshops the address already holds a seat in. */
export async function heldWorkshopIds(
  db: D1Database,
  emailKey: string,
  workshopIds: readonly string[],
): Promise<Set<string>> {
  if (workshopIds.length === 0) return new Set();
  const placeholders = workshopIds.map(() => '?').join(', ');
  const { results } = await db
    .prepare(
      `SELECT workshop_id FROM seats
       WHERE email_key = ? AND status = 'held' AND workshop_id IN (${placeholders})`,
    )
    .bind(emailKey, ...workshopIds)
    .all<{ workshop_id: string }>();
  return new Set(results.map((r) => r.workshop_id));
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
  /** Workshops this registration holds a seat in. */
  workshopIds: string[];
}

interface RegistrationRow {
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
  workshop_ids: string | null;
}

/** Every registration of a series with its held seats, oldest first (for organizers). */
export async function listRegistrations(
  db: D1Database,
  seriesId: number,
): Promise<RegistrationRecord[]> {
  const { results } = await db
    .prepare(
      `SELECT r.*, (SELECT json_group_array(s.workshop_id) FROM seats s
                    WHERE s.registration_id = r.id AND s.status = 'held') AS workshop_ids
       FROM registrations r WHERE r.series_id = ? ORDER BY r.created_at, r.id`,
    )
    .bind(seriesId)
    .all<RegistrationRow>();
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
    workshopIds: JSON.parse(r.workshop_ids ?? '[]') as string[],
  }));
}
