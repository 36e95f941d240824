import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiError } from '../../worker/src/http/errors';
import { cancelOnBehalf, eraseRegistration } from '../../worker/src/services/admin-registrations';
import { hasSql, pausedBefore } from '../support/interleave';
import { startTestWorker, type TestWorker } from '../support/worker';
import { adminSend } from '../support/admin';
import {
  registerConfirmed,
  seriesWithTwoWorkshops,
  settle,
  uniqueEmail,
} from '../support/fixtures';
import { cancelAllByLink, confirmedInLine } from '../support/waitlist-fixtures';

/**
 * The audit log records what happened, not what was tried: an organizer's cancellation that
 * loses its race (the person cancelled between the organizer's read and write) changes nothing,
 * is refused with `nothing_to_cancel`, and leaves no "registration.cancel" entry.
 */
let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

const entries = async (action: string, registrationId: string) =>
  (await worker.db
    .prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = ? AND target_id = ?`)
    .bind(action, registrationId)
    .first<{ n: number }>())!.n;
const cancelEntries = (registrationId: string) => entries('registration.cancel', registrationId);

const waiting = () => confirmedInLine(worker);

describe('audit entries under races', () => {
  test('a cancellation on someone’s behalf that lost to their own is not recorded', async () => {
    const { slug, first } = await seriesWithTwoWorkshops(worker);
    const id = await registerConfirmed(worker, slug, [first.id], { email: uniqueEmail() });
    const db = pausedBefore(worker.db, hasSql("SET status = 'released'"), () =>
      cancelAllByLink(worker, id),
    );
    await assert.rejects(
      cancelOnBehalf(db as never, id, undefined, 'organizer@example.gov.sk', Date.now()),
      (error) => error instanceof ApiError && error.code === 'nothing_to_cancel',
    );
    assert.ok(db.paused(), 'the person cancelled between the read and the write');
    assert.equal(await cancelEntries(id), 0);
  });

  test('one that wins is recorded once', async () => {
    const { slug, first } = await seriesWithTwoWorkshops(worker);
    const id = await registerConfirmed(worker, slug, [first.id], { email: uniqueEmail() });
    const res = await adminSend(worker, 'POST', `/api/v1/admin/registrations/${id}/cancel`, {});
    assert.equal(res.status, 200, await res.text());
    await settle(worker);
    assert.equal(await cancelEntries(id), 1);
  });

  test('taking someone out of line twice: one entry, the second is refused', async () => {
    const { workshop, id } = await waiting();
    const path = `/api/v1/admin/workshops/${workshop.id}/waitlist/${id}`;
    const [first, second] = await Promise.all([
      adminSend(worker, 'DELETE', path),
      adminSend(worker, 'DELETE', path),
    ]);
    assert.deepEqual([first.status, second.status].sort(), [200, 409]);
    assert.equal(await entries('waitlist.remove', id), 1);
  });

  test('moving someone in by hand who is not waiting any more: refused, not recorded', async () => {
    const { workshop, id } = await waiting();
    const path = `/api/v1/admin/workshops/${workshop.id}/waitlist/${id}`;
    assert.equal((await adminSend(worker, 'POST', `${path}/promote`)).status, 200);
    assert.equal((await adminSend(worker, 'POST', `${path}/promote`)).status, 409);
    assert.equal(await entries('waitlist.promote', id), 1);
  });

  test('two organizers cancelling one workshop at once: one entry', async () => {
    const { first } = await seriesWithTwoWorkshops(worker);
    const path = `/api/v1/admin/workshops/${first.id}/cancel`;
    const answers = await Promise.all([
      adminSend(worker, 'POST', path),
      adminSend(worker, 'POST', path),
    ]);
    assert.deepEqual(
      answers.map((r) => r.status),
      [200, 200],
    );
    const row = await worker.db
      .prepare(
        `SELECT COUNT(*) AS n FROM audit_log WHERE action = 'workshop.cancel' AND target_id = ?`,
      )
      .bind(first.id)
      .first<{ n: number }>();
    assert.equal(row!.n, 1);
  });

  /** The erasures recorded in a series (an erasure's entry names no registration). */
  const erasures = async (slug: string) =>
    (await worker.db
      .prepare(
        `SELECT COUNT(*) AS n FROM audit_log
         WHERE action = 'registration.erase' AND series_id = (SELECT id FROM series WHERE slug = ?)`,
      )
      .bind(slug)
      .first<{ n: number }>())!.n;

  test('two organizers erasing one person at once: one erasure, one entry, the other 404', async () => {
    const { slug, first } = await seriesWithTwoWorkshops(worker);
    const id = await registerConfirmed(worker, slug, [first.id], { email: uniqueEmail() });
    const path = `/api/v1/admin/registrations/${id}`;
    const answers = await Promise.all([
      adminSend(worker, 'DELETE', path),
      adminSend(worker, 'DELETE', path),
    ]);
    assert.deepEqual(answers.map((r) => r.status).sort(), [204, 404]);
    assert.equal(await erasures(slug), 1);
  });

  test('an erasure that loses between its read and its write changes nothing and records nothing', async () => {
    const { slug, first } = await seriesWithTwoWorkshops(worker);
    const id = await registerConfirmed(worker, slug, [first.id], { email: uniqueEmail() });
    const db = pausedBefore(worker.db, hasSql('DELETE FROM registrations'), async () => {
      const res = await adminSend(worker, 'DELETE', `/api/v1/admin/registrations/${id}`);
      assert.equal(res.status, 204);
    });
    await assert.rejects(
      eraseRegistration(db as never, id, 'organizer@example.gov.sk', Date.now()),
      (error) => error instanceof ApiError && error.code === 'registration_not_found',
    );
    assert.ok(db.paused(), 'the other erasure came between the read and the write');
    assert.equal(await erasures(slug), 1);
  });
});
