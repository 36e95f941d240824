import { Hono } from 'hono';
import type { RegistrationResponse } from '../../contract';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../http/errors';
import { forgetList } from '../http/list-cache';
import { validate } from '../http/validate';
import { limitRegistrations } from '../http/rate-limit';
import { clientKeyOf } from '../http/client';
import { requireTurnstile } from '../http/turnstile';
import { deliverSoon } from '../jobs/deliver';
import { announceAndRemind } from '../jobs/waitlist';
import { registrationInput } from '../schemas/registration';
import { lookUp, register } from '../services/register';

/** Public: register a person for workshops of a series. Mounted under /series/:slug/registrations. */
export const registrationRoutes = new Hono<AppEnv>().post(
  '/',
  // First, so that a refused request is not even read.
  limitRegistrations,
  validate('json', registrationInput),
  async (c) => {
    const now = Date.now();
    const input = c.req.valid('json');
    // One read batch: the series, the chosen workshops and the address's seats in them.
    const context = await lookUp(c.env.DB, c.req.param('slug') ?? '', input, now);
    const { series } = context;
    if (!series) throw notFound('series_not_found', 'Series');
    await requireTurnstile(c, series, input.turnstileToken);
    const baseUrl = c.env.PUBLIC_URL ?? new URL(c.req.url).origin;
    const { registration, outboxIds } = await register(
      c.env.DB,
      { ...context, series },
      input,
      baseUrl,
      now,
      await clientKeyOf(c),
    ).catch(async (error: unknown) => {
      // The widget reloads the list after a 409: this data centre's cached copy must not
      // contradict the refusal it just showed.
      if (error instanceof ApiError && error.status === 409) await forgetList(c, series.slug);
      throw error;
    });
    // The confirmation e-mail goes out now; if this send fails, the cron retries it.
    // Issue 12: the lapsed holds released first may have moved people in from a line.
    deliverSoon(c, [...outboxIds, ...(await announceAndRemind(c.env.DB, now))]);
    return c.json({ registration } satisfies RegistrationResponse, 201);
  },
);
