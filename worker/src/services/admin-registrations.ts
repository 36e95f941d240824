import { insertAudit } from '../db/audit';
import { findRegistration } from '../db/registrations';
import { deleteRegistrations } from '../db/retention';
import { notFound } from '../http/errors';

/**
 * Erases a person (GDPR Art. 17): their registration, seats (freed), tokens, every message, and
 * their id from the audit log, in one batch with the audit entry that records an erasure without
 * naming whom. Seats in workshops already over stay in the anonymous counts.
 */
export async function eraseRegistration(
  db: D1Database,
  id: string,
  actor: string,
  now: number,
): Promise<void> {
  const registration = await findRegistration(db, id);
  if (!registration) throw notFound('registration_not_found', 'Registration');
  await db.batch([
    ...deleteRegistrations(db, [id], { countEndedBy: now }),
    insertAudit(
      db,
      {
        actor,
        action: 'registration.erase',
        series: { id: registration.seriesId },
        target: { type: 'registration', id: null },
      },
      now,
    ),
  ]);
}
