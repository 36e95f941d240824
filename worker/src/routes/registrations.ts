import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { notFound } from '../http/errors';
import { jsonBody } from '../http/json-body';
import { findSeries } from '../db/series';
import { registrationInput } from '../schemas/registration';
import { register } from '../services/register';

/** Public: register a person for workshops of a series. Mounted under /series/:slug/registrations. */
export const registrationRoutes = new Hono<AppEnv>().post(
  '/',
  jsonBody(registrationInput),
  async (c) => {
    const series = await findSeries(c.env.DB, c.req.param('slug') ?? '');
    if (!series) throw notFound('series_not_found', 'Series');
    const registration = await register(c.env.DB, series, c.req.valid('json'), Date.now());
    return c.json({ registration }, 201);
  },
);
