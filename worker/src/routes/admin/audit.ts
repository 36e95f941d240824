import { Hono } from 'hono';
import type { AuditResponse } from '../../../contract';
import type { AppEnv } from '../../env';
import { validate } from '../../http/validate';
import { listAudit } from '../../db/audit';
import { auditQuery } from '../../schemas/admin';
import { auditEntry } from '../../admin-views/audit';
import { requireSeries } from './series';

/** Admin: the audit log, newest first, a page at a time. Mounted under /admin/audit. */
export const adminAuditRoutes = new Hono<AppEnv>().get(
  '/',
  validate('query', auditQuery),
  async (c) => {
    const { series: slug, before, limit } = c.req.valid('query');
    const series = slug ? await requireSeries(c.env.DB, slug) : undefined;
    // One more than asked: whether there is a next page, without a count.
    const entries = await listAudit(c.env.DB, { seriesId: series?.id, before, limit: limit + 1 });
    const page = entries.slice(0, limit);
    return c.json({
      entries: page.map(auditEntry),
      next: entries.length > limit ? String(page.at(-1)!.id) : null,
    } satisfies AuditResponse);
  },
);
