import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  createSeries,
  createWorkshop,
  heldSeats,
  postRegistration,
  publicWorkshop,
  unique,
  validRegistration,
  type ErrorBody,
  type RegistrationBody,
} from '../support/fixtures';

const CAPACITY = 10;
const CONTENDERS = 60;

/** Fires all registrations at once and returns each status with its parsed body. */
async function registerAtOnce(worker: TestWorker, slug: string, bodies: unknown[]) {
  return Promise.all(
    bodies.map(async (body) => {
      const res = await postRegistration(worker, slug, body);
      return { status: res.status, body: (await res.json()) as RegistrationBody & ErrorBody };
    }),
  );
}

const count = (db: TestWorker['db'], sql: string, ...values: unknown[]) =>
  db
    .prepare(sql)
    .bind(...values)
    .first<{ n: number }>()
    .then((row) => row!.n);

describe('capacity under concurrent registrations', () => {
  let worker: TestWorker;
  let slug: string;
  before(async () => {
    worker = await startTestWorker();
    slug = unique('series');
    await createSeries(worker, slug);
  });
  after(() => worker.dispose());

  test(`${CONTENDERS} people at once for ${CAPACITY} seats: exactly ${CAPACITY} get one`, async () => {
    const workshop = await createWorkshop(worker, slug, { capacity: CAPACITY });
    const bodies = Array.from({ length: CONTENDERS }, (_, i) =>
      validRegistration([workshop.id], { email: `solo-${i}@example.org` }),
    );
    const results = await registerAtOnce(worker, slug, bodies);

    assert.deepEqual(
      results.filter((r) => r.status >= 500),
      [],
      'no server errors',
    );
    const won = results.filter((r) => r.status === 201);
    const lost = results.filter((r) => r.status === 409);
    assert.equal(won.length, CAPACITY);
    assert.equal(lost.length, CONTENDERS - CAPACITY);
    for (const { body } of lost) {
      assert.equal(body.error.code, 'workshop_full');
      assert.deepEqual(body.error.workshopIds, [workshop.id]);
    }
    assert.equal(new Set(won.map((r) => r.body.registration.id)).size, CAPACITY);

    assert.equal((await publicWorkshop(worker, slug, workshop.id)).seatsLeft, 0);
    assert.equal(await heldSeats(worker.db, workshop.id), CAPACITY);
    assert.equal(
      await count(worker.db, "SELECT COUNT(*) AS n FROM registrations WHERE email LIKE 'solo-%'"),
      CAPACITY,
    );
  });

  test('a registration for two workshops takes both seats or neither, even at once', async () => {
    const plenty = await createWorkshop(worker, slug, { capacity: 1000 });
    const scarce = await createWorkshop(worker, slug, { capacity: CAPACITY });
    const bodies = Array.from({ length: CONTENDERS }, (_, i) =>
      validRegistration(i % 2 ? [plenty.id, scarce.id] : [scarce.id, plenty.id], {
        email: `pair-${i}@example.org`,
      }),
    );
    const results = await registerAtOnce(worker, slug, bodies);

    assert.deepEqual(
      results.filter((r) => r.status >= 500),
      [],
      'no server errors',
    );
    const won = results.filter((r) => r.status === 201);
    const lost = results.filter((r) => r.status === 409);
    assert.equal(won.length, CAPACITY);
    assert.equal(lost.length, CONTENDERS - CAPACITY);
    for (const { body } of lost) {
      assert.equal(body.error.code, 'workshop_full');
      assert.deepEqual(body.error.workshopIds, [scarce.id]);
    }

    assert.equal(await heldSeats(worker.db, scarce.id), CAPACITY);
    assert.equal(await heldSeats(worker.db, plenty.id), CAPACITY);
    assert.equal((await publicWorkshop(worker, slug, plenty.id)).seatsLeft, 1000 - CAPACITY);
    // Every stored registration holds both seats; no refused one left anything behind.
    assert.equal(
      await count(worker.db, "SELECT COUNT(*) AS n FROM registrations WHERE email LIKE 'pair-%'"),
      CAPACITY,
    );
    assert.equal(
      await count(
        worker.db,
        `SELECT COUNT(*) AS n FROM registrations r
         WHERE r.email LIKE 'pair-%'
           AND (SELECT COUNT(*) FROM seats s WHERE s.registration_id = r.id) = 2`,
      ),
      CAPACITY,
    );
  });

  test('the same address sent many times at once holds one seat', async () => {
    const workshop = await createWorkshop(worker, slug, { capacity: 5 });
    const email = `${unique('eager')}@example.org`;
    const bodies = Array.from({ length: 20 }, (_, i) =>
      validRegistration([workshop.id], { email: i % 2 ? email.toUpperCase() : ` ${email}` }),
    );
    const results = await registerAtOnce(worker, slug, bodies);

    assert.deepEqual(
      results.map((r) => r.status),
      bodies.map(() => 201),
    );
    assert.equal(await heldSeats(worker.db, workshop.id), 1);
    assert.equal((await publicWorkshop(worker, slug, workshop.id)).seatsLeft, 4);
    // No stored registration is left without the seat its confirmation e-mail would promise.
    const seatless = await worker.db
      .prepare(
        `SELECT COUNT(*) AS n FROM registrations r WHERE r.email_key = ?
           AND NOT EXISTS (SELECT 1 FROM seats s WHERE s.registration_id = r.id)`,
      )
      .bind(email)
      .first<{ n: number }>();
    assert.equal(seatless!.n, 0);
  });
});
