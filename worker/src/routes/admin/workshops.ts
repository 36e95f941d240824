import { Hono } from 'hono';
import type { CancelWorkshopPreview } from '../../../contract';
import type { AppEnv } from '../../env';
import { actorName } from '../../http/admin-auth';
import { notFound } from '../../http/errors';
import { validate } from '../../http/validate';
import { findSeriesById } from '../../db/series';
import { findWorkshop } from '../../db/workshops';
import { deliverSoon } from '../../jobs/deliver';
import { exportQuery } from '../../schemas/admin';
import { workshopPatch } from '../../schemas/workshop';
import { exportRegistrations } from '../../services/export';
import {
  cancelWorkshopAndTell,
  changeWorkshop,
  whoCancellingTells,
} from '../../services/workshop-changes';
import { adminWorkshop, cancelPreview } from '../../admin-views/series';
import { csvHeaders } from './series';

async function requireWorkshop(db: D1Database, id: string) {
  const workshop = await findWorkshop(db, id);
  if (!workshop) throw notFound('workshop_not_found', 'Workshop');
  const series = await findSeriesById(db, workshop.seriesId);
  if (!series) throw notFound('series_not_found', 'Series');
  return { workshop, series };
}

/** Admin: change, cancel or export a workshop. Mounted under /admin/workshops. */
export const adminWorkshopRoutes = new Hono<AppEnv>()
  .patch('/:id', validate('json', workshopPatch), async (c) => {
    const now = Date.now();
    const { workshop: current, series } = await requireWorkshop(c.env.DB, c.req.param('id'));
    const actor = actorName(c.get('actor'));
    const patch = c.req.valid('json');
    const outboxIds = await changeWorkshop(c.env.DB, series, current, patch, actor, now);
    deliverSoon(c, outboxIds);
    const workshop = await findWorkshop(c.env.DB, current.id);
    return c.json({ workshop: adminWorkshop(workshop!, now) });
  })
  // What the organizer is warned of before cancelling: who would be told.
  .get('/:id/cancel-preview', async (c) => {
    const { workshop } = await requireWorkshop(c.env.DB, c.req.param('id'));
    const { holders, reminded } = await whoCancellingTells(c.env.DB, workshop);
    return c.json(cancelPreview(workshop, holders, reminded) satisfies CancelWorkshopPreview);
  })
  .post('/:id/cancel', async (c) => {
    const now = Date.now();
    const { workshop, series } = await requireWorkshop(c.env.DB, c.req.param('id'));
    if (workshop.cancelledAt === null) {
      const actor = actorName(c.get('actor'));
      const outboxIds = await cancelWorkshopAndTell(c.env.DB, series, workshop, actor, now);
      deliverSoon(c, outboxIds);
    }
    const cancelled = await findWorkshop(c.env.DB, workshop.id);
    return c.json({ workshop: adminWorkshop(cancelled!, now) });
  })
  .get('/:id/registrations.csv', validate('query', exportQuery), async (c) => {
    const { workshop, series } = await requireWorkshop(c.env.DB, c.req.param('id'));
    const actor = actorName(c.get('actor'));
    const lang = c.req.valid('query').lang;
    const file = await exportRegistrations(c.env.DB, series, workshop, lang, actor, Date.now());
    return c.body(file.csv, 200, csvHeaders(file.disposition));
  });
