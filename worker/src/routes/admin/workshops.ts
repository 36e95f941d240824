import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { ApiError, notFound, validationFailed } from '../../http/errors';
import { jsonBody } from '../../http/json-body';
import { findSeriesById } from '../../db/series';
import { findWorkshop } from '../../db/workshops';
import { deliverSoon } from '../../jobs/deliver';
import { scheduleErrors, workshopPatch } from '../../schemas/workshop';
import { cancelWorkshopAndTell, changeWorkshop } from '../../services/workshop-changes';
import { adminWorkshop } from '../../views';

async function requireWorkshop(db: D1Database, id: string) {
  const workshop = await findWorkshop(db, id);
  if (!workshop) throw notFound('workshop_not_found', 'Workshop');
  const series = await findSeriesById(db, workshop.seriesId);
  if (!series) throw notFound('series_not_found', 'Series');
  return { workshop, series };
}

/** Admin: change or cancel a workshop. Mounted under /admin/workshops. */
export const adminWorkshopRoutes = new Hono<AppEnv>()
  .patch('/:id', jsonBody(workshopPatch), async (c) => {
    const now = Date.now();
    const { workshop: current, series } = await requireWorkshop(c.env.DB, c.req.param('id'));
    if (current.cancelledAt !== null) {
      throw new ApiError(409, 'workshop_cancelled', 'A cancelled workshop cannot be changed.');
    }
    const patch = c.req.valid('json');
    const next = {
      title: patch.title ?? current.title,
      description: patch.description ?? current.description,
      startsAt: patch.startsAt ?? current.startsAt,
      endsAt: patch.endsAt ?? current.endsAt,
      capacity: patch.capacity ?? current.capacity,
      joinUrl: patch.joinUrl ?? current.joinUrl,
      // Moving the start keeps "closes at the start" true unless a closing time is given.
      registrationClosesAt:
        patch.registrationClosesAt ??
        (patch.startsAt !== undefined && current.registrationClosesAt === current.startsAt
          ? patch.startsAt
          : current.registrationClosesAt),
    };
    const errors = scheduleErrors(next);
    if (Object.keys(errors).length > 0) throw validationFailed(errors);
    const outboxIds = await changeWorkshop(c.env.DB, series, current, next, now);
    deliverSoon(c, outboxIds);
    const workshop = await findWorkshop(c.env.DB, current.id);
    return c.json({ workshop: adminWorkshop(workshop!, now) });
  })
  .post('/:id/cancel', async (c) => {
    const now = Date.now();
    const { workshop, series } = await requireWorkshop(c.env.DB, c.req.param('id'));
    if (workshop.cancelledAt === null) {
      const outboxIds = await cancelWorkshopAndTell(c.env.DB, series, workshop, now);
      deliverSoon(c, outboxIds);
    }
    const cancelled = await findWorkshop(c.env.DB, workshop.id);
    return c.json({ workshop: adminWorkshop(cancelled!, now) });
  });
