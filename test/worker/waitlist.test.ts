import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HOLD_MS } from '../../worker/src/domain/holds';
import { adminGet, adminSend } from '../support/admin';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  createSeries,
  createWorkshop,
  expectError,
  heldSeats,
  HOUR,
  manageLink,
  MINUTE,
  onlyMessage,
  outbox,
  postRegistration,
  publicWorkshop,
  received,
  register,
  registrationStatus,
  runCron,
  settle,
  unique,
  uniqueEmail,
  validRegistration,
} from '../support/fixtures';
import {
  cancelAllByLink,
  confirmByLink,
  fullWorkshop as fullWorkshopOf,
  seatStatus,
} from '../support/waitlist-fixtures';

let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

interface Receipt {
  registration: {
    id: string;
    workshopIds: string[];
    waitlist: { workshopId: string; place: number }[];
  };
}

interface Line {
  waitlist: {
    registrationId: string;
    state: string;
    place: number | null;
    registrationStatus: string;
  }[];
}

/** A series with one workshop of `capacity` seats starting in `startsInHours`, all taken. */
const fullWorkshop = (capacity: number, startsInHours = 72, extra: Record<string, unknown> = {}) =>
  fullWorkshopOf(worker, capacity, { startsInHours, ...extra });

/** Joins a workshop's line (201 expected); returns the receipt. */
async function join(slug: string, workshopIds: string[], lineIds: string[], overrides = {}) {
  const res = await postRegistration(
    worker,
    slug,
    validRegistration(workshopIds, {
      email: uniqueEmail('waiting'),
      waitlistWorkshopIds: lineIds,
      ...overrides,
    }),
  );
  const text = await res.text();
  assert.equal(res.status, 201, text);
  await settle(worker);
  return JSON.parse(text) as Receipt;
}

/** Confirms a registration through the link in its confirmation request. */
const confirm = (id: string) => confirmByLink(worker, id);

/** Joins the line and confirms; returns the registration id. */
async function joinConfirmed(slug: string, workshopId: string, overrides = {}) {
  const { registration } = await join(slug, [workshopId], [workshopId], overrides);
  await confirm(registration.id);
  return registration.id;
}

const cancelAll = (registrationId: string) => cancelAllByLink(worker, registrationId);

const line = (workshopId: string) =>
  adminGet<Line>(worker, `/api/v1/admin/workshops/${workshopId}/waitlist`);

const seatOf = (registrationId: string, workshopId: string) =>
  seatStatus(worker, registrationId, workshopId);

describe('joining a waiting list', () => {
  test('one request: a seat where open, a place in line where full, told which in both languages', async () => {
    const { slug, workshop: full } = await fullWorkshop(1);
    const open = await createWorkshop(worker, slug, { startsInHours: 96, capacity: 5 });
    assert.equal((await publicWorkshop(worker, slug, full.id)).waitlistOpen, true);
    assert.equal((await publicWorkshop(worker, slug, open.id)).waitlistOpen, false);

    const sk = await join(slug, [open.id, full.id], [full.id]);
    assert.deepEqual(sk.registration.waitlist, [{ workshopId: full.id, place: 1 }]);
    const en = await join(slug, [full.id], [full.id], { locale: 'en' });
    assert.deepEqual(en.registration.waitlist, [{ workshopId: full.id, place: 2 }]);

    const skRequest = await onlyMessage(worker, {
      registrationId: sk.registration.id,
      kind: 'confirm_request',
    });
    assert.match(skRequest.text, /zozname čakateľov/);
    assert.match(skRequest.text, /poradie v\u00a0zozname čakateľov: 1\./);
    const enRequest = await onlyMessage(worker, {
      registrationId: en.registration.id,
      kind: 'confirm_request',
    });
    assert.match(enRequest.text, /place in line: 2\./);
    assert.equal(await seatOf(sk.registration.id, open.id), 'held');
    assert.equal(await seatOf(sk.registration.id, full.id), null, 'no seat where full');

    await confirm(sk.registration.id);
    const confirmed = await onlyMessage(worker, {
      registrationId: sk.registration.id,
      kind: 'confirmed',
    });
    assert.match(confirmed.text, /Ste v\u00a0zozname čakateľov/);
    assert.equal(confirmed.attachments.length, 1, 'a calendar file for the seat only');
    await confirm(en.registration.id);
    const enConfirmed = await onlyMessage(worker, {
      registrationId: en.registration.id,
      kind: 'confirmed',
    });
    assert.match(enConfirmed.text, /You are on the waiting list for:[\s\S]*place in line: 2\./);
  });

  test('a full workshop not asked for, or with its list off, refuses the whole request and stores nothing', async () => {
    const { slug, workshop: full } = await fullWorkshop(1);
    const open = await createWorkshop(worker, slug, { startsInHours: 96, capacity: 5 });
    const email = uniqueEmail('refused');
    const asked = await postRegistration(
      worker,
      slug,
      validRegistration([open.id, full.id], { email }),
    );
    await expectError(asked, 409, 'workshop_full');

    const off = await adminSend(worker, 'PATCH', `/api/v1/admin/workshops/${full.id}`, {
      waitlist: false,
    });
    assert.equal(off.status, 200);
    assert.equal(
      ((await off.json()) as { workshop: { waitlist: boolean } }).workshop.waitlist,
      false,
    );
    assert.equal((await publicWorkshop(worker, slug, full.id)).waitlistOpen, false);
    const listOff = await postRegistration(
      worker,
      slug,
      validRegistration([open.id, full.id], { email, waitlistWorkshopIds: [full.id] }),
    );
    await expectError(listOff, 409, 'workshop_full');
    assert.equal((await outbox(worker, { to: email })).length, 0);
    assert.equal(await heldSeats(worker.db, open.id), 0);

    const stray = await postRegistration(
      worker,
      slug,
      validRegistration([open.id], { email, waitlistWorkshopIds: [full.id] }),
    );
    assert.equal(stray.status, 422);
  });
});

describe('a freed seat goes to the first confirmed person in line', () => {
  test('a cancellation moves the first confirmed one in, once, skipping an unconfirmed one', async () => {
    const { slug, workshop, holders } = await fullWorkshop(1);
    const unconfirmed = (await join(slug, [workshop.id], [workshop.id])).registration.id;
    const first = await joinConfirmed(slug, workshop.id, { locale: 'en' });
    const second = await joinConfirmed(slug, workshop.id);

    await cancelAll(holders[0]!);
    assert.equal(await seatOf(first, workshop.id), 'held');
    assert.equal(await seatOf(unconfirmed, workshop.id), null);
    assert.equal(await seatOf(second, workshop.id), null);
    const promoted = await onlyMessage(worker, { registrationId: first, kind: 'promoted' });
    assert.match(promoted.subject, /^You have a seat: /);
    assert.equal(promoted.attachments.length, 1, 'with the calendar file');
    assert.match(promoted.attachments[0]!.content, /BEGIN:VEVENT/);

    const { waitlist } = await line(workshop.id);
    assert.deepEqual(
      waitlist.map((p) => [p.registrationId, p.state, p.place]),
      [
        [unconfirmed, 'waiting', null],
        [first, 'promoted', null],
        [second, 'waiting', 1],
      ],
    );
    await runCron(worker, Date.now() + MINUTE);
    assert.equal((await outbox(worker, { kind: 'promoted', workshopId: workshop.id })).length, 1);
  });

  test('concurrent joins and frees: no seat twice, nobody skipped, in join order', async () => {
    const { slug, workshop, holders } = await fullWorkshop(3);
    const joined = await Promise.all(
      Array.from({ length: 6 }, () => join(slug, [workshop.id], [workshop.id])),
    );
    const places = joined.map((r) => r.registration.waitlist[0]!.place).sort((a, b) => a - b);
    assert.deepEqual(places, [1, 2, 3, 4, 5, 6], 'each place given once');
    const order = joined
      .sort((a, b) => a.registration.waitlist[0]!.place - b.registration.waitlist[0]!.place)
      .map((r) => r.registration.id);
    for (const id of order) await confirm(id);

    await Promise.all(holders.map((id) => cancelAll(id)));
    assert.equal(await heldSeats(worker.db, workshop.id), 3, 'never over capacity');
    for (const [i, id] of order.entries()) {
      assert.equal(await seatOf(id, workshop.id), i < 3 ? 'held' : null, `place ${i + 1}`);
    }
    assert.equal((await outbox(worker, { kind: 'promoted', workshopId: workshop.id })).length, 3);

    // A raised capacity fills from the line too, in order.
    const raised = await adminSend(worker, 'PATCH', `/api/v1/admin/workshops/${workshop.id}`, {
      capacity: 5,
    });
    assert.equal(raised.status, 200);
    assert.equal(await heldSeats(worker.db, workshop.id), 5);
    assert.equal(await seatOf(order[5]!, workshop.id), null);
    assert.deepEqual(
      (await line(workshop.id)).waitlist
        .filter((p) => p.place !== null)
        .map((p) => p.registrationId),
      [order[5]],
    );
    assert.equal((await outbox(worker, { kind: 'promoted', workshopId: workshop.id })).length, 5);
  });

  test('the 2-hour bar: a seat held by a script reaches the first in line within the cron interval', async () => {
    const slug = unique('bar');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 1 });
    const script = await register(worker, slug, [workshop.id], { email: uniqueEmail('invented') });
    const person = await joinConfirmed(slug, workshop.id);
    const { created_at: heldSince } = (await worker.db
      .prepare('SELECT created_at FROM registrations WHERE id = ?')
      .bind(script)
      .first<{ created_at: number }>())!;

    await runCron(worker, heldSince + HOLD_MS - MINUTE);
    assert.equal(await seatOf(person, workshop.id), null, 'the hold still lasts');
    // The first cron run after the hold (every quarter of an hour): within 1 h 15 min, far
    // below the two-hour bar.
    await runCron(worker, heldSince + HOLD_MS + 14 * MINUTE);
    assert.equal(await registrationStatus(worker, script), 'expired');
    assert.equal(await seatOf(person, workshop.id), 'held');
    assert.equal((await outbox(worker, { registrationId: person, kind: 'promoted' })).length, 1);
  });

  test('a script re-registering the moment its hold lapses does not jump the line', async () => {
    const slug = unique('jump');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 1 });
    const script = await register(worker, slug, [workshop.id], { email: uniqueEmail('invented') });
    const person = await joinConfirmed(slug, workshop.id);
    // The script's hour runs out; the cron has not come by yet.
    await worker.db
      .prepare('UPDATE registrations SET expires_at = ? WHERE id = ?')
      .bind(Date.now() - MINUTE, script)
      .run();
    assert.equal(
      (await publicWorkshop(worker, slug, workshop.id)).seatsLeft,
      0,
      'owed to the line',
    );
    const again = await postRegistration(
      worker,
      slug,
      validRegistration([workshop.id], { email: uniqueEmail('invented') }),
    );
    await expectError(again, 409, 'workshop_full');
    await runCron(worker, Date.now());
    assert.equal(await seatOf(person, workshop.id), 'held');
  });

  test('an erasure frees the seat for the line', async () => {
    const { slug, workshop, holders } = await fullWorkshop(1);
    const waiting = await joinConfirmed(slug, workshop.id);
    assert.equal(
      (await adminSend(worker, 'DELETE', `/api/v1/admin/registrations/${holders[0]}`)).status,
      204,
    );
    assert.equal(await seatOf(waiting, workshop.id), 'held');
    assert.equal((await outbox(worker, { registrationId: waiting, kind: 'promoted' })).length, 1);
  });

  test('inside the reminder window the join link follows at once; outside it waits for the cron', async () => {
    const soon = await fullWorkshop(1, 10);
    const inside = await joinConfirmed(soon.slug, soon.workshop.id);
    await cancelAll(soon.holders[0]!);
    assert.equal((await outbox(worker, { registrationId: inside, kind: 'promoted' })).length, 1);
    assert.equal((await outbox(worker, { registrationId: inside, kind: 'reminder' })).length, 1);

    const later = await fullWorkshop(1, 72);
    const outside = await joinConfirmed(later.slug, later.workshop.id);
    await cancelAll(later.holders[0]!);
    assert.equal((await outbox(worker, { registrationId: outside, kind: 'promoted' })).length, 1);
    assert.equal((await outbox(worker, { registrationId: outside, kind: 'reminder' })).length, 0);
    const start = Date.parse(later.workshop.startsAt);
    await runCron(worker, start - 24 * HOUR + MINUTE);
    assert.equal((await outbox(worker, { registrationId: outside, kind: 'reminder' })).length, 1);
  });
});

describe('a person and their place in line', () => {
  test('sees it on the manage page and leaves; a freed seat then goes to the next', async () => {
    const { slug, workshop, holders } = await fullWorkshop(1);
    const leaving = await joinConfirmed(slug, workshop.id);
    const staying = await joinConfirmed(slug, workshop.id, { locale: 'en' });
    const confirmed = await onlyMessage(worker, { registrationId: leaving, kind: 'confirmed' });
    const page = await worker.fetch(manageLink(await received(worker, confirmed)));
    const html = await page.text();
    assert.match(html, /Ste v\u00a0zozname čakateľov[\s\S]*poradie: 1/);
    const token = html.match(
      /action="\/api\/v1\/registrations\/leave-waitlist"[\s\S]*?name="token" value="([^"]+)"/,
    )![1]!;
    const left = await worker.fetch('/api/v1/registrations/leave-waitlist', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    assert.match(await left.text(), /Zo zoznamu čakateľov sme vás vyradili/);
    const enConfirmed = await onlyMessage(worker, { registrationId: staying, kind: 'confirmed' });
    const enPage = await (
      await worker.fetch(manageLink(await received(worker, enConfirmed)))
    ).text();
    assert.match(enPage, /place in line: 1/);

    await cancelAll(holders[0]!);
    assert.equal(await seatOf(leaving, workshop.id), null);
    assert.equal(await seatOf(staying, workshop.id), 'held');
  });
});

describe('the line and the rest of the system', () => {
  test('the confirm page lists the places it confirms', async () => {
    const { slug, workshop } = await fullWorkshop(1);
    const { registration } = await join(slug, [workshop.id], [workshop.id]);
    const request = await onlyMessage(worker, {
      registrationId: registration.id,
      kind: 'confirm_request',
    });
    const link = (await received(worker, request)).text.match(/https?:\S+confirm\?token=\S+/)![0];
    const html = await (await worker.fetch(link)).text();
    assert.match(html, /Ste v\u00a0zozname čakateľov[\s\S]*poradie: 1/);
    assert.doesNotMatch(html, /leave-waitlist/, 'leaving takes the manage link');
  });

  test('cancelling the seat of a request that also queued keeps the place in line', async () => {
    const { slug, workshop: full, holders } = await fullWorkshop(1);
    const open = await createWorkshop(worker, slug, { startsInHours: 96, capacity: 5 });
    const { registration } = await join(slug, [open.id, full.id], [full.id]);
    await confirm(registration.id);
    await cancelAll(registration.id);
    assert.equal(await seatOf(registration.id, open.id), 'released');
    assert.equal(await registrationStatus(worker, registration.id), 'confirmed');
    await runCron(worker, Date.now() + MINUTE);
    await cancelAll(holders[0]!);
    assert.equal(await seatOf(registration.id, full.id), 'held', 'the place still moved in');
  });

  test('a cancelled workshop ends its line', async () => {
    const { slug, workshop } = await fullWorkshop(1);
    await joinConfirmed(slug, workshop.id);
    const res = await adminSend(worker, 'POST', `/api/v1/admin/workshops/${workshop.id}/cancel`);
    assert.equal(res.status, 200);
    assert.deepEqual(
      (await line(workshop.id)).waitlist.map((p) => p.state),
      ['removed'],
    );
  });

  test('retention keeps someone in line until their workshop is over', async () => {
    const { slug, workshop } = await fullWorkshop(1, 40 * 24);
    const waiting = await joinConfirmed(slug, workshop.id);
    await runCron(worker, Date.now() + 31 * 24 * HOUR);
    assert.equal(
      await registrationStatus(worker, waiting),
      'confirmed',
      'not deleted after 30 days',
    );
    await runCron(worker, Date.parse(workshop.endsAt) + 31 * 24 * HOUR);
    assert.equal(await registrationStatus(worker, waiting), null, 'deleted 30 days after the end');
  });
});

describe('organizers and the line', () => {
  test('remove someone, and move someone in by hand out of order (one more seat)', async () => {
    const { slug, workshop } = await fullWorkshop(1);
    const first = await joinConfirmed(slug, workshop.id);
    const second = await joinConfirmed(slug, workshop.id);
    const third = await joinConfirmed(slug, workshop.id);
    const path = `/api/v1/admin/workshops/${workshop.id}/waitlist`;

    assert.equal((await adminSend(worker, 'DELETE', `${path}/${first}`)).status, 200);
    await expectError(await adminSend(worker, 'DELETE', `${path}/${first}`), 409, 'not_waiting');
    const promoted = await adminSend(worker, 'POST', `${path}/${third}/promote`);
    assert.equal(promoted.status, 200);
    assert.deepEqual(
      ((await promoted.json()) as Line).waitlist.map((p) => [p.state, p.place]),
      [
        ['removed', null],
        ['waiting', 1],
        ['promoted', null],
      ],
    );
    assert.equal(await seatOf(third, workshop.id), 'held');
    assert.equal(await seatOf(second, workshop.id), null);
    assert.equal((await publicWorkshop(worker, slug, workshop.id)).capacity, 2);
    assert.equal((await outbox(worker, { registrationId: third, kind: 'promoted' })).length, 1);
    await expectError(
      await adminSend(worker, 'POST', `${path}/${third}/promote`),
      409,
      'not_waiting',
    );
  });
});

describe("'offer' mode", () => {
  /** The accept link in an offer, as path and form fields. */
  const offerLink = (text: string) => {
    const url = new URL(text.match(/https?:\S+\/registrations\/offer\?\S+/)![0]);
    return {
      path: `${url.pathname}${url.search}`,
      form: { token: url.searchParams.get('token')!, workshop: url.searchParams.get('workshop')! },
    };
  };
  const accept = (form: Record<string, string>) =>
    worker.fetch('/api/v1/registrations/offer', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });

  test('inside the reminder window an offered seat gets no join link until it is accepted', async () => {
    const { slug, workshop, holders } = await fullWorkshop(1, 10, {
      waitlistMode: 'offer',
      offerMinutes: 60,
    });
    const first = await joinConfirmed(slug, workshop.id, { locale: 'en' });
    await joinConfirmed(slug, workshop.id);
    await cancelAll(holders[0]!);

    assert.equal(await seatOf(first, workshop.id), 'held', 'the seat waits for them');
    assert.equal((await publicWorkshop(worker, slug, workshop.id)).seatsLeft, 0);
    const offer = await onlyMessage(worker, { registrationId: first, kind: 'offer' });
    assert.match(offer.subject, /^A seat is free: /);
    assert.equal((await outbox(worker, { registrationId: first, kind: 'promoted' })).length, 0);
    assert.deepEqual(
      (await line(workshop.id)).waitlist.map((p) => p.state),
      ['offered', 'waiting'],
    );
    await runCron(worker, Date.now() + 30 * MINUTE);
    assert.equal((await outbox(worker, { registrationId: first, kind: 'reminder' })).length, 0);

    const accepted = await accept(offerLink((await received(worker, offer)).text).form);
    assert.match(await accepted.text(), /The seat is yours/);
    await settle(worker);
    assert.equal((await outbox(worker, { registrationId: first, kind: 'promoted' })).length, 1);
    assert.equal((await outbox(worker, { registrationId: first, kind: 'reminder' })).length, 1);
  });

  test('offers run out one after another within the cron interval, in order, and an accepted one holds', async () => {
    const { slug, workshop, holders } = await fullWorkshop(1, 72, {
      waitlistMode: 'offer',
      offerMinutes: 60,
    });
    const first = await joinConfirmed(slug, workshop.id, { locale: 'en' });
    const second = await joinConfirmed(slug, workshop.id);
    const third = await joinConfirmed(slug, workshop.id);
    const freedAt = Date.now();
    await cancelAll(holders[0]!);
    assert.equal(await seatOf(first, workshop.id), 'held');

    await runCron(worker, freedAt + 45 * MINUTE);
    assert.equal(await seatOf(first, workshop.id), 'held', 'still theirs to accept');
    await runCron(worker, freedAt + 75 * MINUTE);
    assert.equal(await seatOf(first, workshop.id), 'released');
    assert.equal(await seatOf(second, workshop.id), 'held');
    const expired = offerLink(
      (await received(worker, await onlyMessage(worker, { registrationId: first, kind: 'offer' })))
        .text,
    );
    assert.match(await (await accept(expired.form)).text(), /The offer has ended/);

    const { path, form } = offerLink(
      (await received(worker, await onlyMessage(worker, { registrationId: second, kind: 'offer' })))
        .text,
    );
    const page = await worker.fetch(path);
    assert.match(await page.text(), /Prijať miesto/);
    assert.equal(await seatOf(second, workshop.id), 'held', 'opening the link changes nothing');
    assert.deepEqual(
      (await line(workshop.id)).waitlist.map((p) => p.state),
      ['offer_expired', 'offered', 'waiting'],
    );
    const accepted = await accept(form);
    assert.match(await accepted.text(), /Miesto je vaše/);
    await settle(worker);
    const promoted = await onlyMessage(worker, { registrationId: second, kind: 'promoted' });
    assert.equal(promoted.attachments.length, 1, 'the calendar file once accepted');

    await runCron(worker, freedAt + 5 * HOUR);
    assert.equal(await seatOf(second, workshop.id), 'held', 'an accepted offer does not run out');
    assert.equal(await seatOf(third, workshop.id), null);
    assert.deepEqual(
      (await line(workshop.id)).waitlist.map((p) => p.state),
      ['offer_expired', 'promoted', 'waiting'],
    );
  });

  test('concurrent frees and overlapping cron runs: each seat offered once, in order, never over capacity', async () => {
    const { slug, workshop, holders } = await fullWorkshop(2, 72, {
      waitlistMode: 'offer',
      offerMinutes: 30,
    });
    const order: string[] = [];
    for (let i = 0; i < 4; i++) order.push(await joinConfirmed(slug, workshop.id));
    const freedAt = Date.now();
    await Promise.all(holders.map((id) => cancelAll(id)));
    const overlapping = (ms: number) => Promise.all([0, 1, 2].map(() => runCron(worker, ms)));
    await overlapping(freedAt + 10 * MINUTE);
    const offered = async () =>
      (await outbox(worker, { kind: 'offer', workshopId: workshop.id })).map(
        (m) => m.registrationId,
      );
    assert.deepEqual((await offered()).sort(), order.slice(0, 2).sort());
    await overlapping(freedAt + 45 * MINUTE);
    assert.equal(await heldSeats(worker.db, workshop.id), 2, 'never over capacity');
    assert.deepEqual((await offered()).sort(), [...order].sort(), 'each offered once, in order');
    assert.deepEqual(
      (await line(workshop.id)).waitlist.map((p) => p.state),
      ['offer_expired', 'offer_expired', 'offered', 'offered'],
    );
  });
});
