import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import {
  whyNoLongerTrue,
  type CurrentFacts,
  type MessageToCheck,
  type SeatNow,
} from '../../worker/src/domain/mail-checks';
import { asAdmin, json } from '../support/worker';
import {
  adminMessages,
  adminWorkshopPath,
  cancelThroughManagePage,
  confirmLink,
  confirmThroughPage,
  createSeries,
  createWorkshop,
  fakeMailProvider,
  fromNow,
  HOUR,
  HTTP_MAIL,
  manageLink,
  onlyMessage,
  outbox,
  received,
  register,
  registerConfirmed,
  runCron,
  settle,
  unique,
  uniqueEmail,
} from '../support/fixtures';
import { sharedWorker } from '../support/shared-worker';

describe('whyNoLongerTrue: is a message still true?', () => {
  const NOW = Date.parse('2026-12-01T10:00:00Z');
  const seat = (over: Partial<SeatNow> = {}): SeatNow => ({
    held: true,
    workshopCancelled: false,
    sequence: 1,
    startsAt: NOW + 20 * HOUR,
    endsAt: NOW + 22 * HOUR,
    ...over,
  });
  const message = (over: Partial<MessageToCheck> = {}): MessageToCheck => ({
    kind: 'reminder',
    workshopId: 'w1',
    startsAt: NOW + 20 * HOUR,
    workshopSequences: { w1: 1 },
    ...over,
  });
  const facts = (
    status: string,
    seats: Record<string, SeatNow> = { w1: seat() },
  ): CurrentFacts => ({
    registration: { status, canStillConfirm: status === 'pending' },
    seats: new Map(Object.entries(seats)),
  });

  test('a reminder for a confirmed seat, as written, is true', () => {
    assert.equal(whyNoLongerTrue(message(), facts('confirmed'), NOW), null);
  });

  test('a reminder is dropped when anything it says has changed', () => {
    const cases: [string, CurrentFacts, ReturnType<typeof whyNoLongerTrue>][] = [
      ['erased', { registration: null, seats: new Map() }, 'registration_erased'],
      ['cancelled', facts('cancelled'), 'registration_cancelled'],
      ['seat released', facts('confirmed', { w1: seat({ held: false }) }), 'seat_released'],
      ['no such seat', facts('confirmed', {}), 'seat_released'],
      [
        'workshop cancelled',
        facts('confirmed', { w1: seat({ held: false, workshopCancelled: true }) }),
        'workshop_cancelled',
      ],
      ['link changed', facts('confirmed', { w1: seat({ sequence: 2 }) }), 'workshop_changed'],
      [
        'moved',
        facts('confirmed', { w1: seat({ startsAt: NOW + 40 * HOUR, endsAt: NOW + 42 * HOUR }) }),
        'workshop_changed',
      ],
      [
        'over',
        facts('confirmed', { w1: seat({ startsAt: NOW - 3 * HOUR, endsAt: NOW - HOUR }) }),
        'workshop_over',
      ],
    ];
    for (const [what, current, reason] of cases) {
      const written = what === 'over' ? message({ startsAt: NOW - 3 * HOUR }) : message();
      assert.equal(whyNoLongerTrue(written, current, NOW), reason, what);
    }
  });

  test('a confirmation is checked on every workshop it names', () => {
    const confirmed = message({
      kind: 'confirmed',
      workshopId: null,
      startsAt: null,
      workshopSequences: { w1: 1, w2: 4 },
    });
    const both = { w1: seat(), w2: seat({ sequence: 4 }) };
    assert.equal(whyNoLongerTrue(confirmed, facts('confirmed', both), NOW), null);
    assert.equal(whyNoLongerTrue(confirmed, facts('pending', both), NOW), 'not_confirmed');
    assert.equal(
      whyNoLongerTrue(confirmed, facts('confirmed', { ...both, w2: seat({ sequence: 5 }) }), NOW),
      'workshop_changed',
    );
  });

  test('a confirmation request goes while the registration can still be confirmed', () => {
    const request = message({ kind: 'confirm_request', workshopId: null, startsAt: null });
    assert.equal(whyNoLongerTrue(request, facts('pending'), NOW), null);
    assert.equal(whyNoLongerTrue(request, facts('confirmed'), NOW), 'already_confirmed');
    assert.equal(whyNoLongerTrue(request, facts('cancelled'), NOW), 'registration_cancelled');
    assert.equal(whyNoLongerTrue(request, facts('expired'), NOW), 'confirm_link_expired');
  });

  test('a cancellation notice stays true, unless the person was erased', () => {
    for (const kind of ['cancelled', 'workshop_cancelled'] as const) {
      assert.equal(whyNoLongerTrue(message({ kind }), facts('cancelled'), NOW), null);
      assert.equal(
        whyNoLongerTrue(message({ kind }), { registration: null, seats: new Map() }, NOW),
        'registration_erased',
      );
    }
  });
});

/** One worker with the HTTP transport for every test below, each with a fake provider of its own. */
const httpMail = sharedWorker(HTTP_MAIL, { outbound: true });

/** A worker with the HTTP transport, a fake provider, and a confirmed person in two workshops. */
async function setup(t: TestContext) {
  const provider = fakeMailProvider();
  const worker = await httpMail.fresh(t, { outbound: provider.outbound });
  const slug = unique('series');
  await createSeries(worker, slug);
  const first = await createWorkshop(worker, slug, { startsInHours: 72 });
  const second = await createWorkshop(worker, slug, { startsInHours: 96 });
  const email = uniqueEmail();
  const id = await registerConfirmed(worker, slug, [first.id, second.id], { email });
  const confirmed = await onlyMessage(worker, { registrationId: id, kind: 'confirmed' });
  const manage = manageLink(await received(worker, confirmed));
  return { provider, worker, slug, first, second, id, manage, start: Date.parse(first.startsAt) };
}

const retry = async (worker: Awaited<ReturnType<typeof setup>>['worker'], slug: string) => {
  const res = await worker.fetch(
    `/api/v1/admin/series/${slug}/messages/retry`,
    asAdmin({ method: 'POST' }),
  );
  assert.equal(res.status, 200);
  return (await res.json()) as { requeued: number; dropped: number };
};

describe('a retry sends only what is still true', () => {
  test('a failed join-link reminder of someone who has since cancelled is dropped, not sent', async (t) => {
    const { provider, worker, slug, first, id, manage, start } = await setup(t);
    provider.answer = () => 422;
    await runCron(worker, start - 23 * HOUR);
    const reminder = await onlyMessage(worker, { registrationId: id, kind: 'reminder' });
    assert.equal(reminder.status, 'failed');

    provider.answer = () => 200;
    assert.equal((await cancelThroughManagePage(worker, manage, 'all')).status, 200);
    await settle(worker);
    assert.deepEqual(await retry(worker, slug), { requeued: 0, dropped: 1 });
    await settle(worker);

    const dropped = await onlyMessage(worker, { registrationId: id, kind: 'reminder' });
    assert.equal(dropped.status, 'dropped');
    assert.equal(dropped.dropReason, 'registration_cancelled');
    assert.equal(dropped.text, '', 'its bodies (with the join link) are gone');
    for (const call of provider.accepted()) {
      assert.ok(!JSON.stringify(call.body).includes(first.joinUrl), 'the join link never went out');
    }
    const listed = (await adminMessages(worker, slug)).find((m) => m.id === reminder.id);
    assert.equal(listed?.status, 'dropped');
    assert.equal(listed?.dropReason, 'registration_cancelled');
  });

  test('a failed reminder for a seat given up (the other kept) is dropped: seat_released', async (t) => {
    const { provider, worker, slug, first, id, manage, start } = await setup(t);
    provider.answer = () => 422;
    await runCron(worker, start - 23 * HOUR);
    provider.answer = () => 200;
    const res = await cancelThroughManagePage(worker, manage, { workshopIds: [first.id] });
    assert.equal(res.status, 200);
    await settle(worker);
    assert.deepEqual(await retry(worker, slug), { requeued: 0, dropped: 1 });
    const reminder = await onlyMessage(worker, { registrationId: id, kind: 'reminder' });
    assert.equal(reminder.dropReason, 'seat_released');
    for (const call of provider.accepted()) {
      assert.ok(!JSON.stringify(call.body).includes(first.joinUrl), 'the join link never went out');
    }
  });

  test('a failed message that is still true goes back to the queue and out', async (t) => {
    const { provider, worker, slug, id, start } = await setup(t);
    provider.answer = () => 422;
    await runCron(worker, start - 23 * HOUR);
    provider.answer = () => 200;
    assert.deepEqual(await retry(worker, slug), { requeued: 1, dropped: 0 });
    await settle(worker);
    assert.equal(
      (await onlyMessage(worker, { registrationId: id, kind: 'reminder' })).status,
      'sent',
    );
  });
});

describe('before a message is sent it is checked against the state', () => {
  test('a confirmation still waiting when the workshop moves is dropped; the change notice goes', async (t) => {
    const provider = fakeMailProvider();
    const worker = await httpMail.fresh(t, { outbound: provider.outbound });
    const slug = unique('series');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72 });
    const id = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
    const request = await onlyMessage(worker, { registrationId: id, kind: 'confirm_request' });
    // The provider goes down before the confirmation mail can leave.
    provider.answer = () => 503;
    const confirmedPage = await confirmThroughPage(
      worker,
      confirmLink(await received(worker, request)),
    );
    assert.equal(confirmedPage.status, 200);
    await settle(worker);
    const waiting = await onlyMessage(worker, { registrationId: id, kind: 'confirmed' });
    assert.equal(waiting.status, 'queued');

    const moved = await worker.fetch(
      adminWorkshopPath(workshop.id),
      asAdmin(json('PATCH', { startsAt: fromNow(80 * HOUR), endsAt: fromNow(82 * HOUR) })),
    );
    assert.equal(moved.status, 200);
    await settle(worker);
    provider.answer = () => 200;
    await runCron(worker, Date.now() + 2 * HOUR);

    const confirmed = await onlyMessage(worker, { registrationId: id, kind: 'confirmed' });
    assert.equal(confirmed.status, 'dropped');
    assert.equal(confirmed.dropReason, 'workshop_changed');
    assert.ok(!provider.accepted().some((c) => c.idempotencyKey === confirmed.id), 'not sent');
    const changed = await onlyMessage(worker, { registrationId: id, kind: 'workshop_changed' });
    assert.equal(changed.status, 'sent');
    assert.match(worker.logs(), /"event":"mail_dropped"[^\n]*"reason":"workshop_changed"/);
  });

  test('a failed reminder whose join link changes is replaced, and the old link never goes out', async (t) => {
    const { provider, worker, slug, first, id, start } = await setup(t);
    provider.answer = () => 422;
    await runCron(worker, start - 23 * HOUR);
    assert.equal(
      (await onlyMessage(worker, { registrationId: id, kind: 'reminder' })).status,
      'failed',
    );

    provider.answer = () => 200;
    const joinUrl = `https://meet.example.gov.sk/${unique('new-room')}`;
    const res = await worker.fetch(
      adminWorkshopPath(first.id),
      asAdmin(json('PATCH', { joinUrl })),
    );
    assert.equal(res.status, 200);
    await settle(worker);
    await retry(worker, slug);
    await runCron(worker, start - 22 * HOUR);
    const [reminder, ...others] = await outbox(worker, { registrationId: id, kind: 'reminder' });
    assert.deepEqual(others, []);
    assert.equal(reminder!.status, 'sent');
    const sent = provider.accepted().find((c) => c.idempotencyKey === reminder!.id);
    assert.ok(sent && JSON.stringify(sent.body).includes(joinUrl), 'the new link');
    for (const call of provider.accepted()) {
      assert.ok(!JSON.stringify(call.body).includes(first.joinUrl), 'never the old link');
    }
  });
});
