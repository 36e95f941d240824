import { Hono, type Context } from 'hono';
import { validator } from 'hono/validator';
import * as z from 'zod';
import type { AppEnv } from '../env';
import { deliverSoon } from '../jobs/deliver';
import { queueReminders } from '../jobs/reminders';
import {
  cancelledPage,
  confirmFormPage,
  confirmPage,
  invalidLinkPage,
  managePage,
} from '../pages/registration-pages';
import { PAGE_HEADERS } from '../pages/layout';
import { cancelSeats, heldByToken } from '../services/cancel';
import { confirmByToken, confirmLinkByToken } from '../services/confirm';

/** Tokens are 43 base64url characters; anything else is not one of ours. */
const token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

const tokenQuery = validator('query', (value) => {
  const parsed = token.safeParse(value.token);
  return { token: parsed.success ? parsed.data : null };
});

/** A form posted from one of our pages, or null when it is not one (answered with the 404 page). */
const formBody = <S extends z.ZodType>(schema: S) =>
  validator('form', (value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? (parsed.data as z.output<S>) : null;
  });

const confirmBody = formBody(z.object({ token }));

const cancelBody = formBody(
  z.object({
    token,
    workshopId: z
      .union([z.string().max(64), z.array(z.string().max(64)).max(50)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
    all: z.literal('1').optional(),
  }),
);

const htmlPage = (c: Context<AppEnv>, body: string, status: 200 | 404 = 200) =>
  c.body(body, status, PAGE_HEADERS);

/**
 * The pages the links in e-mails open: confirm and manage (GETs that change nothing), and the
 * forms on them, confirm and cancel (POSTs, so that mail scanners which open every link can
 * neither confirm a registration nobody made nor cancel anyone).
 */
export const registrationLinkRoutes = new Hono<AppEnv>()
  .get('/confirm', tokenQuery, async (c) => {
    const { token } = c.req.valid('query');
    const link = token ? await confirmLinkByToken(c.env.DB, token, Date.now()) : null;
    if (!token || !link) return htmlPage(c, invalidLinkPage(), 404);
    const { state, registration, series, workshops } = link;
    if (state === 'pending') {
      return htmlPage(c, confirmFormPage(token, registration.locale, series, workshops));
    }
    return htmlPage(c, confirmPage(state, registration.locale, series, workshops));
  })
  .post('/confirm', confirmBody, async (c) => {
    const now = Date.now();
    const form = c.req.valid('form');
    const confirmation = form ? await confirmByToken(c.env.DB, form.token, now) : null;
    if (!confirmation) return htmlPage(c, invalidLinkPage(), 404);
    const { outcome, registration, series, workshops } = confirmation;
    // Confirmed within a day of a workshop: the join link follows at once, not at the next cron run.
    const reminders =
      outcome === 'confirmed'
        ? await queueReminders(c.env.DB, now, { registrationId: registration.id })
        : [];
    deliverSoon(c, [...confirmation.outboxIds, ...reminders]);
    return htmlPage(c, confirmPage(outcome, registration.locale, series, workshops));
  })
  .get('/manage', tokenQuery, async (c) => {
    const { token } = c.req.valid('query');
    const held = token ? await heldByToken(c.env.DB, token) : null;
    if (!token || !held) return htmlPage(c, invalidLinkPage(), 404);
    return htmlPage(c, managePage(token, held.registration, held.series, held.held));
  })
  .post('/cancel', cancelBody, async (c) => {
    const now = Date.now();
    const form = c.req.valid('form');
    const held = form ? await heldByToken(c.env.DB, form.token) : null;
    if (!form || !held) return htmlPage(c, invalidLinkPage(), 404);
    const choice = form.all ? 'all' : form.workshopId;
    if (choice !== 'all' && choice.length === 0 && held.held.length > 0) {
      return htmlPage(
        c,
        managePage(form.token, held.registration, held.series, held.held, 'nothing_chosen'),
      );
    }
    const result = await cancelSeats(c.env.DB, held, choice, now);
    if (result.released.length === 0) {
      return htmlPage(c, managePage(form.token, held.registration, held.series, result.remaining));
    }
    deliverSoon(c, result.outboxIds);
    return htmlPage(
      c,
      cancelledPage(held.registration.locale, held.series, result.released, result.remaining),
    );
  });
