import type { AuditAction } from '../../contract';
import type { Guard } from './outbox';

export type AuditTargetType = 'series' | 'workshop' | 'registration';

/** Record ids and numbers only: nothing that names or describes a registrant. */
export type AuditDetail = Record<string, string | number | boolean | string[]>;

/** An admin action to record, in the same batch as the change it made. */
export interface AuditRecord {
  /** The Access e-mail or "admin token". */
  actor: string;
  action: AuditAction;
  /** The series, by id, or by slug when it is written in the same batch. */
  series?: { id: number } | { slug: string };
  /** `id` null: a record that must not be named (an erased registration). */
  target?: { type: AuditTargetType; id: string | null };
  detail?: AuditDetail;
}

/**
 * The INSERT for an audit entry, to run in the batch of the change it records. With `onlyIfMessage`
 * it is written only if that outbox row exists once the batch ran: a resend the ledger dropped as
 * a duplicate is no action.
 */
export function insertAudit(
  db: D1Database,
  entry: AuditRecord,
  now: number,
  onlyIfMessage?: string,
  /** Written only if this holds once the change ran (db/mail-guards.ts): it happened. */
  onlyIf?: Guard,
): D1PreparedStatement {
  const series = entry.series;
  return db
    .prepare(
      // The guard's own `?` placeholders number on from ?10.
      `INSERT INTO audit_log (at, actor, action, series_id, target_type, target_id, detail)
       SELECT ?1, ?2, ?3, COALESCE(?4, (SELECT id FROM series WHERE slug = ?5)), ?6, ?7, ?8
       WHERE (?9 IS NULL OR EXISTS (SELECT 1 FROM outbox WHERE id = ?9))
         AND (${onlyIf?.sql ?? '1'})`,
    )
    .bind(
      now,
      entry.actor,
      entry.action,
      series && 'id' in series ? series.id : null,
      series && 'slug' in series ? series.slug : null,
      entry.target?.type ?? null,
      entry.target?.id ?? null,
      JSON.stringify(entry.detail ?? {}),
      onlyIfMessage ?? null,
      ...(onlyIf?.params ?? []),
    );
}

/**
 * Forgets which registrations earlier entries were about (erasure, retention): the entries stay,
 * so what was done and by whom is still on record, but nothing leads back to the person.
 */
export const forgetRegistrationsInAudit = (db: D1Database, ids: readonly string[]) =>
  db
    .prepare(
      `UPDATE audit_log SET target_id = NULL
       WHERE target_type = 'registration' AND target_id IN (${ids.map(() => '?').join(', ')})`,
    )
    .bind(...ids);

export interface StoredAuditEntry {
  id: number;
  at: number;
  actor: string;
  action: AuditAction;
  seriesSlug: string | null;
  targetType: AuditTargetType | null;
  targetId: string | null;
  detail: AuditDetail;
}

interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: AuditAction;
  slug: string | null;
  target_type: AuditTargetType | null;
  target_id: string | null;
  detail: string;
}

/** Newest first: `limit` entries before the entry `before` (all series, or one). */
export async function listAudit(
  db: D1Database,
  q: { seriesId?: number; before?: number; limit: number },
): Promise<StoredAuditEntry[]> {
  const { results } = await db
    .prepare(
      `SELECT a.id, a.at, a.actor, a.action, se.slug, a.target_type, a.target_id, a.detail
       FROM audit_log a LEFT JOIN series se ON se.id = a.series_id
       WHERE (?1 IS NULL OR a.series_id = ?1) AND (?2 IS NULL OR a.id < ?2)
       ORDER BY a.id DESC LIMIT ?3`,
    )
    .bind(q.seriesId ?? null, q.before ?? null, q.limit)
    .all<AuditRow>();
  return results.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    seriesSlug: r.slug,
    targetType: r.target_type,
    targetId: r.target_id,
    detail: JSON.parse(r.detail) as AuditDetail,
  }));
}

/**
 * For an audit entry placed right after the statement it records: written only if that statement
 * changed a row (SQLite's `changes()`), so a change another request made first, even in the same
 * millisecond, is not recorded twice.
 */
export const afterAChange: Guard = { sql: 'changes() > 0', params: [] };

/** For an audit entry placed before the change it records: the registration is still there. */
export const registrationExists = (id: string): Guard => ({
  sql: 'EXISTS (SELECT 1 FROM registrations WHERE id = ?)',
  params: [id],
});
