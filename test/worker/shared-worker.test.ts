import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  createSeries,
  createWorkshop,
  fakeMailProvider,
  HTTP_MAIL,
  outbox,
  register,
  registerConfirmed,
  storedCounts,
  unique,
  uniqueEmail,
} from '../support/fixtures';
import { sharedWorker } from '../support/shared-worker';
import type { TestWorker } from '../support/worker';

/**
 * Test files share one worker among their tests (support/shared-worker.ts), which must give each
 * test what a new worker would: an empty database, its own logs and its own outbound answers.
 */

/** Every row of every table the migrations made, counted. */
async function allRows(worker: TestWorker): Promise<number> {
  const { results } = await worker.db
    .prepare(
      `SELECT name FROM sqlite_master
       WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'`,
    )
    .all<{ name: string }>();
  assert.ok(results.length >= 8, 'the migrations made the tables');
  let rows = 0;
  for (const { name } of results) {
    rows += (await worker.db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).first<{ n: number }>())!
      .n;
  }
  return rows;
}

describe('a worker shared by the tests of a file', () => {
  const shared = sharedWorker(HTTP_MAIL, { outbound: true });
  let first: TestWorker | undefined;
  const firstProvider = fakeMailProvider();

  test('a test fills the database and sends mail through its own fake provider', async (t) => {
    const worker = await shared.fresh(t, { outbound: firstProvider.outbound });
    first = worker;
    assert.equal(await allRows(worker), 0, 'a new worker starts empty');
    const slug = unique('series');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72 });
    await registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail() });
    assert.equal(firstProvider.accepted().length, 2, 'the confirm request and the confirmation');
    firstProvider.answer = () => 503;
    await register(worker, slug, [workshop.id], { email: uniqueEmail() });
    assert.match(worker.logs(), /mail_send_failed/, 'a failed send is logged');
    assert.ok((await allRows(worker)) > 5);
  });

  test('the next test gets the same worker with nothing of the last test left', async (t) => {
    const provider = fakeMailProvider();
    const worker = await shared.fresh(t, { outbound: provider.outbound });
    assert.equal(worker.mf, first?.mf, 'the same Miniflare, not a new one');
    assert.equal(await allRows(worker), 0, 'every row is gone');
    assert.deepEqual(await storedCounts(worker.db), { registrations: 0, seats: 0 });
    assert.equal(worker.logs(), '', 'none of the last test’s logs');

    const slug = unique('series');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72 });
    const email = uniqueEmail();
    const id = await register(worker, slug, [workshop.id], { email });
    assert.equal(provider.accepted().length, 1, 'this test’s provider got this test’s mail');
    assert.equal(firstProvider.calls.length, 3, 'the last test’s provider got nothing more');
    assert.deepEqual(
      (await outbox(worker)).map((m) => [m.registrationId, m.to]),
      [[id, email]],
    );
  });

  test('a test that gives no outbound answer has none: the send fails, it is not sent elsewhere', async (t) => {
    const worker = await shared.fresh(t);
    const slug = unique('series');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72 });
    const id = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
    const [message] = await outbox(worker, { registrationId: id });
    assert.equal(message!.status, 'queued');
    assert.ok(message!.lastError, 'the attempt failed');
    assert.equal(firstProvider.calls.length, 3);
  });

  test('is not emptied for another test at the same time', async (t) => {
    const worker = await shared.fresh(t);
    const slug = unique('series');
    await createSeries(worker, slug);
    await assert.rejects(shared.fresh({ after: () => undefined }), /two tests at once/);
    assert.equal((await worker.fetch(`/api/v1/series/${slug}`)).status, 200, 'nothing emptied');
  });

  test('is free again once that test ended', async (t) => {
    assert.equal(await allRows(await shared.fresh(t)), 0);
  });
});

describe('a shared worker without outbound answers', () => {
  const shared = sharedWorker();
  test('refuses a test that brings one, rather than dropping it', async () => {
    await assert.rejects(
      shared.fresh(undefined, { outbound: fakeMailProvider().outbound }),
      /outbound: true/,
    );
  });
});
