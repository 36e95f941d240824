import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError } from '../../worker/src/http/errors';
import { formatWhen } from '../../worker/src/mail/format';
import { cancelWorkshopAsAsked } from '../../worker/src/services/workshop-actions';
import { adminSend } from '../support/admin';
import { hasSql, pausedBefore } from '../support/interleave';
import { sharedWorker } from '../support/shared-worker';
import { asAdmin, json, type TestWorker } from '../support/worker';
import {
  adminWorkshopPath,
  createSeries,
  createWorkshop,
  expectError,
  HOUR,
  outbox,
  register,
  registerConfirmed,
  runCron,
  settle,
  unique,
  uniqueEmail,
  type AdminWorkshop,
} from '../support/fixtures';
import { cancelAllByLink, confirmByLink, confirmedInLine } from '../support/waitlist-fixtures';

/**
 * Cancelling a workshop takes the same optional If-Match as an edit: the admin page sends the
 * version its warning was read with, and a workshop moved or changed meanwhile is not cancelled
 * blind — 412 `edit_conflict`, nothing cancelled, nobody told, nothing recorded. Without
 * If-Match (a script) it is made on the version the worker reads, read again if that changes.
 */
const shared = sharedWorker();

/** A workshop in a series with one confirmed registrant; its version as the admin page read it. */
async function workshopWithHolder(worker: TestWorker) {
  const slug = unique('cancel-if-match');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 10 });
  const holder = await registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail() });
  await settle(worker);
  return { slug, workshop, holder };
}

const cancel = (worker: TestWorker, id: string, ifMatch?: string) =>
  worker.fetch(
    `${adminWorkshopPath(id)}/cancel`,
    asAdmin(json('POST', undefined, ifMatch === undefined ? {} : { 'if-match': ifMatch })),
  );

const edit = (worker: TestWorker, id: string, body: unknown) =>
  adminSend(worker, 'PATCH', adminWorkshopPath(id), body);

const stored = (worker: TestWorker, id: string) =>
  worker.db
    .prepare('SELECT cancelled_at, capacity, starts_at, updated_at FROM workshops WHERE id = ?')
    .bind(id)
    .first<{
      cancelled_at: number | null;
      capacity: number;
      starts_at: number;
      updated_at: number;
    }>();

const cancelEntries = async (worker: TestWorker, id: string) =>
  (await worker.db
    .prepare(
      `SELECT COUNT(*) AS n FROM audit_log WHERE action = 'workshop.cancel' AND target_id = ?`,
    )
    .bind(id)
    .first<{ n: number }>())!.n;

const told = async (worker: TestWorker, registrationId: string) =>
  outbox(worker, { registrationId, kind: 'workshop_cancelled' });

const heldSeats = async (worker: TestWorker, id: string) =>
  (await worker.db
    .prepare(`SELECT COUNT(*) AS n FROM seats WHERE workshop_id = ? AND status = 'held'`)
    .bind(id)
    .first<{ n: number }>())!.n;

/** Nothing of a cancellation happened: not cancelled, seats held, nobody told, nothing recorded. */
async function assertNotCancelled(worker: TestWorker, id: string, holder: string) {
  assert.equal((await stored(worker, id))!.cancelled_at, null);
  assert.equal(await heldSeats(worker, id), 1);
  assert.deepEqual(await told(worker, holder), []);
  assert.equal(await cancelEntries(worker, id), 0);
}

const isConflict = (error: unknown) => error instanceof ApiError && error.code === 'edit_conflict';

/** The cancellation as the route runs it, paused before its batch while `meanwhile` happens. */
function cancelPausedBy(
  worker: TestWorker,
  id: string,
  ifMatch: string | undefined,
  meanwhile: () => Promise<void>,
) {
  const db = pausedBefore(worker.db, hasSql('SET cancelled_at'), meanwhile);
  return {
    db,
    cancel: cancelWorkshopAsAsked(db as never, id, ifMatch, 'organizer@example.gov.sk'),
  };
}

describe('cancelling a workshop with If-Match', () => {
  test('from a stale view (the workshop was moved since): 412, nothing changed, no mail, no audit entry', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, holder } = await workshopWithHolder(worker);
    const later = (iso: string) => new Date(Date.parse(iso) + HOUR).toISOString();
    const moved = await edit(worker, workshop.id, {
      startsAt: later(workshop.startsAt),
      endsAt: later(workshop.endsAt),
    });
    assert.equal(moved.status, 200);
    await settle(worker);
    await expectError(await cancel(worker, workshop.id, workshop.version), 412, 'edit_conflict');
    await settle(worker);
    await assertNotCancelled(worker, workshop.id, holder);
  });

  test('from a stale view (its capacity was changed by a seat added by hand): 412', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, id } = await confirmedInLine(worker);
    const promote = `${adminWorkshopPath(workshop.id)}/waitlist/${id}/promote`;
    assert.equal((await adminSend(worker, 'POST', promote)).status, 200);
    await expectError(await cancel(worker, workshop.id, workshop.version), 412, 'edit_conflict');
    assert.equal((await stored(worker, workshop.id))!.cancelled_at, null);
    assert.equal(await cancelEntries(worker, workshop.id), 0);
  });

  test('from a fresh view: cancelled, the holder told once, one audit entry, the new version as ETag', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, holder } = await workshopWithHolder(worker);
    const res = await cancel(worker, workshop.id, workshop.version);
    assert.equal(res.status, 200, await res.clone().text());
    const after = (
      (await res.json()) as { workshop: AdminWorkshop & { cancelledAt: string | null } }
    ).workshop;
    assert.notEqual(after.cancelledAt, null);
    assert.notEqual(after.version, workshop.version);
    assert.equal(res.headers.get('etag'), after.version);
    await settle(worker);
    assert.equal((await told(worker, holder)).length, 1);
    assert.equal(await heldSeats(worker, workshop.id), 0);
    assert.equal(await cancelEntries(worker, workshop.id), 1);
  });

  test('already cancelled: 200 whatever the version, nobody told twice', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, holder } = await workshopWithHolder(worker);
    assert.equal((await cancel(worker, workshop.id, workshop.version)).status, 200);
    const again = await cancel(worker, workshop.id, workshop.version);
    assert.equal(again.status, 200, 'what was asked is in effect (RFC 9110 §13.1.1)');
    await settle(worker);
    assert.equal((await told(worker, holder)).length, 1);
    assert.equal(await cancelEntries(worker, workshop.id), 1);
  });

  test('a malformed If-Match is a 422 on the header, and nothing is cancelled', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, holder } = await workshopWithHolder(worker);
    const body = await expectError(
      await cancel(worker, workshop.id, 'version 7'),
      422,
      'validation',
    );
    assert.ok(body.error.fields && 'if-match' in body.error.fields, JSON.stringify(body));
    await assertNotCancelled(worker, workshop.id, holder);
  });
});

describe('a cancellation meeting another change between its read and its write', () => {
  test('an edit moves the workshop, with If-Match: 412, nothing cancelled, nobody told', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, holder } = await workshopWithHolder(worker);
    const { db, cancel: cancelling } = cancelPausedBy(
      worker,
      workshop.id,
      workshop.version,
      async () => {
        assert.equal((await edit(worker, workshop.id, { capacity: 12 })).status, 200);
      },
    );
    await assert.rejects(cancelling, isConflict);
    assert.ok(db.paused());
    await assertNotCancelled(worker, workshop.id, holder);
    assert.equal((await stored(worker, workshop.id))!.capacity, 12, 'the edit stands');
  });

  test('an edit moves the workshop, without If-Match: read again, cancelled, the mail gives the new time', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, holder } = await workshopWithHolder(worker);
    const [from, to] = [Date.parse(workshop.startsAt) + HOUR, Date.parse(workshop.endsAt) + HOUR];
    const { db, cancel: cancelling } = cancelPausedBy(worker, workshop.id, undefined, async () => {
      const moved = { startsAt: new Date(from).toISOString(), endsAt: new Date(to).toISOString() };
      assert.equal((await edit(worker, workshop.id, moved)).status, 200);
      await settle(worker);
    });
    await cancelling;
    assert.equal(db.pauses(), 1, 'paused once; the second try went through');
    assert.notEqual((await stored(worker, workshop.id))!.cancelled_at, null);
    const [message, ...more] = await told(worker, holder);
    assert.equal(more.length, 0);
    assert.ok(message!.text.includes(formatWhen(from, to, 'sk')), message!.text);
    assert.equal(await cancelEntries(worker, workshop.id), 1);
  });

  test('another cancellation of the same version: cancelled once, told once, recorded once', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, holder } = await workshopWithHolder(worker);
    const { cancel: cancelling } = cancelPausedBy(
      worker,
      workshop.id,
      workshop.version,
      async () => {
        assert.equal((await cancel(worker, workshop.id, workshop.version)).status, 200);
        await settle(worker);
      },
    );
    const result = await cancelling;
    assert.notEqual(result.workshop.cancelledAt, null);
    await runCron(worker, Date.now());
    assert.equal((await told(worker, holder)).length, 1);
    assert.equal(await cancelEntries(worker, workshop.id), 1);
  });

  test('registrants confirming and cancelling, and a cron run, do not make it stale: cancelled, each told as is true', async (t) => {
    const worker = await shared.fresh(t);
    const { slug, workshop, holder } = await workshopWithHolder(worker);
    const pending = await register(worker, slug, [workshop.id], { email: uniqueEmail('pending') });
    const leaving = await registerConfirmed(worker, slug, [workshop.id], {
      email: uniqueEmail('leaving'),
    });
    const current = (await stored(worker, workshop.id))!;
    const { db, cancel: cancelling } = cancelPausedBy(
      worker,
      workshop.id,
      workshop.version,
      async () => {
        await confirmByLink(worker, pending);
        await cancelAllByLink(worker, leaving);
        await runCron(worker, Date.now());
      },
    );
    await cancelling;
    assert.ok(db.paused());
    assert.equal((await stored(worker, workshop.id))!.updated_at > current.updated_at, true);
    await runCron(worker, Date.now());
    assert.equal((await told(worker, holder)).length, 1);
    assert.equal((await told(worker, pending)).length, 1, 'confirmed meanwhile: told');
    assert.deepEqual(await told(worker, leaving), [], 'cancelled meanwhile: not told');
    assert.equal(await heldSeats(worker, workshop.id), 0);
  });
});
