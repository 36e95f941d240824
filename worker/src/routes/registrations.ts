import { Hono } from 'hono';
import type { RegistrationResponse } from '../../contract';
import type { AppEnv } from '../env';
import { notFound } from '../http/errors';
import { validate } from '../http/validate';
import { limitRegistrations } from '../http/rate-limit';
import { clientKeyOf } from '../http/client';
import { requireTurnstile } from '../http/turnstile';
import { findSeries } from '../db/series';
import { deliverSoon } from '../jobs/deliver';
import { announceAndRemind } from '../jobs/waitlist';
import { registrationInput } from '../schemas/registration';
import { register } from '../services/register';

/** Public: register a person for workshops of a series. Mounted under /series/:slug/registrations. */
export const registrationRoutes = new Hono<AppEnv>().post(
  '/',
  // First, so that a refused request is not even read.
  limitRegistrations,
  validate('json', registrationInput),
  async (c) => {
    const now = Date.now();
    const series = await findSeries(c.env.DB, c.req.param('slug') ?? '');
    if (!series) throw notFound('series_not_found', 'Series');
    await requireTurnstile(c, series, c.req.valid('json').turnstileToken);
    const baseUrl = c.env.PUBLIC_URL ?? new URL(c.req.url).origin;
    const { registration, outboxIds } = await register(
      c.env.DB,
      series,
      c.req.valid('json'),
      baseUrl,
      now,
      await clientKeyOf(c),
    );
    // The confirmation e-mail goes out now; if this send fails, the cron retries it.
    // Issue 12: the lapsed holds released first may have moved people in from a line.
    deliverSoon(c, [...outboxIds, ...(await announceAndRemind(c.env.DB, now))]);
    return c.json({ registration } satisfies RegistrationResponse, 201);
  },
);
