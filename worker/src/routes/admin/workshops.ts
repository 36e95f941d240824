import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { notFound, validationFailed } from '../../http/errors';
import { jsonBody } from '../../http/json-body';
import { findWorkshop, updateWorkshop } from '../../db/workshops';
import { scheduleErrors, workshopPatch } from '../../schemas/workshop';
import { adminWorkshop } from '../../views';

/** Admin: change a workshop. Mounted under /admin/workshops. */
export const adminWorkshopRoutes = new Hono<AppEnv>().patch(
  '/:id',
  jsonBody(workshopPatch),
  async (c) => {
    const now = Date.now();
    const current = await findWorkshop(c.env.DB, c.req.param('id'));
    if (!current) throw notFound('workshop_not_found', 'Workshop');
    const patch = c.req.valid('json');
    const merged = {
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
    const errors = scheduleErrors(merged);
    if (Object.keys(errors).length > 0) throw validationFailed(errors);
    await updateWorkshop(c.env.DB, current.id, merged, now);
    const workshop = await findWorkshop(c.env.DB, current.id);
    return c.json({ workshop: adminWorkshop(workshop!, now) });
  },
);
