import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  MINUTE,
  postRegistration,
  publicWorkshop,
  register,
  registerConfirmed,
  runCron,
  settle,
  uniqueEmail,
  validRegistration,
} from '../support/fixtures';
import { cancelAllByLink, confirmByLink, seatStatus } from '../support/waitlist-fixtures';
import { liveSeats, lapse, waitingWithOwnSeat } from '../support/lapsed-line';
import { holdsLive } from '../../worker/src/db/seat-rule';

/**
 * The line rule (migration 0009) and a lapsed hold of someone who waits in the same line. A
 * person confirmed in a workshop's line whose *other*, unconfirmed registration holds a seat there
 * is owed nothing while that hold lasts (they have a seat). The instant it lapses they have none:
 * the seat is free, and it is theirs (the cron's expiry moves them in), not a newcomer's. Before
 * 0009 the seat guard, the waiting-list fill and `seatsLeft` still took the lapsed seat for theirs
 * until the cron came by: a newcomer took the seat, the cron then found none free, and the first
 * in line was skipped.
 */
let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

describe('a lapsed seat of someone in line', () => {
  test('is owed to them: the newcomer is refused, the list shows it, the cron moves them in', async () => {
    const { slug, workshop, person } = await waitingWithOwnSeat(worker, 1);
    await lapse(worker, person.pending, Date.now() - MINUTE);

    // No cron yet. The list and the seat guard agree: nothing free for anyone else.
    assert.equal((await publicWorkshop(worker, slug, workshop.id)).seatsLeft, 0);
    const res = await postRegistration(
      worker,
      slug,
      validRegistration([workshop.id], { email: uniqueEmail('newcomer') }),
    );
    assert.equal(res.status, 409, 'the newcomer does not take the seat the first in line is owed');
    await res.arrayBuffer();

    await runCron(worker, Date.now());
    assert.equal(await seatStatus(worker, person.pending, workshop.id), 'released');
    assert.equal(await seatStatus(worker, person.waiting, workshop.id), 'held', 'moved in');
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 1);
  });

  test('leaves every other free seat to a newcomer, as the list says', async () => {
    const { slug, workshop, holders, person } = await waitingWithOwnSeat(worker, 2);
    await cancelAllByLink(worker, holders[1]!);
    await lapse(worker, person.pending, Date.now() - MINUTE);

    // Two seats, none live: one owed to the person in line, one free for anyone.
    assert.equal((await publicWorkshop(worker, slug, workshop.id)).seatsLeft, 1);
    const first = await register(worker, slug, [workshop.id], { email: uniqueEmail('newcomer') });
    assert.equal(await seatStatus(worker, first, workshop.id), 'held');
    const second = await postRegistration(
      worker,
      slug,
      validRegistration([workshop.id], { email: uniqueEmail('second') }),
    );
    assert.equal(second.status, 409, 'the guard refuses exactly where the list said full');
    await second.arrayBuffer();

    await runCron(worker, Date.now());
    assert.equal(await seatStatus(worker, person.waiting, workshop.id), 'held');
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 2);
  });

  test('keeps their turn in the fill: a cancellation moves in only those behind them it can', async () => {
    const { slug, workshop, holders, person } = await waitingWithOwnSeat(worker, 2);
    // The workshop is full again (a holder and the person's own hold); two more wait behind.
    const behind = [];
    for (const name of ['second', 'third']) {
      const id = await register(worker, slug, [workshop.id], {
        email: uniqueEmail(name),
        waitlistWorkshopIds: [workshop.id],
      });
      await confirmByLink(worker, id);
      behind.push(id);
    }
    await lapse(worker, person.pending, Date.now() - MINUTE);

    // The last holder cancels: two seats free, the first owed to the person in line (who cannot
    // take it before the cron expires their own hold), the second to the next.
    await cancelAllByLink(worker, holders[1]!);
    assert.equal(await seatStatus(worker, behind[0]!, workshop.id), 'held');
    assert.equal(await seatStatus(worker, behind[1]!, workshop.id), null, 'still waiting');

    await runCron(worker, Date.now());
    assert.equal(await seatStatus(worker, person.waiting, workshop.id), 'held');
    assert.equal(await seatStatus(worker, behind[1]!, workshop.id), null);
    assert.equal(await liveSeats(worker, workshop.id, Date.now()), 2);
    await settle(worker);
  });

  test('a live hold of someone in line still counts once (they are owed no second seat)', async () => {
    const { slug, workshop, holders } = await waitingWithOwnSeat(worker, 2);
    await cancelAllByLink(worker, holders[1]!);
    // One seat live (theirs), one free: exactly one newcomer gets it.
    assert.equal((await publicWorkshop(worker, slug, workshop.id)).seatsLeft, 1);
    await registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail('newcomer') });
    const res = await postRegistration(
      worker,
      slug,
      validRegistration([workshop.id], { email: uniqueEmail('late') }),
    );
    assert.equal(res.status, 409);
    await res.arrayBuffer();
  });
});

test('the seat guard spells the rule the fill and seatsLeft share (db/seat-rule.ts)', async () => {
  const { results } = await worker.db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'seats_guard%'`,
    )
    .all<{ name: string; sql: string }>();
  const squash = (sql: string) => sql.replace(/\s+/g, ' ');
  assert.deepEqual(results.map((r) => r.name).sort(), ['seats_guard', 'seats_guard_retake']);
  for (const { name, sql } of results) {
    // Both sides of the line rule: a seat against capacity, and a person in line seated.
    for (const alias of ['r', 'hr']) {
      const rule = squash(holdsLive(alias, 'NEW.created_at'));
      assert.ok(squash(sql).includes(rule), `${name} has ${rule}`);
    }
  }
});
