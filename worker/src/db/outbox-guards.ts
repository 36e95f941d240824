import type { RegistrationStatus } from './registrations';

/** What must still hold, when a batch commits, for the message it queued to be true. */
export interface StillTrue {
  registrationId: string;
  status: RegistrationStatus;
  /** A pending registration: its hold lasts beyond this instant. */
  holdLastsBeyond?: number;
  /** Seats it must still hold. */
  heldWorkshopIds: readonly string[];
  /** The workshop facts the message states (a join link): unchanged and not cancelled. */
  workshop?: { id: string; startsAt: number; joinUrl: string };
}

/**
 * Deletes the message just queued (same batch) unless what it says is still true when the batch
 * commits. A message composed from a read is then never sent once a concurrent confirm, cancel,
 * expiry or change made it wrong: the read and the write are not one moment, the batch is.
 */
export function dropUnlessStillTrue(
  db: D1Database,
  outboxId: string,
  t: StillTrue,
): D1PreparedStatement {
  const seats = t.heldWorkshopIds.map((_, i) => `?${i + 9}`).join(', ');
  return db
    .prepare(
      `DELETE FROM outbox WHERE id = ?1 AND NOT (
         EXISTS (SELECT 1 FROM registrations
                 WHERE id = ?2 AND status = ?3 AND (?4 IS NULL OR expires_at > ?4))
         AND (SELECT COUNT(*) FROM seats WHERE registration_id = ?2 AND status = 'held'
              ${seats ? `AND workshop_id IN (${seats})` : 'AND 0'}) = ?5
         AND (?6 IS NULL OR EXISTS (SELECT 1 FROM workshops
              WHERE id = ?6 AND cancelled_at IS NULL AND starts_at = ?7 AND join_url = ?8)))`,
    )
    .bind(
      outboxId,
      t.registrationId,
      t.status,
      t.holdLastsBeyond ?? null,
      t.heldWorkshopIds.length,
      t.workshop?.id ?? null,
      t.workshop?.startsAt ?? null,
      t.workshop?.joinUrl ?? null,
      ...t.heldWorkshopIds,
    );
}

/** The id of the message the ledger holds under a key, if any. */
export async function messageIdForKey(db: D1Database, dedupeKey: string): Promise<string | null> {
  const row = await db
    .prepare('SELECT id FROM outbox WHERE dedupe_key = ?')
    .bind(dedupeKey)
    .first<{ id: string }>();
  return row?.id ?? null;
}
