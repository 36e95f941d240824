import { Hono } from 'hono';
import type { SeriesResponse } from '../../contract';
import type { AppEnv } from '../env';
import { notFound } from '../http/errors';
import { findSeries } from '../db/series';
import { listUpcomingWorkshops } from '../db/workshops';
import { publicSeries, publicWorkshop } from '../views';

/** Public: a series and its upcoming workshops, as the widget shows them. */
export const seriesRoutes = new Hono<AppEnv>().get('/:slug', async (c) => {
  const now = Date.now();
  const series = await findSeries(c.env.DB, c.req.param('slug'));
  if (!series) throw notFound('series_not_found', 'Series');
  const workshops = await listUpcomingWorkshops(c.env.DB, series.id, now);
  return c.json({
    series: publicSeries(series),
    workshops: workshops.map((w) => publicWorkshop(w, now)),
  } satisfies SeriesResponse);
});
