import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { confirmByToken } from '../../worker/src/services/confirm';
import { cancelSeats, heldByToken } from '../../worker/src/services/cancel';
import { cancelWorkshopAndTell } from '../../worker/src/services/workshop-changes';
import { findSeriesById } from '../../worker/src/db/series';
import { findWorkshop } from '../../worker/src/db/workshops';
import { hasSql, pausedBefore } from '../support/interleave';
import { asAdmin, startTestWorker, type TestWorker } from '../support/worker';
import {
  type AdminWorkshop,
  cancelThroughManagePage,
  confirmLink,
  createSeries,
  createWorkshop,
  HOUR,
  manageLink,
  onlyMessage,
  outbox,
  postConfirmation,
  postRegistration,
  register,
  registrationStatus,
  runCron,
  settle,
  tokenOf,
  unique,
  uniqueEmail,
  validRegistration,
} from '../support/fixtures';

/**
 * Races between a state change and the mail that announces it. The worker's services run here,
 * in Node, against the worker's real D1; `pausedBefore` lets a competing request through the
 * worker happen exactly between a service's read and its write, every time. Then the same races
 * again as plain concurrent requests.
 */
let worker: TestWorker;
let slug: string;
let workshop: AdminWorkshop;

before(async () => {
  worker = await startTestWorker();
  slug = unique('series');
  await createSeries(worker, slug);
  workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 500 });
});
after(() => worker.dispose());

const asWorkerDb = (db: unknown) => db as Parameters<typeof confirmByToken>[0];

/** A pending registration with its links. */
async function pendingRegistration(workshopIds = [workshop.id]) {
  const id = await register(worker, slug, workshopIds, { email: uniqueEmail('race') });
  const request = await onlyMessage(worker, { registrationId: id, kind: 'confirm_request' });
  return { id, confirm: tokenOf(confirmLink(request)), manage: manageLink(request) };
}

const CONFIRM_WRITE = hasSql("SET status = 'confirmed'");

/** A confirmation message exists exactly when the registration was confirmed, and only once. */
async function assertMailFollowsState(id: string) {
  const row = await worker.db
    .prepare('SELECT confirmed_at FROM registrations WHERE id = ?')
    .bind(id)
    .first<{ confirmed_at: number | null }>();
  const confirmed = await outbox(worker, { registrationId: id, kind: 'confirmed' });
  assert.equal(confirmed.length, row?.confirmed_at ? 1 : 0, 'a confirmed mail iff confirmed');
  // In the order they were queued (committed): a confirmation after the cancellation would say
  // the opposite of what is true.
  const { results } = await worker.db
    .prepare(`SELECT kind FROM outbox WHERE registration_id = ? ORDER BY rowid`)
    .bind(id)
    .all<{ kind: string }>();
  const kinds = results.map((r) => r.kind);
  if (kinds.includes('confirmed') && kinds.includes('cancelled')) {
    assert.ok(kinds.indexOf('confirmed') < kinds.indexOf('cancelled'), kinds.join());
  }
}

/** Sends what a service run from here queued (the worker would hand it to `deliverSoon`). */
const deliverQueued = () => runCron(worker, Date.now());

describe('confirm meets cancel', () => {
  test('cancelled between the confirmation’s read and its write: no "confirmed" mail', async () => {
    const { id, confirm, manage } = await pendingRegistration();
    const db = pausedBefore(worker.db, CONFIRM_WRITE, async () => {
      const res = await cancelThroughManagePage(worker, manage, 'all');
      assert.equal(res.status, 200);
      await settle(worker);
    });
    const result = await confirmByToken(asWorkerDb(db), confirm, Date.now());
    await deliverQueued();
    assert.ok(db.paused(), 'the cancellation ran in between');
    assert.equal(result?.outcome, 'cancelled');
    assert.deepEqual(result?.outboxIds, []);
    assert.equal(await registrationStatus(worker, id), 'cancelled');
    assert.deepEqual(await outbox(worker, { registrationId: id, kind: 'confirmed' }), []);
    assert.equal((await outbox(worker, { registrationId: id, kind: 'cancelled' })).length, 1);
  });

  test('confirmed between the cancellation’s read and its write: both mails, in that order', async () => {
    const { id, confirm, manage } = await pendingRegistration();
    const db = pausedBefore(worker.db, hasSql("release_reason = 'cancelled'"), async () => {
      const res = await postConfirmation(worker, confirm);
      assert.equal(res.status, 200);
      await settle(worker);
    });
    const held = await heldByToken(asWorkerDb(db), tokenOf(manage));
    const result = await cancelSeats(asWorkerDb(db), held!, 'all', Date.now(), {
      reload: () => heldByToken(asWorkerDb(db), tokenOf(manage)),
    });
    await deliverQueued();
    assert.ok(db.paused());
    assert.deepEqual(
      result.released.map((w) => w.id),
      [workshop.id],
    );
    assert.equal(await registrationStatus(worker, id), 'cancelled');
    await assertMailFollowsState(id);
    assert.equal((await outbox(worker, { registrationId: id, kind: 'cancelled' })).length, 1);
  });

  test('two cancellations of the same seats at once: one release, one mail', async () => {
    const { id, manage } = await pendingRegistration();
    const db = pausedBefore(worker.db, hasSql("release_reason = 'cancelled'"), async () => {
      assert.equal((await cancelThroughManagePage(worker, manage, 'all')).status, 200);
    });
    const held = await heldByToken(asWorkerDb(db), tokenOf(manage));
    const result = await cancelSeats(asWorkerDb(db), held!, 'all', Date.now(), {
      reload: () => heldByToken(asWorkerDb(db), tokenOf(manage)),
    });
    await deliverQueued();
    assert.deepEqual(result.released, [], 'the second finds nothing left to cancel');
    await settle(worker);
    assert.equal((await outbox(worker, { registrationId: id, kind: 'cancelled' })).length, 1);
  });
});

describe('confirm meets expiry', () => {
  test('the hold runs out between the confirmation’s read and its write: the mail follows', async () => {
    const { id, confirm } = await pendingRegistration();
    const db = pausedBefore(worker.db, CONFIRM_WRITE, async () => {
      const { expires_at } = (await worker.db
        .prepare('SELECT expires_at FROM registrations WHERE id = ?')
        .bind(id)
        .first<{ expires_at: number }>())!;
      await runCron(worker, expires_at);
      assert.equal(await registrationStatus(worker, id), 'expired');
    });
    const result = await confirmByToken(asWorkerDb(db), confirm, Date.now());
    await deliverQueued();
    assert.ok(db.paused());
    // The first try changed nothing and queued nothing; the second, a late confirmation, found
    // the seat still free and took it, with its own mail.
    assert.equal(result?.outcome, 'confirmed');
    assert.equal(await registrationStatus(worker, id), 'confirmed');
    await assertMailFollowsState(id);
  });
});

describe('the organizer cancels a workshop', () => {
  test('someone who registers between its read and its write is told too', async () => {
    const own = await createWorkshop(worker, slug, { startsInHours: 48, capacity: 10 });
    const early = await register(worker, slug, [own.id], { email: uniqueEmail('early') });
    let late = '';
    const db = pausedBefore(worker.db, hasSql('SET cancelled_at'), async () => {
      const res = await postRegistration(
        worker,
        slug,
        validRegistration([own.id], { email: uniqueEmail('late') }),
      );
      assert.equal(res.status, 201);
      late = ((await res.json()) as { registration: { id: string } }).registration.id;
      await settle(worker);
    });
    const stored = (await findWorkshop(asWorkerDb(worker.db), own.id))!;
    const series = (await findSeriesById(asWorkerDb(worker.db), stored.seriesId))!;
    await cancelWorkshopAndTell(asWorkerDb(db), series, stored, 'admin token', Date.now());
    await deliverQueued();
    for (const registrationId of [early, late]) {
      const told = await outbox(worker, { registrationId, kind: 'workshop_cancelled' });
      assert.equal(told.length, 1, registrationId === late ? 'the late one' : 'the early one');
    }
    const held = await worker.db
      .prepare(`SELECT COUNT(*) AS n FROM seats WHERE workshop_id = ? AND status = 'held'`)
      .bind(own.id)
      .first<{ n: number }>();
    assert.equal(held!.n, 0);
  });

  test('someone who cancelled just before is not told the workshop is cancelled', async () => {
    const own = await createWorkshop(worker, slug, { startsInHours: 48, capacity: 10 });
    const { id, manage } = await pendingRegistration([own.id]);
    const db = pausedBefore(worker.db, hasSql('SET cancelled_at'), async () => {
      assert.equal((await cancelThroughManagePage(worker, manage, 'all')).status, 200);
    });
    const stored = (await findWorkshop(asWorkerDb(worker.db), own.id))!;
    const series = (await findSeriesById(asWorkerDb(worker.db), stored.seriesId))!;
    await cancelWorkshopAndTell(asWorkerDb(db), series, stored, 'admin token', Date.now());
    await deliverQueued();
    assert.deepEqual(await outbox(worker, { registrationId: id, kind: 'workshop_cancelled' }), []);
  });
});

describe('the same races as concurrent requests', () => {
  const post = (path: string, fields: Record<string, string>) =>
    worker.fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  test('confirm and cancel at once, 12 times: mail never contradicts the state', async () => {
    for (let run = 0; run < 12; run++) {
      const { id, confirm, manage } = await pendingRegistration();
      const responses = await Promise.all([
        post('/api/v1/registrations/confirm', { token: confirm }),
        post('/api/v1/registrations/cancel', { token: tokenOf(manage), all: '1' }),
      ]);
      for (const res of responses) assert.equal(res.status, 200, await res.text());
      await settle(worker);
      assert.equal(await registrationStatus(worker, id), 'cancelled');
      await assertMailFollowsState(id);
    }
  });

  test('confirm and a cron run past the hold at once, 6 times: mail follows the state', async () => {
    for (let run = 0; run < 6; run++) {
      const { id, confirm } = await pendingRegistration();
      const [res] = await Promise.all([
        post('/api/v1/registrations/confirm', { token: confirm }),
        runCron(worker, Date.now() + 25 * HOUR),
      ]);
      assert.equal(res.status, 200, await res.text());
      await settle(worker);
      await assertMailFollowsState(id);
    }
  });

  test('an organizer’s cancel during registrations: everyone who lost a seat is told', async () => {
    const own = await createWorkshop(worker, slug, { startsInHours: 48, capacity: 50 });
    const registering = Array.from({ length: 8 }, () =>
      postRegistration(worker, slug, validRegistration([own.id], { email: uniqueEmail('crowd') })),
    );
    const cancel = worker.fetch(
      `/api/v1/admin/workshops/${own.id}/cancel`,
      asAdmin({ method: 'POST' }),
    );
    await Promise.all([...registering, cancel]);
    await settle(worker);
    const { results } = await worker.db
      .prepare(
        `SELECT s.registration_id, s.status, s.release_reason,
           (SELECT COUNT(*) FROM outbox o WHERE o.registration_id = s.registration_id
              AND o.kind = 'workshop_cancelled') AS told
         FROM seats s WHERE s.workshop_id = ?`,
      )
      .bind(own.id)
      .all<{ status: string; release_reason: string | null; told: number }>();
    for (const seat of results) {
      assert.equal(seat.status, 'released');
      assert.equal(seat.told, seat.release_reason === 'workshop_cancelled' ? 1 : 0);
    }
  });
});
