import { Hono } from 'hono';
import type * as z from 'zod';
import type {
  AdminMessagesResponse,
  AdminRegistrationsResponse,
  AdminSeriesListResponse,
  AdminSeriesResponse,
} from '../../../contract';
import type { AppEnv } from '../../env';
import { actorName } from '../../http/admin-auth';
import { notFound } from '../../http/errors';
import { validate } from '../../http/validate';
import { etag, putPrecondition, putPreconditions } from '../../http/preconditions';
import { insertAudit } from '../../db/audit';
import { listSeriesMessages } from '../../db/outbox';
import { findSeries, listSeriesOverviews } from '../../db/series';
import { isArchived, orderForHome } from '../../domain/series';
import { deliverSoon } from '../../jobs/deliver';
import { exportQuery, registrationsQuery, registrationsSearch } from '../../schemas/admin';
import { seriesInput, seriesPath } from '../../schemas/series';
import { workshopInput } from '../../schemas/workshop';
import { findRegistrations, linesNow, workshopsAtAGlance } from '../../services/admin-reads';
import { exportRegistrations } from '../../services/export';
import { saveSeries } from '../../services/series';
import { createWorkshop } from '../../services/workshop-changes';
import { requeueFailed } from '../../services/mail-checks';
import { mailSetup } from '../../mail/transport';
import { adminMessage, adminRegistration } from '../../admin-views/registrations';
import {
  adminSeries,
  adminWorkshop,
  adminWorkshopWithStats,
  seriesSummary,
} from '../../admin-views/series';

export async function requireSeries(db: D1Database, slug: string) {
  const series = await findSeries(db, slug);
  if (!series) throw notFound('series_not_found', 'Series');
  return series;
}

async function searchRegistrations(
  db: D1Database,
  slug: string,
  { workshop, q, status }: z.output<typeof registrationsSearch>,
): Promise<AdminRegistrationsResponse> {
  const series = await requireSeries(db, slug);
  const found = await findRegistrations(db, series, { workshopId: workshop, q, status });
  return {
    registrations: found.registrations.map((r) =>
      adminRegistration(r, found.reminders, found.deliveries),
    ),
  };
}

/** Admin: series, their workshops, registrations, messages and exports. Mounted under /admin/series. */
export const adminSeriesRoutes = new Hono<AppEnv>()
  // Every path's slug is judged before anything reads it (zod on every input); a PUT judges its
  // body first (below), so its own slug check stays on the route.
  .on(['GET', 'POST', 'PATCH', 'DELETE'], ['/:slug', '/:slug/*'], validate('param', seriesPath))
  .get('/', async (c) => {
    const overviews = orderForHome(await listSeriesOverviews(c.env.DB, Date.now()));
    return c.json({ series: overviews.map(seriesSummary) } satisfies AdminSeriesListResponse);
  })
  // The body is judged first, then the slug it would be stored under.
  // The admin page sends If-Match (an edit: only the version it read) or If-None-Match: * (a new
  // series: only if the address name is free); an API script may write blind.
  .put(
    '/:slug',
    validate('json', seriesInput),
    validate('param', seriesPath),
    validate('header', putPreconditions),
    async (c) => {
      const { slug } = c.req.valid('param');
      const actor = actorName(c.get('actor'));
      const precondition = putPrecondition(c.req.valid('header'));
      const input = c.req.valid('json');
      const saved = await saveSeries(c.env.DB, slug, input, actor, Date.now(), precondition);
      c.header('etag', etag(saved.series.version));
      return c.json({ series: adminSeries(saved.series) }, saved.created ? 201 : 200);
    },
  )
  .get('/:slug', async (c) => {
    const now = Date.now();
    const series = await requireSeries(c.env.DB, c.req.param('slug'));
    const workshops = await workshopsAtAGlance(c.env.DB, series);
    const lines = await linesNow(
      c.env.DB,
      workshops.map(({ workshop }) => workshop.id),
      now,
    );
    const upcoming = workshops.filter(
      ({ workshop: w }) => w.cancelledAt === null && w.endsAt > now,
    ).length;
    return c.json({
      series: adminSeries(series),
      archived: isArchived({ workshops: workshops.length, upcomingWorkshops: upcoming }),
      workshops: workshops.map(({ workshop, stats }) =>
        adminWorkshopWithStats(workshop, stats, now, lines.get(workshop.id)),
      ),
    } satisfies AdminSeriesResponse);
  })
  .post('/:slug/workshops', validate('json', workshopInput), async (c) => {
    const now = Date.now();
    const series = await requireSeries(c.env.DB, c.req.param('slug'));
    const actor = actorName(c.get('actor'));
    const workshop = await createWorkshop(c.env.DB, series, c.req.valid('json'), actor, now);
    return c.json({ workshop: adminWorkshop(workshop, now) }, 201);
  })
  .get('/:slug/registrations', validate('query', registrationsQuery), async (c) =>
    c.json(await searchRegistrations(c.env.DB, c.req.param('slug'), c.req.valid('query'))),
  )
  .post('/:slug/registrations/search', validate('json', registrationsSearch), async (c) =>
    c.json(await searchRegistrations(c.env.DB, c.req.param('slug'), c.req.valid('json'))),
  )
  .get('/:slug/registrations.csv', validate('query', exportQuery), async (c) => {
    const series = await requireSeries(c.env.DB, c.req.param('slug'));
    const actor = actorName(c.get('actor'));
    const lang = c.req.valid('query').lang;
    const file = await exportRegistrations(c.env.DB, series, null, lang, actor, Date.now());
    return c.body(file.csv, 200, csvHeaders(file.disposition));
  })
  // Failed messages go back to the queue (e.g. after the mail setup was fixed) and are sent now;
  // those that are no longer true are dropped instead, with the reason.
  .post('/:slug/messages/retry', async (c) => {
    const now = Date.now();
    const series = await requireSeries(c.env.DB, c.req.param('slug'));
    const { requeued, dropped } = await requeueFailed(c.env.DB, series.id, now, [
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
    return c.json({ requeued: requeued.length, dropped });
  })
  // Delivery per person and message: organizers see what failed and why, without the bodies,
  // and whether anything is sent at all (`transport: null` and a warning when nothing is).
  .get('/:slug/messages', async (c) => {
    const series = await requireSeries(c.env.DB, c.req.param('slug'));
    const messages = await listSeriesMessages(c.env.DB, series.id);
    const { transport, warning } = mailSetup(c.env);
    return c.json({
      transport: transport?.name ?? null,
      warning,
      messages: messages.map(adminMessage),
    } satisfies AdminMessagesResponse);
  });

/** A CSV download: never cached anywhere, since it lists people. */
export const csvHeaders = (disposition: string) => ({
  'content-type': 'text/csv; charset=utf-8',
  'content-disposition': disposition,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
});
