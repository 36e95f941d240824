import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { notFound } from '../../http/errors';
import { actorName } from '../../http/admin-auth';
import { validate } from '../../http/validate';
import { insertAudit } from '../../db/audit';
import { findSeries } from '../../db/series';
import { listAllWorkshops } from '../../db/workshops';
import { listRegistrations } from '../../db/registrations';
import { seriesInput, seriesPath } from '../../schemas/series';
import { workshopInput } from '../../schemas/workshop';
import { saveSeries } from '../../services/series';
import { createWorkshop } from '../../services/workshop-changes';
import { listSeriesMessages, requeueFailed } from '../../db/outbox';
import { deliverSoon } from '../../jobs/deliver';
import { adminSeries, adminWorkshop, iso, isoOrNull } from '../../views';

export async function requireSeries(db: D1Database, slug: string) {
  const series = await findSeries(db, slug);
  if (!series) throw notFound('series_not_found', 'Series');
  return series;
}

/** Admin: series, their workshops and their registrations. Mounted under /admin/series. */
export const adminSeriesRoutes = new Hono<AppEnv>()
  // The body is judged first, then the slug it would be stored under.
  .put('/:slug', validate('json', seriesInput), validate('param', seriesPath), async (c) => {
    const { slug } = c.req.valid('param');
    const actor = actorName(c.get('actor'));
    const saved = await saveSeries(c.env.DB, slug, c.req.valid('json'), actor, Date.now());
    return c.json({ series: adminSeries(saved.series) }, saved.created ? 201 : 200);
  })
  .get('/:slug', async (c) => {
    const now = Date.now();
    const series = await requireSeries(c.env.DB, c.req.param('slug'));
    const workshops = await listAllWorkshops(c.env.DB, series.id);
    return c.json({
      series: adminSeries(series),
      workshops: workshops.map((w) => adminWorkshop(w, now)),
    });
  })
  .post('/:slug/workshops', validate('json', workshopInput), async (c) => {
    const now = Date.now();
    const series = await requireSeries(c.env.DB, c.req.param('slug'));
    const actor = actorName(c.get('actor'));
    const workshop = await createWorkshop(c.env.DB, series, c.req.valid('json'), actor, now);
    return c.json({ workshop: adminWorkshop(workshop, now) }, 201);
  })
  .get('/:slug/registrations', async (c) => {
    const series = await requireSeries(c.env.DB, c.req.param('slug'));
    const registrations = await listRegistrations(c.env.DB, series.id);
    return c.json({
      registrations: registrations.map((r) => ({
        ...r,
        createdAt: iso(r.createdAt),
        confirmedAt: isoOrNull(r.confirmedAt),
      })),
    });
  })
  // Failed messages go back to the queue (e.g. after the mail setup was fixed) and are sent now.
  .post('/:slug/messages/retry', async (c) => {
    const now = Date.now();
    const series = await requireSeries(c.env.DB, c.req.param('slug'));
    const requeued = await requeueFailed(c.env.DB, series.id, now, [
      insertAudit(
        c.env.DB,
        {
          actor: actorName(c.get('actor')),
          action: 'messages.retry',
          series: { id: series.id },
          target: { type: 'series', id: series.slug },
        },
        now,
      ),
    ]);
    deliverSoon(c, requeued);
    return c.json({ requeued: requeued.length });
  })
  // Delivery per person and message: organizers see what failed and why, without the bodies.
  .get('/:slug/messages', async (c) => {
    const series = await requireSeries(c.env.DB, c.req.param('slug'));
    const messages = await listSeriesMessages(c.env.DB, series.id);
    return c.json({
      messages: messages.map((m) => ({
        ...m,
        createdAt: iso(m.createdAt),
        sentAt: isoOrNull(m.sentAt),
      })),
    });
  });
