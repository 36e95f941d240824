import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { asAdmin, startTestWorker, type TestWorker } from '../support/worker';
import {
  createSeries,
  createWorkshop,
  heldSeats,
  publicWorkshop,
  registerConfirmed,
  storedCounts,
  unique,
  uniqueEmail,
} from '../support/fixtures';

let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

const erase = (id: string, init: RequestInit = asAdmin({ method: 'DELETE' })) =>
  worker.fetch(`/api/v1/admin/registrations/${id}`, init);

const tracesOf = async (id: string, email: string) => {
  const row = await worker.db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM registrations WHERE id = ?1 OR email = ?2)
            + (SELECT COUNT(*) FROM seats WHERE registration_id = ?1)
            + (SELECT COUNT(*) FROM tokens WHERE registration_id = ?1)
            + (SELECT COUNT(*) FROM outbox WHERE registration_id = ?1 OR to_address = ?2) AS n`,
    )
    .bind(id, email)
    .first<{ n: number }>();
  return row!.n;
};

test('an organizer erases a person completely: data, seats, tokens and sent mail', async () => {
  const slug = unique('erase');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug, { capacity: 5 });
  const email = uniqueEmail('erase');
  const id = await registerConfirmed(worker, slug, [workshop.id], { email });
  assert.ok((await tracesOf(id, email)) > 0);
  assert.equal((await publicWorkshop(worker, slug, workshop.id)).seatsLeft, 4);

  const response = await erase(id);
  assert.equal(response.status, 204);
  assert.equal(await tracesOf(id, email), 0);
  assert.equal(await heldSeats(worker.db, workshop.id), 0);
  assert.equal((await publicWorkshop(worker, slug, workshop.id)).seatsLeft, 5, 'the seat is free');
  const counts = await worker.db
    .prepare('SELECT COUNT(*) AS n FROM attendance_counts WHERE workshop_id = ?')
    .bind(workshop.id)
    .first<{ n: number }>();
  assert.equal(counts!.n, 0, 'an erased person is not counted either');
});

test('erasing needs the admin token and a known registration', async () => {
  const slug = unique('erase');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug);
  const id = await registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail() });
  const before = await storedCounts(worker.db);

  assert.equal((await erase(id, { method: 'DELETE' })).status, 401);
  const unknown = await erase('no-such-registration');
  assert.equal(unknown.status, 404);
  assert.equal(
    ((await unknown.json()) as { error: { code: string } }).error.code,
    'registration_not_found',
  );
  assert.deepEqual(await storedCounts(worker.db), before, 'nothing changed');
});
