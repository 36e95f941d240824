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
  .get('/:slug', async (c) => {
    const now = Date.now();
    const series = await findSeries(c.env.DB, c.req.param('slug'));
    if (!series) throw notFound('series_not_found', 'Series');
    const workshops = await listUpcomingWorkshops(c.env.DB, series.id, now);
    return c.json({
      series: publicSeries(series),
      workshops: workshops.map((w) => publicWorkshop(w, now)),
    } satisfies SeriesResponse);
  });
