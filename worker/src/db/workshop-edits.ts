import { checkedVersion } from './versions';
import { fieldValues, type WorkshopExtras, type WorkshopFields } from './workshops';

/**
 * Saves a workshop's waiting-list and follow-up settings (in the batch that creates or changes
 * it). It touches the row only where a value differs, so `changes()` right after it says whether
 * the settings changed; `updateWorkshop` below reads that.
 */
export const updateWorkshopExtras = (db: D1Database, id: string, extras: Partial<WorkshopExtras>) =>
  db
    .prepare(
      `UPDATE workshops SET
         waitlist_enabled = COALESCE(?2, waitlist_enabled),
         followup_sk = CASE WHEN ?3 THEN ?4 ELSE followup_sk END,
         followup_en = CASE WHEN ?3 THEN ?5 ELSE followup_en END,
         followup_links = CASE WHEN ?3 THEN ?6 ELSE followup_links END,
         followup_after_minutes = CASE WHEN ?3 THEN ?7 ELSE followup_after_minutes END,
         waitlist_mode = COALESCE(?8, waitlist_mode),
         offer_minutes = COALESCE(?9, offer_minutes)
       WHERE id = ?1 AND (
         waitlist_enabled IS NOT COALESCE(?2, waitlist_enabled)
         OR waitlist_mode IS NOT COALESCE(?8, waitlist_mode)
         OR offer_minutes IS NOT COALESCE(?9, offer_minutes)
         OR (?3 AND (followup_sk IS NOT ?4 OR followup_en IS NOT ?5 OR followup_links IS NOT ?6
                     OR followup_after_minutes IS NOT ?7)))`,
    )
    .bind(
      id,
      extras.waitlistEnabled === undefined ? null : extras.waitlistEnabled ? 1 : 0,
      extras.followUp === undefined ? 0 : 1,
      extras.followUp?.text.sk ?? null,
      extras.followUp?.text.en ?? null,
      JSON.stringify(extras.followUp?.links ?? []),
      extras.followUp?.afterMinutes ?? 120,
      extras.waitlistMode ?? null,
      extras.offerMinutes ?? null,
    );

/**
 * The UPDATE for an organizer's change, made on the strength of the version they saw
 * (`expected`). It runs right after `updateWorkshopExtras` in one batch and writes only if
 * something differs — a field here, or the settings just before (`changes()`) — so that
 * `changes()` after it says whether anything changed at all (the audit entry's condition), and
 * the version moves only then. If the row is no longer at `expected`, it fails and the whole
 * batch with it (db/versions.ts), whatever the values.
 */
export function updateWorkshop(
  db: D1Database,
  id: string,
  w: WorkshopFields,
  sequence: number,
  expected: number,
  now: number,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE workshops SET title_sk = ?2, title_en = ?3, description_sk = ?4, description_en = ?5,
         starts_at = ?6, ends_at = ?7, capacity = ?8, join_url = ?9, registration_closes_at = ?10,
         sequence = ?11, ${checkedVersion('?12', '?13')}
       WHERE id = ?1 AND (changes() > 0 OR updated_at IS NOT ?13
         OR title_sk IS NOT ?2 OR title_en IS NOT ?3 OR description_sk IS NOT ?4
         OR description_en IS NOT ?5 OR starts_at IS NOT ?6 OR ends_at IS NOT ?7
         OR capacity IS NOT ?8 OR join_url IS NOT ?9 OR registration_closes_at IS NOT ?10
         OR sequence IS NOT ?11)`,
    )
    .bind(id, ...fieldValues(w), sequence, now, expected);
}
