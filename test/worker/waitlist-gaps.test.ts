import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { whyNoLongerTrue, type MessageToCheck } from '../../worker/src/domain/mail-checks';
import { selectDueOfferReminders, type OfferCandidate } from '../../worker/src/domain/waitlist';
import { adminSend } from '../support/admin';
import { hasSql, pausedBefore } from '../support/interleave';
import { cancelWorkshopAndTell } from '../../worker/src/services/workshop-changes';
import { findSeriesById } from '../../worker/src/db/series';
import { findWorkshop } from '../../worker/src/db/workshops';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  confirmLink,
  HOUR,
  MINUTE,
  onlyMessage,
  outbox,
  postConfirmation,
  postRegistration,
  received,
  runCron,
  settle,
  tokenOf,
  uniqueEmail,
  validRegistration,
} from '../support/fixtures';
import {
  cancelAllByLink,
  confirmByLink,
  fullWorkshop as fullWorkshopOf,
} from '../support/waitlist-fixtures';

/**
 * Waiting-list gaps (issue 12's follow-ups): people in the line of a cancelled workshop are told,
 * and an offered seat gets a reminder before the offer runs out — each once, in the person's
 * language, and only while still true.
 */

let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

/** A series with one workshop of `capacity` seats, all taken by confirmed holders. */
const fullWorkshop = (capacity: number, extra: Record<string, unknown> = {}) =>
  fullWorkshopOf(worker, capacity, extra);

/** Joins the line (pending); returns the registration id. */
async function join(slug: string, workshopId: string, overrides = {}) {
  const res = await postRegistration(
    worker,
    slug,
    validRegistration([workshopId], {
      email: uniqueEmail('waiting'),
      waitlistWorkshopIds: [workshopId],
      ...overrides,
    }),
  );
  const text = await res.text();
  assert.equal(res.status, 201, text);
  await settle(worker);
  return (JSON.parse(text) as { registration: { id: string } }).registration.id;
}

const confirm = (id: string) => confirmByLink(worker, id);

async function joinConfirmed(slug: string, workshopId: string, overrides = {}) {
  const id = await join(slug, workshopId, overrides);
  await confirm(id);
  return id;
}

const cancelAll = (registrationId: string, kind = 'confirmed') =>
  cancelAllByLink(worker, registrationId, kind);

const cancelWorkshop = async (id: string) => {
  const res = await adminSend(worker, 'POST', `/api/v1/admin/workshops/${id}/cancel`);
  assert.equal(res.status, 200);
  await res.arrayBuffer();
  await settle(worker);
};

describe('a cancelled workshop tells its line', () => {
  test('each confirmed person in line once, in their language; not the unconfirmed, not who was taken out', async () => {
    const { slug, workshop } = await fullWorkshop(1);
    const sk = await joinConfirmed(slug, workshop.id);
    const en = await joinConfirmed(slug, workshop.id, { locale: 'en' });
    const left = await joinConfirmed(slug, workshop.id);
    const unconfirmed = await join(slug, workshop.id);
    // Taken out of line by the organizer before (also 'removed', at an earlier instant).
    const removed = await adminSend(
      worker,
      'DELETE',
      `/api/v1/admin/workshops/${workshop.id}/waitlist/${left}`,
    );
    assert.equal(removed.status, 200);
    await removed.arrayBuffer();

    await Promise.all([cancelWorkshop(workshop.id), cancelWorkshop(workshop.id)]);
    await runCron(worker, Date.now());

    const skMessage = await onlyMessage(worker, { registrationId: sk, kind: 'line_cancelled' });
    assert.equal(skMessage.status, 'sent');
    assert.match(skMessage.subject, /^Workshop sa neuskutoční: /);
    const skText = (await received(worker, skMessage)).text;
    assert.match(skText, /zozname čakateľov/);
    assert.equal(skMessage.attachments.length, 0, 'a place in line had no calendar entry');
    const enMessage = await onlyMessage(worker, { registrationId: en, kind: 'line_cancelled' });
    assert.match(enMessage.subject, /^Workshop cancelled: /);
    assert.match((await received(worker, enMessage)).text, /on the waiting list for/);
    assert.deepEqual(await outbox(worker, { registrationId: left, kind: 'line_cancelled' }), []);
    assert.deepEqual(
      await outbox(worker, { registrationId: unconfirmed, kind: 'line_cancelled' }),
      [],
    );
  });

  test('someone moved in from the line before the cancellation gets the seat holder’s notice only', async () => {
    const { slug, workshop, holders } = await fullWorkshop(1);
    const moved = await joinConfirmed(slug, workshop.id);
    await cancelAll(holders[0]!);
    await cancelWorkshop(workshop.id);
    assert.equal(
      (await outbox(worker, { registrationId: moved, kind: 'workshop_cancelled' })).length,
      1,
    );
    assert.deepEqual(await outbox(worker, { registrationId: moved, kind: 'line_cancelled' }), []);
  });

  test('someone confirming their place while the cancellation is under way is told too, once', async () => {
    const { slug, workshop } = await fullWorkshop(1);
    const confirming = await join(slug, workshop.id);
    const now = Date.now();
    const current = (await findWorkshop(worker.db as never, workshop.id, now))!;
    const series = (await findSeriesById(worker.db as never, current.seriesId))!;
    // The cancellation read the line (nobody confirmed in it) and is about to write.
    const db = pausedBefore(worker.db, hasSql('SET cancelled_at'), () => confirm(confirming));
    await cancelWorkshopAndTell(db as never, series, current, 'test', now);
    assert.ok(db.paused());
    await runCron(worker, Date.now());
    const told = await outbox(worker, { registrationId: confirming, kind: 'line_cancelled' });
    assert.equal(told.length, 1);
    assert.equal(told[0]!.status, 'sent');
  });

  test('true once it happened: only an erasure stops it', () => {
    const message: MessageToCheck = {
      kind: 'line_cancelled',
      workshopId: 'w',
      startsAt: null,
      workshopSequences: { w: 1 },
    };
    const seats = new Map();
    const now = Date.now();
    for (const status of ['confirmed', 'cancelled']) {
      assert.equal(
        whyNoLongerTrue(message, { registration: { status, canStillConfirm: false }, seats }, now),
        null,
      );
    }
    assert.equal(
      whyNoLongerTrue(message, { registration: null, seats }, now),
      'registration_erased',
    );
  });
});

describe('a reminder before an offer runs out', () => {
  const offer = (o: Partial<OfferCandidate> = {}): OfferCandidate => ({
    registrationId: 'r',
    workshopId: 'w',
    offeredAt: 0,
    offeredUntil: 24 * HOUR,
    ...o,
  });

  test('the rules: a quarter of the window before the end, only for windows of two hours or more', () => {
    const due = (o: OfferCandidate, now: number) => selectDueOfferReminders([o], now).length === 1;
    assert.ok(!due(offer(), 17 * HOUR), 'the default day: not 7 hours before');
    assert.ok(due(offer(), 18 * HOUR), 'the default day: 6 hours before');
    assert.ok(!due(offer(), 24 * HOUR), 'not once it ran out');
    assert.ok(due(offer({ offeredUntil: 2 * HOUR }), 90 * MINUTE), 'two hours: 30 minutes before');
    assert.ok(!due(offer({ offeredUntil: 2 * HOUR - 1 }), 100 * MINUTE), 'shorter: none');
    assert.ok(!due(offer({ offeredUntil: 7 * 24 * HOUR }), 5 * 24 * HOUR), 'a week: a day before');
    assert.ok(due(offer({ offeredUntil: 7 * 24 * HOUR }), 6 * 24 * HOUR));
  });

  test('sent once, in the person’s language, with the accept link, across overlapping runs', async () => {
    const { slug, workshop, holders } = await fullWorkshop(1, {
      waitlistMode: 'offer',
      offerMinutes: 240,
    });
    const first = await joinConfirmed(slug, workshop.id, { locale: 'en' });
    const freedAt = Date.now();
    await cancelAll(holders[0]!);
    await onlyMessage(worker, { registrationId: first, kind: 'offer' });

    await runCron(worker, freedAt + 2 * HOUR);
    assert.deepEqual(await outbox(worker, { registrationId: first, kind: 'offer_reminder' }), []);
    await Promise.all([
      runCron(worker, freedAt + 3 * HOUR + 5 * MINUTE),
      runCron(worker, freedAt + 3 * HOUR + 5 * MINUTE),
    ]);
    await runCron(worker, freedAt + 3 * HOUR + 20 * MINUTE);
    const reminder = await onlyMessage(worker, { registrationId: first, kind: 'offer_reminder' });
    assert.equal(reminder.status, 'sent');
    assert.match(reminder.subject, /^Your seat is still held: /);
    const text = (await received(worker, reminder)).text;
    assert.match(text, /held for you only until/);
    assert.match(text, /\/api\/v1\/registrations\/offer\?token=[\w-]+&workshop=/);
  });

  test('none for an offer accepted, or declined, before it is due', async () => {
    const { slug, workshop, holders } = await fullWorkshop(2, {
      waitlistMode: 'offer',
      offerMinutes: 240,
    });
    const accepting = await joinConfirmed(slug, workshop.id);
    const declining = await joinConfirmed(slug, workshop.id);
    const freedAt = Date.now();
    await cancelAll(holders[0]!);
    await cancelAll(holders[1]!);
    const offerMessage = await onlyMessage(worker, { registrationId: accepting, kind: 'offer' });
    const url = new URL(
      (await received(worker, offerMessage)).text.match(
        /https?:\S+\/registrations\/offer\?\S+/,
      )![0],
    );
    const accepted = await worker.fetch('/api/v1/registrations/offer', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: url.searchParams.get('token')!,
        workshop: url.searchParams.get('workshop')!,
      }).toString(),
    });
    assert.equal(accepted.status, 200);
    await accepted.arrayBuffer();
    await settle(worker);
    await cancelAll(declining, 'offer');

    await runCron(worker, freedAt + 3 * HOUR + 5 * MINUTE);
    assert.deepEqual(
      await outbox(worker, { registrationId: accepting, kind: 'offer_reminder' }),
      [],
    );
    assert.deepEqual(
      await outbox(worker, { registrationId: declining, kind: 'offer_reminder' }),
      [],
    );
  });

  test('queued, then the offer ends before it is sent: dropped, not sent', () => {
    const message: MessageToCheck = {
      kind: 'offer_reminder',
      workshopId: 'w',
      startsAt: null,
      workshopSequences: { w: 0 },
    };
    const now = Date.now();
    const seat = (offeredUntil: number | null) =>
      new Map([
        [
          'w',
          {
            held: true,
            workshopCancelled: false,
            sequence: 0,
            startsAt: now + 72 * HOUR,
            endsAt: now + 74 * HOUR,
            offeredUntil,
          },
        ],
      ]);
    const registration = { status: 'confirmed', canStillConfirm: false };
    assert.equal(whyNoLongerTrue(message, { registration, seats: seat(now + HOUR) }, now), null);
    assert.equal(
      whyNoLongerTrue(message, { registration, seats: seat(null) }, now),
      'offer_ended',
      'accepted meanwhile',
    );
    assert.equal(
      whyNoLongerTrue(message, { registration, seats: seat(now) }, now),
      'offer_ended',
      'ran out',
    );
  });
});

describe('a late confirmation and its places in line', () => {
  const lapse = (id: string) =>
    worker.db
      .prepare('UPDATE registrations SET expires_at = ? WHERE id = ?')
      .bind(Date.now() - MINUTE, id)
      .run();

  const lineOrder = async (workshopId: string) =>
    (
      await worker.db
        .prepare(
          `SELECT registration_id FROM waitlist WHERE workshop_id = ? AND status = 'waiting' ORDER BY id`,
        )
        .bind(workshopId)
        .all<{ registration_id: string }>()
    ).results.map((r) => r.registration_id);

  test('takes them back at the end of the line, and says which place', async () => {
    const { slug, workshop } = await fullWorkshop(1);
    const late = await join(slug, workshop.id, { locale: 'en' });
    const first = await joinConfirmed(slug, workshop.id);
    await lapse(late);
    await runCron(worker, Date.now());
    const second = await joinConfirmed(slug, workshop.id);
    assert.deepEqual(await lineOrder(workshop.id), [first, second]);

    await confirm(late);
    assert.deepEqual(await lineOrder(workshop.id), [first, second, late], 'at the end');
    const confirmed = await onlyMessage(worker, { registrationId: late, kind: 'confirmed' });
    assert.match((await received(worker, confirmed)).text, /place in line: 3\./);
  });

  test('not when the line has closed meanwhile: nothing confirmed, a way to register again', async () => {
    const { slug, workshop } = await fullWorkshop(1);
    const late = await join(slug, workshop.id);
    await lapse(late);
    await runCron(worker, Date.now());
    const off = await adminSend(worker, 'PATCH', `/api/v1/admin/workshops/${workshop.id}`, {
      waitlist: false,
    });
    assert.equal(off.status, 200);
    await off.arrayBuffer();
    const request = await onlyMessage(worker, { registrationId: late, kind: 'confirm_request' });
    const res = await postConfirmation(
      worker,
      tokenOf(confirmLink(await received(worker, request))),
    );
    const page = await res.text();
    assert.ok(page.includes(`/api/v1/series/${slug}/register?lang=sk`), page);
    assert.deepEqual(await lineOrder(workshop.id), []);
    const { status } = (await worker.db
      .prepare('SELECT status FROM registrations WHERE id = ?')
      .bind(late)
      .first<{ status: string }>())!;
    assert.equal(status, 'expired');
  });
});
