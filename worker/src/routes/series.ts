import { Hono } from 'hono';
import type { SeriesResponse } from '../../contract';
import type { AppEnv } from '../env';
import * as z from 'zod';
import { LOCALES } from '../../contract';
import { invalidLink, notFound } from '../http/errors';
import { validate } from '../http/validate';
import { registerPage, registerPageHeaders } from '../pages/register-page';
import { findSeries } from '../db/series';
import { listUpcomingWorkshops } from '../db/workshops';
import { publicSeries, publicWorkshop } from '../views';
import { cachedList, listReply } from '../http/list-cache';

const pageQuery = z.object({ lang: z.enum(LOCALES).catch('sk') });

/** Public: a series and its upcoming workshops, as the widget shows them. */
export const seriesRoutes = new Hono<AppEnv>()
  // The series' own registration page (where "register again" links of lapsed holds point).
  .get('/:slug/register', validate('query', pageQuery), async (c) => {
    const series = await findSeries(c.env.DB, c.req.param('slug'));
    if (!series) throw invalidLink();
    const { lang } = c.req.valid('query');
    return c.body(registerPage(series, lang), 200, registerPageHeaders(series));
  })
  // From the Cache API for a few seconds (http/list-cache.ts), with an ETag: the widget's reloads
  // are answered 304 when nothing changed. While this isolate's copy is fresh, the same answer
  // comes from the fast path in front of the app (http/list-fast-path.ts).
  .get('/:slug', async (c) => {
    const cached = await cachedList(c, c.req.param('slug'), async () => {
      const now = Date.now();
      const series = await findSeries(c.env.DB, c.req.param('slug'));
      if (!series) return null;
      const workshops = await listUpcomingWorkshops(c.env.DB, series.id, now);
      return {
        series: publicSeries(series),
        workshops: workshops.map((w) => publicWorkshop(w, now)),
      } satisfies SeriesResponse;
    });
    if (!cached) throw notFound('series_not_found', 'Series');
    // Uncompressed: Cloudflare's front line compresses it (the fast path's answer is gzipped).
    const reply = listReply(cached, {
      ifNoneMatch: c.req.header('if-none-match'),
      acceptEncoding: undefined,
    });
    return reply.body === null
      ? c.body(null, reply.status, reply.headers)
      : c.body(reply.body, reply.status, reply.headers);
  });
