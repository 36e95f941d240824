import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { confirmByToken } from '../../worker/src/services/confirm';
import { newcomerRacing } from '../support/newcomer';
import { liveSeats as liveSeatsAt } from '../support/lapsed-line';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  cancelThroughManagePage,
  createSeries,
  createWorkshop,
  HOUR,
  manageLink,
  MINUTE,
  onlyMessage,
  postConfirmation,
  postRegistration,
  received,
  register,
  registerConfirmed,
  runCron,
  settle,
  unique,
  uniqueEmail,
  validRegistration,
} from '../support/fixtures';
import { confirmTokenOf, seatStatus } from '../support/waitlist-fixtures';

/**
 * The line rule under races (README "Waiting lists"): a seat that the first confirmed person in
 * line is owed is nobody else's, and no seat is sold twice, whatever a newcomer's registration
 * meets between its read and its write — a confirmation, a cancellation, a waiting-list join, an
 * expiry by the cron. The newcomer runs the worker's own code from here against the worker's D1,
 * paused right before its write batch while the other change happens through the worker.
 */

let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

/** A newcomer's registration at `now`, paused before its write while `meanwhile` runs. */
const newcomer = (
  slug: string,
  workshopId: string,
  now: number,
  meanwhile: () => Promise<void>,
  queue = false,
) => newcomerRacing(worker, slug, workshopId, now, meanwhile, queue);

/** Joins the line (pending); returns the registration id. */
async function joinLine(slug: string, workshopId: string) {
  const res = await postRegistration(
    worker,
    slug,
    validRegistration([workshopId], {
      email: uniqueEmail('waiting'),
      waitlistWorkshopIds: [workshopId],
    }),
  );
  assert.equal(res.status, 201);
  await settle(worker);
  return ((await res.json()) as { registration: { id: string } }).registration.id;
}

/**
 * Confirms as a request that started at `now` would (from here, so the instant can be a moment
 * old), then lets a cron run at that instant deliver its mail.
 */
async function confirmAt(registrationId: string, now: number) {
  const result = await confirmByToken(
    worker.db as never,
    await confirmTokenOf(worker, registrationId),
    now,
  );
  await runCron(worker, now);
  return result?.outcome;
}

/** Confirms through the page's POST, now. */
async function confirmNow(registrationId: string) {
  const res = await postConfirmation(worker, await confirmTokenOf(worker, registrationId));
  assert.equal(res.status, 200);
  await res.arrayBuffer();
  await settle(worker);
}

const seatOf = (registrationId: string, workshopId: string) =>
  seatStatus(worker, registrationId, workshopId);

const placeOf = async (registrationId: string, workshopId: string) =>
  (
    await worker.db
      .prepare(`SELECT status FROM waitlist WHERE registration_id = ? AND workshop_id = ?`)
      .bind(registrationId, workshopId)
      .first<{ status: string }>()
  )?.status ?? null;

const liveSeats = (workshopId: string, now: number) => liveSeatsAt(worker, workshopId, now);

/** A one-seat workshop whose seat a script holds unconfirmed; its hold ends at `holdEnd`. */
async function heldByScript(holdEnd: number) {
  const slug = unique('races');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 1 });
  const script = await register(worker, slug, [workshop.id], { email: uniqueEmail('invented') });
  await worker.db
    .prepare('UPDATE registrations SET expires_at = ? WHERE id = ?')
    .bind(holdEnd, script)
    .run();
  return { slug, workshop, script };
}

describe('a newcomer racing the line', () => {
  test('…and a confirmation in line: the confirmed person is owed the seat a lapsed hold frees', async () => {
    const t = Date.now();
    const { slug, workshop, script } = await heldByScript(t + 2 * MINUTE);
    const waiting = await joinLine(slug, workshop.id);
    // The newcomer's request starts after the script's hold ran out (seat free, nobody confirmed
    // in line yet); the confirmation started a moment earlier, within the hold, and commits
    // while the newcomer is between its read and its write.
    const result = await newcomer(slug, workshop.id, t + 3 * MINUTE, async () => {
      assert.equal(await confirmAt(waiting, t), 'confirmed');
    });
    assert.equal(result.refused, 'workshop_full', 'the newcomer does not jump the line');
    await runCron(worker, t + 4 * MINUTE);
    assert.equal(await seatOf(script, workshop.id), 'released');
    assert.equal(await seatOf(waiting, workshop.id), 'held', 'the first in line has the seat');
    assert.equal(await liveSeats(workshop.id, t + 4 * MINUTE), 1);
  });

  test('…and a cancellation: the freed seat goes to the first in line, the newcomer queues behind', async () => {
    const slug = unique('races');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 1 });
    const holder = await registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail() });
    const waiting = await joinLine(slug, workshop.id);
    await confirmNow(waiting);
    const result = await newcomer(
      slug,
      workshop.id,
      Date.now(),
      async () => {
        const confirmed = await onlyMessage(worker, { registrationId: holder, kind: 'confirmed' });
        const res = await cancelThroughManagePage(
          worker,
          manageLink(await received(worker, confirmed)),
          'all',
        );
        assert.equal(res.status, 200);
        await res.arrayBuffer();
      },
      true,
    );
    assert.equal(await seatOf(waiting, workshop.id), 'held');
    assert.deepEqual(result.registration?.waitlist, [{ workshopId: workshop.id, place: 1 }]);
    assert.equal(await seatOf(result.registration!.id, workshop.id), null);
    assert.equal(await liveSeats(workshop.id, Date.now()), 1);
  });

  test('…and a waiting-list join: places in the order of the writes, each told its own', async () => {
    const slug = unique('races');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 1 });
    const holder = await registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail() });
    let other = '';
    const result = await newcomer(
      slug,
      workshop.id,
      Date.now(),
      async () => {
        other = await joinLine(slug, workshop.id);
        await confirmNow(other);
      },
      true,
    );
    const mine = result.registration!;
    assert.deepEqual(mine.waitlist, [{ workshopId: workshop.id, place: 2 }]);
    await settle(worker);
    await confirmNow(mine.id);
    // The holder lets go: the one who joined first moves in, the newcomer stays in line.
    const confirmed = await onlyMessage(worker, { registrationId: holder, kind: 'confirmed' });
    const res = await cancelThroughManagePage(
      worker,
      manageLink(await received(worker, confirmed)),
      'all',
    );
    await res.arrayBuffer();
    assert.equal(await seatOf(other, workshop.id), 'held');
    assert.equal(await placeOf(mine.id, workshop.id), 'waiting');
    assert.equal(await liveSeats(workshop.id, Date.now()), 1);
  });

  test('…and the cron expiring a hold: the seat reaches the first in line, not the newcomer', async () => {
    const t = Date.now();
    const { slug, workshop, script } = await heldByScript(t + 2 * MINUTE);
    const waiting = await joinLine(slug, workshop.id);
    await confirmNow(waiting);
    // The newcomer saw the seat held (its request started within the hold); the cron lets the
    // hold go and moves the first in line in, between the newcomer's read and write.
    const result = await newcomer(
      slug,
      workshop.id,
      t + MINUTE,
      () => runCron(worker, t + 3 * MINUTE),
      true,
    );
    assert.equal(await seatOf(script, workshop.id), 'released');
    assert.equal(await seatOf(waiting, workshop.id), 'held');
    assert.equal(await placeOf(result.registration!.id, workshop.id), 'waiting');
    assert.equal(await liveSeats(workshop.id, t + 3 * MINUTE), 1);
  });

  test('…and the same newcomer seeing the lapsed seat free: refused while someone confirmed waits', async () => {
    const t = Date.now();
    const { slug, workshop, script } = await heldByScript(t + HOUR);
    const waiting = await joinLine(slug, workshop.id);
    await worker.db
      .prepare('UPDATE registrations SET expires_at = ? WHERE id = ?')
      .bind(t - MINUTE, script)
      .run();
    // Confirmed with an instant inside the script's hold, so the confirmation moved nobody in.
    assert.equal(await confirmAt(waiting, t - 2 * MINUTE), 'confirmed');
    assert.equal(await seatOf(waiting, workshop.id), null);
    const res = await postRegistration(
      worker,
      slug,
      validRegistration([workshop.id], { email: uniqueEmail('newcomer') }),
    );
    assert.equal(res.status, 409);
    await res.arrayBuffer();
    await runCron(worker, t + HOUR / 4);
    assert.equal(await seatOf(waiting, workshop.id), 'held');
  });
});
