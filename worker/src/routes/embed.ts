import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { notFound } from '../http/errors';
import { validate } from '../http/validate';
import { allowedOriginsOf } from '../db/series';
import { embedPage, embedPageHeaders } from '../pages/embed-page';
import { embedPath, embedQuery } from '../schemas/embed';

/** The iframe fallback: `/embed/:slug`, the widget alone on a page of its own. */
export const embedRoutes = new Hono<AppEnv>().get(
  '/:slug',
  validate('param', embedPath),
  validate('query', embedQuery),
  async (c) => {
    const { slug } = c.req.valid('param');
    const allowed = await allowedOriginsOf(c.env.DB, slug);
    if (allowed === null) throw notFound('series_not_found', 'Series');
    return c.body(embedPage(slug, c.req.valid('query')), 200, embedPageHeaders(allowed));
  },
);
