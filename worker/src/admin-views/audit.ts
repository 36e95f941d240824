import type { AuditEntry } from '../../contract';
import type { StoredAuditEntry } from '../db/audit';
import { iso } from '../views';

/** An audit entry: ids and numbers only, as stored. */
export const auditEntry = (e: StoredAuditEntry): AuditEntry => ({
  id: String(e.id),
  at: iso(e.at),
  actor: e.actor,
  action: e.action,
  series: e.seriesSlug,
  target: e.targetType ? { type: e.targetType, id: e.targetId } : null,
  detail: e.detail,
});
