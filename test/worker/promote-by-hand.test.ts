import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { confirmByToken } from '../../worker/src/services/confirm';
import { promoteOnBehalf } from '../../worker/src/services/waitlist';
import { findWorkshop } from '../../worker/src/db/workshops';
import { hasSql, pausedBefore } from '../support/interleave';
import { adminSend } from '../support/admin';
import { lapse, liveSeats, waitingWithOwnSeat } from '../support/lapsed-line';
import { sharedWorker } from '../support/shared-worker';
import type { TestWorker } from '../support/worker';
import {
  createSeries,
  createWorkshop,
  expectError,
  MINUTE,
  outbox,
  postConfirmation,
  register,
  registrationStatus,
  runCron,
  settle,
  unique,
  uniqueEmail,
} from '../support/fixtures';
import {
  capacityOf,
  confirmByLink,
  confirmTokenOf,
  promotePath,
  seatStatus,
} from '../support/waitlist-fixtures';

/**
 * An organizer moving someone in from the line by hand raises the capacity by one only when the
 * workshop is full as the seat guard counts it (db/seat-rule.ts): a hold that lapsed, not yet
 * expired by the cron, takes no seat. And what happens when that hold's owner confirms at the
 * same moment: whichever lands first decides, and no workshop ever holds more live seats than it
 * has.
 */
const shared = sharedWorker();

/**
 * A one-seat workshop whose seat an unconfirmed registration (`slow`) held; its hold lapsed a
 * minute ago and the cron has not come by. A confirmed person (`waiting`) is in its line.
 */
async function lapsedSeatAndLine(worker: TestWorker) {
  const slug = unique('by-hand');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 1 });
  const slow = await register(worker, slug, [workshop.id], { email: uniqueEmail('slow') });
  const waiting = await register(worker, slug, [workshop.id], {
    email: uniqueEmail('waiting'),
    waitlistWorkshopIds: [workshop.id],
  });
  await confirmByLink(worker, waiting);
  const lapsedAt = Date.now() - MINUTE;
  await lapse(worker, slow, lapsedAt);
  assert.equal(await seatStatus(worker, slow, workshop.id), 'held', 'not expired yet');
  assert.equal(await seatStatus(worker, waiting, workshop.id), null, 'still in line');
  return { slug, workshop, slow, waiting, lapsedAt };
}

describe('moving someone in by hand past a lapsed hold', () => {
  test('the lapsed seat is theirs: the capacity stays, and the late confirmation is told it went', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, slow, waiting } = await lapsedSeatAndLine(worker);
    const res = await adminSend(worker, 'POST', promotePath(workshop.id, waiting));
    assert.equal(res.status, 200, await res.text());
    assert.equal(await capacityOf(worker, workshop.id), 1, 'no seat added: one was free');
    assert.equal(await seatStatus(worker, waiting, workshop.id), 'held');
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 1);
    await settle(worker);
    assert.equal((await outbox(worker, { registrationId: waiting, kind: 'promoted' })).length, 1);

    const late = await confirmByToken(
      worker.db as never,
      await confirmTokenOf(worker, slow),
      Date.now(),
    );
    assert.equal(late?.outcome, 'lapsed_full');
    assert.equal(await registrationStatus(worker, slow), 'expired');
    await runCron(worker, Date.now());
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 1);
    assert.equal(await capacityOf(worker, workshop.id), 1);
  });

  test('someone ahead is owed the lapsed seat: it stays theirs, and the capacity goes up', async (t) => {
    const worker = await shared.fresh(t);
    const slug = unique('by-hand');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 1 });
    const slow = await register(worker, slug, [workshop.id], { email: uniqueEmail('slow') });
    const line: string[] = [];
    for (const name of ['first', 'second']) {
      const id = await register(worker, slug, [workshop.id], {
        email: uniqueEmail(name),
        waitlistWorkshopIds: [workshop.id],
      });
      await confirmByLink(worker, id);
      line.push(id);
    }
    await lapse(worker, slow, Date.now() - MINUTE);
    const [ahead, movedIn] = line as [string, string];
    assert.equal(await seatStatus(worker, ahead, workshop.id), null, 'in line, owed the seat');

    const res = await adminSend(worker, 'POST', promotePath(workshop.id, movedIn));
    assert.equal(res.status, 200, await res.text());
    assert.equal(await capacityOf(worker, workshop.id), 2, 'a seat added for the one moved in');
    assert.equal(await seatStatus(worker, movedIn, workshop.id), 'held');
    // The lapsed seat stays the first in line's: the cron expires the hold and moves them in.
    await runCron(worker, Date.now());
    assert.equal(await seatStatus(worker, ahead, workshop.id), 'held', 'the line moved');
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 2);
    assert.equal(await capacityOf(worker, workshop.id), 2);
  });

  test('a live hold still counts: the workshop full with it gets one more seat', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, slow, waiting } = await lapsedSeatAndLine(worker);
    await lapse(worker, slow, Date.now() + 30 * MINUTE);
    assert.equal((await adminSend(worker, 'POST', promotePath(workshop.id, waiting))).status, 200);
    assert.equal(await capacityOf(worker, workshop.id), 2);
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 2);
  });
});

describe("moving someone in by hand meets the lapsed hold's owner confirming", () => {
  test('a confirmation from within the hold lands first: it counts, so the capacity goes up by one', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, slow, waiting, lapsedAt } = await lapsedSeatAndLine(worker);
    const token = await confirmTokenOf(worker, slow);
    // The organizer's promotion, paused right before its batch while the owner's confirmation
    // (its request's instant inside the hold) is written.
    const db = pausedBefore(worker.db, hasSql("SET status = 'promoted'"), async () => {
      const confirmed = await confirmByToken(worker.db as never, token, lapsedAt - MINUTE);
      assert.equal(confirmed?.outcome, 'confirmed');
    });
    const current = (await findWorkshop(worker.db as never, workshop.id))!;
    await promoteOnBehalf(db as never, current, waiting, 'organizer@example.gov.sk', Date.now());
    assert.ok(db.paused(), 'the confirmation came between the read and the batch');
    assert.equal(await capacityOf(worker, workshop.id), 2);
    assert.equal(await seatStatus(worker, slow, workshop.id), 'held');
    assert.equal(await seatStatus(worker, waiting, workshop.id), 'held');
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 2);
  });

  test('the promotion lands first: the confirmation from within the hold confirms nothing', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, slow, waiting, lapsedAt } = await lapsedSeatAndLine(worker);
    const token = await confirmTokenOf(worker, slow);
    const db = pausedBefore(worker.db, hasSql(`SET status = 'confirmed'`), async () => {
      const res = await adminSend(worker, 'POST', promotePath(workshop.id, waiting));
      assert.equal(res.status, 200, await res.text());
    });
    const result = await confirmByToken(db as never, token, lapsedAt - MINUTE);
    assert.ok(db.paused(), 'the promotion came between the read and the write');
    assert.notEqual(result?.outcome, 'confirmed');
    assert.notEqual(await registrationStatus(worker, slow), 'confirmed');
    assert.equal(await capacityOf(worker, workshop.id), 1);
    assert.equal(await seatStatus(worker, waiting, workshop.id), 'held');
    await runCron(worker, Date.now());
    assert.equal(await liveSeats(worker, workshop.id, lapsedAt - MINUTE), 1, 'never oversold');
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 1);
    assert.equal(
      (await outbox(worker, { registrationId: slow, kind: 'confirmed' })).length,
      0,
      'no confirmation mail for a seat that went',
    );
  });

  test('both at once through the worker, three times: one seat, never more, and the person in line has it', async (t) => {
    const worker = await shared.fresh(t);
    for (let round = 0; round < 3; round++) {
      const { workshop, slow, waiting } = await lapsedSeatAndLine(worker);
      const token = await confirmTokenOf(worker, slow);
      const [promote, confirm] = await Promise.all([
        adminSend(worker, 'POST', promotePath(workshop.id, waiting)),
        postConfirmation(worker, token),
      ]);
      const promoteText = await promote.text();
      await confirm.arrayBuffer();
      assert.equal(confirm.status, 200);
      // The late confirmation expires the hold and its seat goes to the line at once; if that came
      // first, the person is no longer waiting (409), otherwise they were moved in by hand (200).
      assert.ok([200, 409].includes(promote.status), `${promote.status} ${promoteText}`);
      await settle(worker);
      assert.equal(await registrationStatus(worker, slow), 'expired');
      assert.equal(await seatStatus(worker, waiting, workshop.id), 'held');
      assert.equal(await capacityOf(worker, workshop.id), 1, `round ${round}: no seat added`);
      assert.equal(await liveSeats(worker, workshop.id, Date.now()), 1);
    }
  });
});

describe('moving in by hand someone whose address already holds a seat there', () => {
  test('through another registration within its hold: 409 already_seated, nothing changed', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, person } = await waitingWithOwnSeat(worker, 1);
    const path = promotePath(workshop.id, person.waiting);
    await expectError(await adminSend(worker, 'POST', path), 409, 'already_seated');
    assert.equal(await capacityOf(worker, workshop.id), 1);
    assert.equal(await seatStatus(worker, person.waiting, workshop.id), null);
    assert.equal(await registrationStatus(worker, person.pending), 'pending');
    const audit = await worker.db
      .prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'waitlist.promote'`)
      .first<{ n: number }>();
    assert.equal(audit!.n, 0);
    // A hold that runs out unconfirmed is no seat: test/worker/promote-own-lapsed-hold.test.ts.
  });
});

describe('moving someone in by hand meets the cron expiring the lapsed hold', () => {
  /** The service as the route runs it, paused before its batch while the cron runs. */
  async function promoteAcrossCron(worker: TestWorker, workshopId: string, registrationId: string) {
    const db = pausedBefore(worker.db, hasSql("SET status = 'promoted'"), () =>
      runCron(worker, Date.now()),
    );
    const current = (await findWorkshop(worker.db as never, workshopId))!;
    const promoting = promoteOnBehalf(
      db as never,
      current,
      registrationId,
      'organizer',
      Date.now(),
    );
    return { db, promoting };
  }

  test('the person is first in line: the cron moves them in, the promotion finds them seated (409), no seat added', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, waiting } = await lapsedSeatAndLine(worker);
    const { db, promoting } = await promoteAcrossCron(worker, workshop.id, waiting);
    await assert.rejects(
      promoting,
      (e: unknown) => (e as { code?: string }).code === 'not_waiting',
    );
    assert.ok(db.paused());
    assert.equal(await seatStatus(worker, waiting, workshop.id), 'held');
    assert.equal(await capacityOf(worker, workshop.id), 1);
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 1);
  });

  test('someone else is first: the cron gives them the freed seat, the promotion then adds one', async (t) => {
    const worker = await shared.fresh(t);
    const { slug, workshop, waiting: first } = await lapsedSeatAndLine(worker);
    const second = await register(worker, slug, [workshop.id], {
      email: uniqueEmail('second'),
      waitlistWorkshopIds: [workshop.id],
    });
    await confirmByLink(worker, second);
    const { promoting } = await promoteAcrossCron(worker, workshop.id, second);
    await promoting;
    assert.equal(await seatStatus(worker, first, workshop.id), 'held', 'the line moved first');
    assert.equal(await seatStatus(worker, second, workshop.id), 'held', 'moved in by hand');
    assert.equal(await capacityOf(worker, workshop.id), 2);
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 2);
  });
});
