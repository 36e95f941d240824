import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { confirmByToken } from '../../worker/src/services/confirm';
import { promoteOnBehalf } from '../../worker/src/services/waitlist';
import { findWorkshop } from '../../worker/src/db/workshops';
import { adminSend } from '../support/admin';
import { hasSql, pausedBefore } from '../support/interleave';
import { lapse, liveSeats, waitingWithOwnSeat } from '../support/lapsed-line';
import { sharedWorker } from '../support/shared-worker';
import type { TestWorker } from '../support/worker';
import {
  cancelAllByLink,
  capacityOf,
  confirmByLink,
  confirmTokenOf,
  fullWorkshop,
  promotePath,
  seatStatus,
} from '../support/waitlist-fixtures';
import {
  adminWorkshopPath,
  MINUTE,
  outbox,
  postConfirmation,
  register,
  registrationStatus,
  runCron,
  settle,
  uniqueEmail,
} from '../support/fixtures';

/**
 * An organizer moves in by hand someone whose own address holds the workshop's seat through
 * another, unconfirmed registration whose hold has run out (the cron has not expired it yet). That
 * hold is no seat (db/seat-rule.ts): it expires in the promotion's own batch, exactly as the cron
 * would expire it, and the person is moved in — no "already seated" that is not true. Whether it
 * ran out is judged when the batch runs. Then the races: its owner confirming late, the cron, and
 * a confirmation from within the hold.
 */
const shared = sharedWorker();

const promotions = async (worker: TestWorker) =>
  (await worker.db
    .prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'waitlist.promote'`)
    .first<{ n: number }>())!.n;

/** A one-seat workshop: the person waits in line, their own other registration's hold ran out. */
async function ownLapsedHold(worker: TestWorker) {
  const { slug, workshop, person } = await waitingWithOwnSeat(worker, 1);
  const lapsedAt = Date.now() - MINUTE;
  await lapse(worker, person.pending, lapsedAt);
  assert.equal(await seatStatus(worker, person.pending, workshop.id), 'held', 'not expired yet');
  return { slug, workshop, waiting: person.waiting, pending: person.pending, lapsedAt };
}

/**
 * A one-seat workshop with two confirmed places in its line (`ahead`, then the person's,
 * `waiting`), both behind the seat the person's own address holds unconfirmed (`pending`), whose
 * hold has not run out yet. The way there: both places unconfirmed, a holder cancels (nobody moves
 * in), the person's address takes the seat with a new registration, then both places are confirmed.
 */
async function aheadThenOwnHold(worker: TestWorker) {
  const { slug, workshop, holders } = await fullWorkshop(worker, 1);
  const email = uniqueEmail('both');
  const ahead = await register(worker, slug, [workshop.id], {
    email: uniqueEmail('ahead'),
    waitlistWorkshopIds: [workshop.id],
  });
  const waiting = await register(worker, slug, [workshop.id], {
    email,
    waitlistWorkshopIds: [workshop.id],
  });
  await cancelAllByLink(worker, holders[0]!);
  const pending = await register(worker, slug, [workshop.id], { email });
  await confirmByLink(worker, ahead);
  await confirmByLink(worker, waiting);
  return { workshop, ahead, waiting, pending };
}

describe("moving someone in by hand past their own address's lapsed hold", () => {
  test('the hold expires in the same batch and they are moved in: 200, no seat added, one audit entry, one mail', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, waiting, pending } = await ownLapsedHold(worker);
    const res = await adminSend(worker, 'POST', promotePath(workshop.id, waiting));
    assert.equal(res.status, 200, await res.text());
    assert.equal(await registrationStatus(worker, pending), 'expired', 'as the cron would');
    assert.equal(await seatStatus(worker, pending, workshop.id), 'released');
    assert.equal(await seatStatus(worker, waiting, workshop.id), 'held');
    assert.equal(await capacityOf(worker, workshop.id), 1, 'the lapsed seat counted for nobody');
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 1);
    assert.equal(await promotions(worker), 1);
    await settle(worker);
    assert.equal((await outbox(worker, { registrationId: waiting, kind: 'promoted' })).length, 1);
    await runCron(worker, Date.now());
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 1, 'the cron changes nothing');
  });

  test('someone ahead in line was owed that seat: they get it in the same batch, and a seat is added for the one moved in', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, ahead, waiting, pending } = await aheadThenOwnHold(worker);
    assert.equal(await seatStatus(worker, ahead, workshop.id), null, 'waits behind the live hold');
    await lapse(worker, pending, Date.now() - MINUTE);

    const res = await adminSend(worker, 'POST', promotePath(workshop.id, waiting));
    assert.equal(res.status, 200, await res.text());
    assert.equal(await seatStatus(worker, waiting, workshop.id), 'held');
    assert.equal(await seatStatus(worker, ahead, workshop.id), 'held', 'the line moved at once');
    assert.equal(await capacityOf(worker, workshop.id), 2);
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 2);
    await settle(worker);
    assert.equal((await outbox(worker, { registrationId: ahead, kind: 'promoted' })).length, 1);
  });
});

describe('a refused promotion past their own lapsed hold', () => {
  test('someone taken out of line: 409 not_waiting, but whoever the line moved in is told at once', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, ahead, waiting, pending } = await aheadThenOwnHold(worker);
    await lapse(worker, pending, Date.now() - MINUTE);
    // Taken out of line (from another tab, say) before the organizer's click lands.
    const out = await adminSend(
      worker,
      'DELETE',
      `${adminWorkshopPath(workshop.id)}/waitlist/${waiting}`,
    );
    assert.equal(out.status, 200, await out.text());

    const res = await adminSend(worker, 'POST', promotePath(workshop.id, waiting));
    assert.equal(res.status, 409);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'not_waiting');
    assert.equal(await seatStatus(worker, waiting, workshop.id), null, 'not moved in');
    assert.equal(await promotions(worker), 0);
    // The lapsed hold expired in that batch, as the cron would have it, and the line moved.
    assert.equal(await registrationStatus(worker, pending), 'expired');
    assert.equal(await seatStatus(worker, ahead, workshop.id), 'held');
    await settle(worker);
    assert.equal(
      (await outbox(worker, { registrationId: ahead, kind: 'promoted' })).length,
      1,
      'told now, not at the next cron run',
    );
  });
});

describe("moving someone in by hand past their own lapsed hold meets that hold's owner confirming", () => {
  test('the promotion lands first: the late confirmation is told the address has the seat, confirms nothing', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, waiting, pending } = await ownLapsedHold(worker);
    const token = await confirmTokenOf(worker, pending);
    const db = pausedBefore(worker.db, hasSql("SET status = 'expired'"), async () => {
      const res = await adminSend(worker, 'POST', promotePath(workshop.id, waiting));
      assert.equal(res.status, 200, await res.text());
    });
    const late = await confirmByToken(db as never, token, Date.now());
    assert.ok(db.paused(), 'the promotion came between the late confirmation read and its write');
    assert.equal(late?.outcome, 'already_seated');
    assert.equal(await registrationStatus(worker, pending), 'expired');
    assert.equal(await seatStatus(worker, waiting, workshop.id), 'held');
    assert.equal(await capacityOf(worker, workshop.id), 1);
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 1);
    await settle(worker);
    assert.equal((await outbox(worker, { registrationId: pending, kind: 'confirmed' })).length, 0);
  });

  test('the late confirmation lands first: the line moves them in by their place, the promotion finds them seated (409 not_waiting)', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, waiting, pending } = await ownLapsedHold(worker);
    const token = await confirmTokenOf(worker, pending);
    const db = pausedBefore(worker.db, hasSql("SET status = 'promoted'"), async () => {
      const res = await postConfirmation(worker, token);
      await res.arrayBuffer();
      assert.equal(res.status, 200);
    });
    const current = (await findWorkshop(worker.db as never, workshop.id))!;
    await assert.rejects(
      promoteOnBehalf(db as never, current, waiting, 'organizer', Date.now()),
      (e: unknown) => (e as { code?: string }).code === 'not_waiting',
    );
    assert.ok(db.paused());
    assert.equal(await registrationStatus(worker, pending), 'expired');
    assert.equal(await seatStatus(worker, waiting, workshop.id), 'held');
    assert.equal(await capacityOf(worker, workshop.id), 1);
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 1);
    assert.equal(await promotions(worker), 0, 'nothing recorded for a promotion that did nothing');
  });

  test('a confirmation from within the hold lands first: the hold is live, 409 already_seated, nothing changed', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, waiting, pending, lapsedAt } = await ownLapsedHold(worker);
    const token = await confirmTokenOf(worker, pending);
    const db = pausedBefore(worker.db, hasSql("SET status = 'promoted'"), async () => {
      const confirmed = await confirmByToken(worker.db as never, token, lapsedAt - MINUTE);
      assert.equal(confirmed?.outcome, 'confirmed');
    });
    const current = (await findWorkshop(worker.db as never, workshop.id))!;
    await assert.rejects(
      promoteOnBehalf(db as never, current, waiting, 'organizer', Date.now()),
      (e: unknown) => (e as { code?: string }).code === 'already_seated',
    );
    assert.ok(db.paused());
    assert.equal(
      await registrationStatus(worker, pending),
      'confirmed',
      'not expired by the promotion',
    );
    assert.equal(await seatStatus(worker, pending, workshop.id), 'held');
    assert.equal(await seatStatus(worker, waiting, workshop.id), null, 'still waiting');
    assert.equal(await capacityOf(worker, workshop.id), 1);
    assert.equal(await promotions(worker), 0);
  });

  test('both at once through the worker, three times: one seat for the address, never more, no seat added', async (t) => {
    const worker = await shared.fresh(t);
    for (let round = 0; round < 3; round++) {
      const { workshop, waiting, pending } = await ownLapsedHold(worker);
      const token = await confirmTokenOf(worker, pending);
      const [promote, confirm] = await Promise.all([
        adminSend(worker, 'POST', promotePath(workshop.id, waiting)),
        postConfirmation(worker, token),
      ]);
      const promoteText = await promote.text();
      await confirm.arrayBuffer();
      assert.equal(confirm.status, 200);
      assert.ok([200, 409].includes(promote.status), `${promote.status} ${promoteText}`);
      if (promote.status === 409) assert.match(promoteText, /not_waiting/);
      await settle(worker);
      assert.equal(await registrationStatus(worker, pending), 'expired');
      assert.equal(await seatStatus(worker, waiting, workshop.id), 'held');
      assert.equal(await capacityOf(worker, workshop.id), 1, `round ${round}: no seat added`);
      assert.equal(await liveSeats(worker, workshop.id, Date.now()), 1);
    }
  });

  test('the cron expires the hold first: the line moves them in, the promotion finds them seated (409 not_waiting)', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, waiting, pending } = await ownLapsedHold(worker);
    const db = pausedBefore(worker.db, hasSql("SET status = 'promoted'"), () =>
      runCron(worker, Date.now()),
    );
    const current = (await findWorkshop(worker.db as never, workshop.id))!;
    await assert.rejects(
      promoteOnBehalf(db as never, current, waiting, 'organizer', Date.now()),
      (e: unknown) => (e as { code?: string }).code === 'not_waiting',
    );
    assert.ok(db.paused());
    assert.equal(await registrationStatus(worker, pending), 'expired');
    assert.equal(await seatStatus(worker, waiting, workshop.id), 'held');
    assert.equal(await capacityOf(worker, workshop.id), 1);
  });

  test('an organizer cancels the workshop first: 409 not_waiting, nobody moved in, no audit entry', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, waiting, pending } = await ownLapsedHold(worker);
    const db = pausedBefore(worker.db, hasSql("SET status = 'promoted'"), async () => {
      const res = await adminSend(worker, 'POST', `${adminWorkshopPath(workshop.id)}/cancel`);
      assert.equal(res.status, 200);
    });
    const current = (await findWorkshop(worker.db as never, workshop.id))!;
    await assert.rejects(
      promoteOnBehalf(db as never, current, waiting, 'organizer', Date.now()),
      (e: unknown) => (e as { code?: string }).code === 'not_waiting',
    );
    assert.ok(db.paused());
    assert.equal(await seatStatus(worker, waiting, workshop.id), null);
    assert.equal(await seatStatus(worker, pending, workshop.id), 'released');
    assert.equal(await capacityOf(worker, workshop.id), 1);
    assert.equal(await promotions(worker), 0);
    await settle(worker);
    assert.equal((await outbox(worker, { registrationId: waiting, kind: 'promoted' })).length, 0);
  });
});
