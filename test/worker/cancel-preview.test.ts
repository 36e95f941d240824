import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CancelWorkshopPreview } from '../../worker/contract/index.js';
import { cancelPreview } from '../../worker/src/admin-views/series';
import { cancelPreviewOf } from '../../worker/src/services/workshop-actions';
import { adminGet, adminSend } from '../support/admin';
import { hasSql, pausedBefore } from '../support/interleave';
import { sharedWorker } from '../support/shared-worker';
import { asAdmin, json, type TestWorker } from '../support/worker';
import {
  adminWorkshopPath,
  createSeries,
  createWorkshop,
  expectError,
  outbox,
  register,
  registerConfirmed,
  settle,
  unique,
  uniqueEmail,
  type AdminWorkshop,
} from '../support/fixtures';
import { cancelAllByLink, confirmByLink, confirmedInLine } from '../support/waitlist-fixtures';

/**
 * The cancel page's warning and the version its cancellation sends come from one read: the cancel
 * preview reads the workshop (its version) and who holds a seat in one D1 batch, gives the version
 * as `ETag` and `version`, and a cancellation sent with it is refused (412) if the workshop changed
 * after that read. Seats taken or given up do not move the version: the cancellation tells whoever
 * holds a seat when it is made, so the preview gives its counts as of `countedAt`.
 */
const shared = sharedWorker();

async function workshopWithHolder(worker: TestWorker) {
  const slug = unique('cancel-preview');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 10 });
  const holder = await registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail() });
  await settle(worker);
  return { slug, workshop, holder };
}

const previewPath = (id: string) => `${adminWorkshopPath(id)}/cancel-preview`;

const cancel = (worker: TestWorker, id: string, ifMatch: string) =>
  worker.fetch(
    `${adminWorkshopPath(id)}/cancel`,
    asAdmin(json('POST', undefined, { 'if-match': ifMatch })),
  );

const told = (worker: TestWorker, registrationId: string) =>
  outbox(worker, { registrationId, kind: 'workshop_cancelled' });

const cancelEntries = async (worker: TestWorker, id: string) =>
  (await worker.db
    .prepare(
      `SELECT COUNT(*) AS n FROM audit_log WHERE action = 'workshop.cancel' AND target_id = ?`,
    )
    .bind(id)
    .first<{ n: number }>())!.n;

const cancelledAt = async (worker: TestWorker, id: string) =>
  (await worker.db
    .prepare('SELECT cancelled_at FROM workshops WHERE id = ?')
    .bind(id)
    .first<{ cancelled_at: number | null }>())!.cancelled_at;

describe('the cancel preview carries the version it was read at', () => {
  test('its version (field and ETag) and workshop are those GET /workshops/:id gives at that moment', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop } = await workshopWithHolder(worker);
    const res = await worker.fetch(previewPath(workshop.id), asAdmin());
    assert.equal(res.status, 200);
    const preview = (await res.json()) as CancelWorkshopPreview;
    const current = await adminGet<{ workshop: AdminWorkshop }>(
      worker,
      adminWorkshopPath(workshop.id),
    );
    assert.equal(preview.version, current.workshop.version);
    assert.equal(res.headers.get('etag'), preview.version);
    assert.equal(preview.workshop.version, preview.version);
    assert.equal(preview.workshop.id, workshop.id);
    assert.equal(preview.workshop.title.sk, current.workshop.title.sk);
    assert.deepEqual(preview.notified, { confirmed: 1, pending: 0, total: 1 });
    assert.ok(Math.abs(Date.parse(preview.countedAt) - Date.now()) < 60_000, preview.countedAt);

    assert.equal(
      (await adminSend(worker, 'PATCH', adminWorkshopPath(workshop.id), { capacity: 11 })).status,
      200,
    );
    const after = await adminGet<CancelWorkshopPreview>(worker, previewPath(workshop.id));
    assert.notEqual(after.version, preview.version, 'an edit moves it on');
    assert.equal(after.workshop.capacity, 11);
  });

  test('the version and the counts are one read: changes landing just before it are in both', async (t) => {
    const worker = await shared.fresh(t);
    const { slug, workshop } = await workshopWithHolder(worker);
    // The read paused right before it reaches D1, while an edit and a registration land: one batch
    // (one transaction) reads after both; two separate reads could straddle them.
    const db = pausedBefore(worker.db, hasSql('FROM workshops w'), async () => {
      assert.equal(
        (await adminSend(worker, 'PATCH', adminWorkshopPath(workshop.id), { capacity: 12 })).status,
        200,
      );
      await register(worker, slug, [workshop.id], { email: uniqueEmail('late') });
    });
    const now = Date.now();
    const preview = cancelPreview(await cancelPreviewOf(db as never, workshop.id, now), now);
    assert.ok(db.paused(), 'the workshop, its holders and the join links are read in one batch');
    const current = await adminGet<{ workshop: AdminWorkshop }>(
      worker,
      adminWorkshopPath(workshop.id),
    );
    assert.equal(preview.version, current.workshop.version);
    assert.equal(preview.workshop.capacity, 12);
    assert.deepEqual(preview.notified, { confirmed: 1, pending: 1, total: 2 });
  });

  test('counts the confirmed people in its line, whom cancelling tells too; unconfirmed places not', async (t) => {
    const worker = await shared.fresh(t);
    const { slug, workshop, id } = await confirmedInLine(worker);
    await register(worker, slug, [workshop.id], {
      email: uniqueEmail('unconfirmed'),
      waitlistWorkshopIds: [workshop.id],
    });
    const preview = await adminGet<CancelWorkshopPreview>(worker, previewPath(workshop.id));
    assert.equal(preview.inLine, 1);
    assert.equal((await cancel(worker, workshop.id, preview.version)).status, 200);
    await settle(worker);
    assert.equal((await outbox(worker, { registrationId: id, kind: 'line_cancelled' })).length, 1);
  });

  test('an unknown workshop: 404 workshop_not_found', async (t) => {
    const worker = await shared.fresh(t);
    await expectError(
      await worker.fetch(previewPath('no-such-workshop'), asAdmin()),
      404,
      'workshop_not_found',
    );
  });
});

describe('cancelling with the version the preview was read at', () => {
  test('the workshop was edited after the preview: 412, nothing cancelled, no mail, no audit entry', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, holder } = await workshopWithHolder(worker);
    const preview = await adminGet<CancelWorkshopPreview>(worker, previewPath(workshop.id));
    assert.equal(
      (await adminSend(worker, 'PATCH', adminWorkshopPath(workshop.id), { capacity: 3 })).status,
      200,
    );
    await expectError(await cancel(worker, workshop.id, preview.version), 412, 'edit_conflict');
    await settle(worker);
    assert.equal(await cancelledAt(worker, workshop.id), null);
    assert.deepEqual(await told(worker, holder), []);
    assert.equal(await cancelEntries(worker, workshop.id), 0);
  });

  test('someone was moved in by hand after the preview (the capacity went up): 412, nothing changed', async (t) => {
    const worker = await shared.fresh(t);
    const { workshop, id } = await confirmedInLine(worker);
    const preview = await adminGet<CancelWorkshopPreview>(worker, previewPath(workshop.id));
    const promote = `${adminWorkshopPath(workshop.id)}/waitlist/${id}/promote`;
    assert.equal((await adminSend(worker, 'POST', promote)).status, 200);
    await expectError(await cancel(worker, workshop.id, preview.version), 412, 'edit_conflict');
    await settle(worker);
    assert.equal(await cancelledAt(worker, workshop.id), null);
    assert.deepEqual(await told(worker, id), []);
    assert.equal(await cancelEntries(worker, workshop.id), 0);
  });

  test('people registered and cancelled after the preview: cancelled, and whoever holds a seat then is told', async (t) => {
    const worker = await shared.fresh(t);
    const { slug, workshop, holder } = await workshopWithHolder(worker);
    const leaving = await registerConfirmed(worker, slug, [workshop.id], {
      email: uniqueEmail('leaving'),
    });
    const preview = await adminGet<CancelWorkshopPreview>(worker, previewPath(workshop.id));
    assert.equal(preview.notified.total, 2);
    // After the preview: one leaves, one registers and confirms, one registers and does not.
    await cancelAllByLink(worker, leaving);
    const joined = await register(worker, slug, [workshop.id], { email: uniqueEmail('joined') });
    await confirmByLink(worker, joined);
    const pending = await register(worker, slug, [workshop.id], { email: uniqueEmail('pending') });
    const res = await cancel(worker, workshop.id, preview.version);
    assert.equal(res.status, 200, 'seats do not move the version: the preview is not stale');
    await settle(worker);
    assert.equal((await told(worker, holder)).length, 1);
    assert.equal((await told(worker, joined)).length, 1, 'registered after the preview: told');
    assert.equal((await told(worker, pending)).length, 1, 'unconfirmed after the preview: told');
    assert.deepEqual(await told(worker, leaving), [], 'left after the preview: not told');
    const entry = await worker.db
      .prepare(`SELECT detail FROM audit_log WHERE action = 'workshop.cancel' AND target_id = ?`)
      .bind(workshop.id)
      .first<{ detail: string }>();
    assert.equal(
      JSON.parse(entry!.detail).notified,
      3,
      'the audit counts those told, not the preview',
    );
  });
});
