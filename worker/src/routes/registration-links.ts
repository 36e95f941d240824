import { Hono, type Context } from 'hono';
import * as z from 'zod';
import type { AppEnv } from '../env';
import { formTooLarge, invalidLink } from '../http/errors';
import { validate } from '../http/validate';
import { deliverSoon } from '../jobs/deliver';
import { queueReminders } from '../jobs/reminders';
import { announceAndRemind } from '../jobs/waitlist';
import {
  cancelledPage,
  confirmFormPage,
  confirmPage,
  managePage,
} from '../pages/registration-pages';
import { PAGE_HEADERS } from '../pages/layout';
import { lineSection, offerPage, withLineSection } from '../pages/waitlist-pages';
import {
  acceptOfferByToken,
  leaveLines,
  offerByToken,
  placesWithWorkshops,
} from '../services/waitlist';
import { cancelSeats, heldByToken } from '../services/cancel';
import { confirmByToken, confirmLinkByToken, type ConfirmLink } from '../services/confirm';
import { holdLength } from '../domain/holds';
import { seatedIn } from '../db/seats-elsewhere';
import type { ConfirmState } from '../domain/registrations';

/** Tokens are 43 base64url characters; anything else is not one of ours. */
const token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

/** A link's token, or a form from one of our pages; anything else gets the "invalid link" page. */
const tokenQuery = validate('query', z.object({ token }), invalidLink);

const confirmForm = validate('form', z.object({ token }), invalidLink, formTooLarge);

/** An offered seat's link and form (issue 12): the manage token and the workshop. */
const offerFields = z.object({ token, workshop: z.string().min(1).max(64) });
const offerQuery = validate('query', offerFields, invalidLink);
const offerForm = validate('form', offerFields, invalidLink, formTooLarge);

const cancelForm = validate(
  'form',
  z.object({
    token,
    workshopId: z
      .union([z.string().max(64), z.array(z.string().max(64)).max(50)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
    all: z.literal('1').optional(),
  }),
  invalidLink,
  formTooLarge,
);

const htmlPage = (c: Context<AppEnv>, body: string) => c.body(body, 200, PAGE_HEADERS);

/** What a confirm link shows: the form while it can still confirm, else why not. */
function linkPage(
  token: string,
  state: ConfirmState,
  link: Omit<ConfirmLink, 'state'>,
  now: number,
) {
  const { registration, series, workshops, seatedElsewhere } = link;
  const { locale } = registration;
  if (state === 'pending') return confirmFormPage(token, locale, series, workshops);
  if (state === 'lapsed') {
    const seated = seatedIn(workshops, seatedElsewhere);
    if (workshops.length > 0 && seated.length === workshops.length) {
      // The address has every seat already (or the line owes it them): nothing to confirm, so
      // the answer confirming would give, without a button.
      return confirmPage(
        'already_seated',
        locale,
        series,
        [],
        [],
        holdLength(registration),
        seated,
      );
    }
    const heldUntil = registration.expiresAt ?? now;
    return confirmFormPage(token, locale, series, workshops, { heldUntil, now, seatedElsewhere });
  }
  return confirmPage(state, locale, series, workshops, [], holdLength(registration));
}

/**
 * The pages the links in e-mails open: confirm and manage (GETs that change nothing), and the
 * forms on them, confirm and cancel (POSTs, so that mail scanners which open every link can
 * neither confirm a registration nobody made nor cancel anyone).
 */
export const registrationLinkRoutes = new Hono<AppEnv>()
  .get('/confirm', tokenQuery, async (c) => {
    const { token } = c.req.valid('query');
    const now = Date.now();
    const link = await confirmLinkByToken(c.env.DB, token, now);
    if (!link) throw invalidLink();
    // Issue 12: the places in line this link confirms, beside the seats.
    const places = await placesWithWorkshops(c.env.DB, link.registration, now);
    const section = lineSection(token, link.registration.locale, places, false, false);
    return htmlPage(c, withLineSection(linkPage(token, link.state, link, now), section));
  })
  .post('/confirm', confirmForm, async (c) => {
    const now = Date.now();
    const confirmation = await confirmByToken(c.env.DB, c.req.valid('form').token, now);
    if (!confirmation) throw invalidLink();
    const { outcome, registration, series, workshops, lost } = confirmation;
    if (outcome === 'pending' || outcome === 'lapsed') {
      // What the form shows again is read afresh (the address's seats elsewhere included).
      const link = await confirmLinkByToken(c.env.DB, c.req.valid('form').token, now);
      if (!link) throw invalidLink();
      return htmlPage(c, linkPage(c.req.valid('form').token, link.state, link, now));
    }
    // Confirmed within a day of a workshop: the join link follows at once, not at the next cron run.
    const reminders =
      outcome === 'confirmed'
        ? await queueReminders(c.env.DB, now, { registrationIds: [registration.id] })
        : [];
    const promoted = await announceAndRemind(c.env.DB, now);
    deliverSoon(c, [...confirmation.outboxIds, ...reminders, ...promoted]);
    return htmlPage(
      c,
      confirmPage(
        outcome,
        registration.locale,
        series,
        workshops,
        lost,
        holdLength(registration),
        confirmation.seatedElsewhere,
      ),
    );
  })
  // An offered seat ('offer' mode): the page (GET changes nothing) and its accept button.
  .get('/offer', offerQuery, async (c) => {
    const { token, workshop } = c.req.valid('query');
    const offer = await offerByToken(c.env.DB, token, workshop, Date.now());
    if (!offer) throw invalidLink();
    return htmlPage(
      c,
      offerPage(offer.state, { ...offer, token, locale: offer.registration.locale }),
    );
  })
  .post('/offer', offerForm, async (c) => {
    const now = Date.now();
    const { token, workshop } = c.req.valid('form');
    const offer = await acceptOfferByToken(c.env.DB, token, workshop, now);
    if (!offer) throw invalidLink();
    deliverSoon(c, await announceAndRemind(c.env.DB, now));
    return htmlPage(
      c,
      offerPage(offer.state, { ...offer, token, locale: offer.registration.locale }),
    );
  })
  .get('/manage', tokenQuery, async (c) => {
    const { token } = c.req.valid('query');
    const held = await heldByToken(c.env.DB, token);
    if (!held) throw invalidLink();
    // Issue 12: where the person stands in any waiting list, and a way to leave.
    const places = await placesWithWorkshops(c.env.DB, held.registration, Date.now());
    const manage = managePage(token, held.registration, held.series, held.held);
    return htmlPage(
      c,
      withLineSection(manage, lineSection(token, held.registration.locale, places)),
    );
  })
  .post('/leave-waitlist', confirmForm, async (c) => {
    const { token } = c.req.valid('form');
    const held = await heldByToken(c.env.DB, token);
    if (!held) throw invalidLink();
    await leaveLines(c.env.DB, held.registration, Date.now());
    const manage = managePage(token, held.registration, held.series, held.held);
    return htmlPage(
      c,
      withLineSection(manage, lineSection(token, held.registration.locale, [], true)),
    );
  })
  .post('/cancel', cancelForm, async (c) => {
    const now = Date.now();
    const form = c.req.valid('form');
    const held = await heldByToken(c.env.DB, form.token);
    if (!held) throw invalidLink();
    const choice = form.all ? 'all' : form.workshopId;
    if (choice !== 'all' && choice.length === 0 && held.held.length > 0) {
      return htmlPage(
        c,
        managePage(form.token, held.registration, held.series, held.held, 'nothing_chosen'),
      );
    }
    const result = await cancelSeats(c.env.DB, held, choice, now, {
      reload: () => heldByToken(c.env.DB, form.token),
    });
    const { registration, series } = result.held;
    if (result.released.length === 0) {
      return htmlPage(c, managePage(form.token, registration, series, result.remaining));
    }
    deliverSoon(c, [...result.outboxIds, ...(await announceAndRemind(c.env.DB, now))]);
    return htmlPage(
      c,
      cancelledPage(registration.locale, series, result.released, result.remaining),
    );
  });
