import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  createSeries,
  createWorkshop,
  expectError,
  heldSeats,
  postRegistration,
  publicWorkshop,
  registrationStatus,
  runCron,
  settle,
  unique,
  uniqueEmail,
  validRegistration,
} from '../support/fixtures';

/**
 * Hold expiry folded into the seat check (issue 11, migration 0006): a registration request
 * expires nobody else's lapsed hold, yet a lapsed hold takes no seat from anyone.
 */
let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

async function oneSeat(capacity = 1) {
  const slug = unique('live');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity });
  return { slug, workshop };
}

async function registerAs(slug: string, workshopId: string, email: string) {
  const res = await postRegistration(worker, slug, validRegistration([workshopId], { email }));
  const body = (await res.json()) as { registration?: { id: string } };
  return { status: res.status, id: body.registration?.id };
}

/** Lets a pending registration's hold run out (as if an hour had passed). */
const lapse = (id: string) =>
  worker.db
    .prepare(`UPDATE registrations SET expires_at = ? WHERE id = ?`)
    .bind(Date.now() - 1, id)
    .run();

const statusOf = (id: string) => registrationStatus(worker, id);

describe('a lapsed hold, before the cron expires it', () => {
  test('counts for no one: the list shows the seat free and the next person takes it', async () => {
    const { slug, workshop } = await oneSeat();
    const first = await registerAs(slug, workshop.id, uniqueEmail());
    assert.equal(first.status, 201);
    await expectError(
      await postRegistration(worker, slug, validRegistration([workshop.id])),
      409,
      'workshop_full',
    );
    await lapse(first.id!);
    assert.equal((await publicWorkshop(worker, slug, workshop.id)).seatsLeft, 1);

    const second = await registerAs(slug, workshop.id, uniqueEmail());
    assert.equal(second.status, 201);
    // Nobody else's lapsed hold was written to: the request did not expire it, the cron will.
    assert.equal(await statusOf(first.id!), 'pending');
    assert.equal((await publicWorkshop(worker, slug, workshop.id)).seatsLeft, 0);
    await settle(worker);
    await runCron(worker, Date.now());
    assert.equal(await statusOf(first.id!), 'expired');
    assert.equal(await heldSeats(worker.db, workshop.id), 1);
  });

  test('the database still refuses a seat beyond capacity counting live holds only', async () => {
    const { slug, workshop } = await oneSeat();
    const first = await registerAs(slug, workshop.id, uniqueEmail());
    await lapse(first.id!);
    const live = await registerAs(slug, workshop.id, uniqueEmail());
    assert.equal(live.status, 201);
    // Straight into the table, past every check in the worker: the trigger alone says no.
    const now = Date.now();
    await worker.db
      .prepare(
        `INSERT INTO registrations (id, series_id, given_name, family_name, email, email_key,
           organization_type, locale, status, expires_at, created_at)
         SELECT 'direct', series_id, 'A', 'B', 'x@example.org', 'x@example.org', 'other', 'sk',
           'pending', ?1, ?2 FROM workshops WHERE id = ?3`,
      )
      .bind(now + 3_600_000, now, workshop.id)
      .run();
    await assert.rejects(
      worker.db
        .prepare(
          `INSERT INTO seats (registration_id, workshop_id, email_key, created_at)
           VALUES ('direct', ?, 'x@example.org', ?)`,
        )
        .bind(workshop.id, now)
        .run(),
      /workshop_full/,
    );
  });

  test('the same address registers anew: its own lapsed registration expires in the same batch', async () => {
    const { slug, workshop } = await oneSeat();
    const email = uniqueEmail();
    const first = await registerAs(slug, workshop.id, email);
    await lapse(first.id!);
    const again = await registerAs(slug, workshop.id, email);
    assert.equal(again.status, 201);
    assert.notEqual(again.id, first.id);
    assert.equal(await statusOf(first.id!), 'expired');
    assert.equal(await statusOf(again.id!), 'pending');
    assert.equal(await heldSeats(worker.db, workshop.id), 1);
  });

  test('a live hold of the same address is still kept (one seat per address)', async () => {
    const { slug, workshop } = await oneSeat(2);
    const email = uniqueEmail();
    const first = await registerAs(slug, workshop.id, email);
    const again = await registerAs(slug, workshop.id, email);
    assert.equal(again.status, 201);
    assert.equal(await statusOf(again.id!), null);
    assert.equal(await statusOf(first.id!), 'pending');
    assert.equal(await heldSeats(worker.db, workshop.id), 1);
  });
});
