import { Hono } from 'hono';
import * as z from 'zod';
import type { CancelWorkshopPreview } from '../../../contract';
import type { AppEnv } from '../../env';
import { actorName } from '../../http/admin-auth';
import { notFound } from '../../http/errors';
import { validate } from '../../http/validate';
import { findSeriesById } from '../../db/series';
import { findWorkshop } from '../../db/workshops';
import { deliverSoon } from '../../jobs/deliver';
import { announceAndRemind } from '../../jobs/waitlist';
import { exportQuery, recordPath } from '../../schemas/admin';
import { workshopPatch } from '../../schemas/workshop';
import { exportRegistrations } from '../../services/export';
import {
  cancelWorkshopAndTell,
  changeWorkshop,
  whoCancellingTells,
} from '../../services/workshop-changes';
import { adminWorkshop, cancelPreview } from '../../admin-views/series';
import { csvHeaders } from './series';
import { adminWaitlist } from '../../admin-views/waitlist';
import { promoteOnBehalf, removeFromLine, waitlistOf } from '../../services/waitlist';

/** A place in a workshop's line: the workshop and the registration holding it. */
const placeParam = z.object({
  id: z.string().min(1).max(64),
  registrationId: z.string().min(1).max(64),
});

async function requireWorkshop(db: D1Database, id: string) {
  const workshop = await findWorkshop(db, id);
  if (!workshop) throw notFound('workshop_not_found', 'Workshop');
  const series = await findSeriesById(db, workshop.seriesId);
  if (!series) throw notFound('series_not_found', 'Series');
  return { workshop, series };
}

/** Admin: change, cancel or export a workshop. Mounted under /admin/workshops. */
export const adminWorkshopRoutes = new Hono<AppEnv>()
  // Every path's id is judged before anything reads it (zod on every input).
  .use('/:id', validate('param', recordPath))
  .use('/:id/*', validate('param', recordPath))
  .patch('/:id', validate('json', workshopPatch), async (c) => {
    const now = Date.now();
    const { workshop: current, series } = await requireWorkshop(c.env.DB, c.req.param('id'));
    const actor = actorName(c.get('actor'));
    const patch = c.req.valid('json');
    const outboxIds = await changeWorkshop(c.env.DB, series, current, patch, actor, now);
    deliverSoon(c, [...outboxIds, ...(await announceAndRemind(c.env.DB, now))]);
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
  // Issue 12: the waiting list, in order; promote someone by hand or take them out of line.
  .get('/:id/waitlist', async (c) => {
    const { workshop } = await requireWorkshop(c.env.DB, c.req.param('id'));
    return c.json(adminWaitlist(await waitlistOf(c.env.DB, workshop)));
  })
  .post('/:id/waitlist/:registrationId/promote', validate('param', placeParam), async (c) => {
    const now = Date.now();
    const { id, registrationId } = c.req.valid('param');
    const { workshop } = await requireWorkshop(c.env.DB, id);
    await promoteOnBehalf(c.env.DB, workshop, registrationId, actorName(c.get('actor')), now);
    deliverSoon(c, await announceAndRemind(c.env.DB, now));
    return c.json(adminWaitlist(await waitlistOf(c.env.DB, workshop)));
  })
  .delete('/:id/waitlist/:registrationId', validate('param', placeParam), async (c) => {
    const { id, registrationId } = c.req.valid('param');
    const { workshop } = await requireWorkshop(c.env.DB, id);
    await removeFromLine(c.env.DB, workshop, registrationId, actorName(c.get('actor')), Date.now());
    return c.json(adminWaitlist(await waitlistOf(c.env.DB, workshop)));
  })
  .get('/:id/registrations.csv', validate('query', exportQuery), async (c) => {
    const { workshop, series } = await requireWorkshop(c.env.DB, c.req.param('id'));
    const actor = actorName(c.get('actor'));
    const lang = c.req.valid('query').lang;
    const file = await exportRegistrations(c.env.DB, series, workshop, lang, actor, Date.now());
    return c.body(file.csv, 200, csvHeaders(file.disposition));
  });
