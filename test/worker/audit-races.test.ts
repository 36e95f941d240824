import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiError } from '../../worker/src/http/errors';
import { cancelOnBehalf } from '../../worker/src/services/admin-registrations';
import { hasSql, pausedBefore } from '../support/interleave';
import { startTestWorker, type TestWorker } from '../support/worker';
import { registerConfirmed, seriesWithTwoWorkshops, uniqueEmail } from '../support/fixtures';
import { cancelAllByLink } from '../support/waitlist-fixtures';

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

const cancelEntries = async (registrationId: string) =>
  (await worker.db
    .prepare(
      `SELECT COUNT(*) AS n FROM audit_log WHERE action = 'registration.cancel' AND target_id = ?`,
    )
    .bind(registrationId)
    .first<{ n: number }>())!.n;

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
    await cancelOnBehalf(worker.db as never, id, undefined, 'organizer', Date.now());
    assert.equal(await cancelEntries(id), 1);
  });
});
