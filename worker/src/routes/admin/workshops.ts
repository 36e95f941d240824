import { Hono } from 'hono';
import * as z from 'zod';
import type { AdminWorkshopResponse, CancelWorkshopPreview } from '../../../contract';
import type { AppEnv } from '../../env';
import { actorName } from '../../http/admin-auth';
import { editPreconditions, etag } from '../../http/preconditions';
import { validate } from '../../http/validate';
import { deliverSoon } from '../../jobs/deliver';
import { announceAndRemind } from '../../jobs/waitlist';
import { exportQuery, recordPath } from '../../schemas/admin';
import { workshopPatch } from '../../schemas/workshop';
import { exportRegistrations } from '../../services/export';
import {
  cancelPreviewOf,
  cancelWorkshopAsAsked,
  editWorkshop,
  requireWorkshop,
} from '../../services/workshop-actions';
import { adminWorkshop, cancelPreview } from '../../admin-views/series';
import { csvHeaders } from './series';
import { adminWaitlist } from '../../admin-views/waitlist';
import { promoteOnBehalf, removeFromLine, waitlistOf } from '../../services/waitlist';

/** A place in a workshop's line: the workshop and the registration holding it. */
const placeParam = z.object({
  id: z.string().min(1).max(64),
  registrationId: z.string().min(1).max(64),
});

/** Admin: change, cancel or export a workshop. Mounted under /admin/workshops. */
export const adminWorkshopRoutes = new Hono<AppEnv>()
  // Every path's id is judged before anything reads it (zod on every input).
  .use('/:id', validate('param', recordPath))
  .use('/:id/*', validate('param', recordPath))
  // One workshop as an organizer edits it, with its version (ETag) for the edit's If-Match.
  .get('/:id', async (c) => {
    const { workshop } = await requireWorkshop(c.env.DB, c.req.param('id'));
    c.header('etag', etag(workshop.version));
    return c.json({
      workshop: adminWorkshop(workshop, Date.now()),
    } satisfies AdminWorkshopResponse);
  })
  // An edit: with If-Match (the admin page always sends it), only on the version the organizer
  // saw, else 412 edit_conflict and nothing changes. Without, on the version read here; if that
  // changes before the write (a concurrent edit), the read and the write are tried again
  // (services/workshop-actions.ts).
  .patch(
    '/:id',
    validate('header', editPreconditions),
    validate('json', workshopPatch),
    async (c) => {
      const ifMatch = c.req.valid('header')['if-match'];
      const actor = actorName(c.get('actor'));
      const id = c.req.param('id');
      const outboxIds = await editWorkshop(c.env.DB, id, c.req.valid('json'), ifMatch, actor);
      deliverSoon(c, [...outboxIds, ...(await announceAndRemind(c.env.DB, Date.now()))]);
      const { workshop } = await requireWorkshop(c.env.DB, id);
      c.header('etag', etag(workshop.version));
      return c.json({
        workshop: adminWorkshop(workshop, Date.now()),
      } satisfies AdminWorkshopResponse);
    },
  )
  // What the organizer is warned of before cancelling: who would be told, with the version of
  // the workshop those counts were read with (one batch), which the cancellation then sends.
  .get('/:id/cancel-preview', async (c) => {
    const now = Date.now();
    const read = await cancelPreviewOf(c.env.DB, c.req.param('id'), now);
    c.header('etag', etag(read.workshop.version));
    return c.json(cancelPreview(read, now) satisfies CancelWorkshopPreview);
  })
  // The same If-Match as an edit: the admin page sends the version its warning was read with,
  // so a workshop moved or changed meanwhile is not cancelled blind (412 edit_conflict).
  .post('/:id/cancel', validate('header', editPreconditions), async (c) => {
    const ifMatch = c.req.valid('header')['if-match'];
    const actor = actorName(c.get('actor'));
    const { workshop, outboxIds } = await cancelWorkshopAsAsked(
      c.env.DB,
      c.req.param('id'),
      ifMatch,
      actor,
    );
    deliverSoon(c, outboxIds);
    c.header('etag', etag(workshop.version));
    return c.json({ workshop: adminWorkshop(workshop, Date.now()) });
  })
  // Issue 12: the waiting list, in order; promote someone by hand or take them out of line.
  .get('/:id/waitlist', async (c) => {
    const { workshop } = await requireWorkshop(c.env.DB, c.req.param('id'));
    return c.json(adminWaitlist(await waitlistOf(c.env.DB, workshop)));
  })
  .post('/:id/waitlist/:registrationId/promote', validate('param', placeParam), async (c) => {
    const now = Date.now();
    const { id, registrationId } = c.req.valid('param');
    const { workshop } = await requireWorkshop(c.env.DB, id);
    // Refused or not, the batch may have moved others in by the line (the person's own lapsed hold
    // expires in it, services/waitlist.ts): they are told now, not at the next cron run.
    try {
      await promoteOnBehalf(c.env.DB, workshop, registrationId, actorName(c.get('actor')), now);
    } finally {
      deliverSoon(c, await announceAndRemind(c.env.DB, now));
    }
    return c.json(adminWaitlist(await waitlistOf(c.env.DB, workshop)));
  })
  .delete('/:id/waitlist/:registrationId', validate('param', placeParam), async (c) => {
    const { id, registrationId } = c.req.valid('param');
    const { workshop } = await requireWorkshop(c.env.DB, id);
    await removeFromLine(c.env.DB, workshop, registrationId, actorName(c.get('actor')), Date.now());
    return c.json(adminWaitlist(await waitlistOf(c.env.DB, workshop)));
  })
  .get('/:id/registrations.csv', validate('query', exportQuery), async (c) => {
    const { workshop, series } = await requireWorkshop(c.env.DB, c.req.param('id'));
    const actor = actorName(c.get('actor'));
    const lang = c.req.valid('query').lang;
    const file = await exportRegistrations(c.env.DB, series, workshop, lang, actor, Date.now());
    return c.body(file.csv, 200, csvHeaders(file.disposition));
  });
