import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  confirmLink,
  confirmThroughPage,
  createSeries,
  createWorkshop,
  MINUTE,
  onlyMessage,
  postRegistration,
  received,
  register,
  registrationStatus,
  runCron,
  settle,
  unique,
  uniqueEmail,
  validRegistration,
} from '../support/fixtures';
import { seatStatus } from '../support/waitlist-fixtures';

/**
 * Lapsed holds expire in one place (services/holds.ts over db/registrations.ts `expirePending`):
 * the cron expires all of them; a request expires only its own registration's, when it meets it.
 * A confirmation is no longer a write over every lapsed hold (issue 11), with the same
 * guarantees: the seat guard and the waiting-list fill do not count a lapsed hold.
 */

let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

const lapse = (id: string, at = Date.now() - MINUTE) =>
  worker.db.prepare('UPDATE registrations SET expires_at = ? WHERE id = ?').bind(at, id).run();

const seatOf = (registrationId: string, workshopId: string) =>
  seatStatus(worker, registrationId, workshopId);

async function confirm(registrationId: string) {
  const request = await onlyMessage(worker, { registrationId, kind: 'confirm_request' });
  const res = await confirmThroughPage(worker, confirmLink(await received(worker, request)));
  const page = await res.text();
  assert.equal(res.status, 200);
  await settle(worker);
  return page;
}

async function workshopOf(capacity: number) {
  const slug = unique('expiry');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity });
  return { slug, workshop };
}

describe('lapsed holds expire in one place', () => {
  test('a confirmation leaves other people’s lapsed holds to the cron', async () => {
    const { slug, workshop } = await workshopOf(5);
    const a = await register(worker, slug, [workshop.id], { email: uniqueEmail('a') });
    const b = await register(worker, slug, [workshop.id], { email: uniqueEmail('b') });
    await lapse(a);
    await lapse(b);
    const c = await register(worker, slug, [workshop.id], { email: uniqueEmail('c') });
    await confirm(c);
    assert.equal(await registrationStatus(worker, c), 'confirmed');
    assert.equal(await registrationStatus(worker, a), 'pending', 'not written by the confirmation');
    assert.equal(await registrationStatus(worker, b), 'pending');
    await runCron(worker, Date.now());
    assert.equal(await registrationStatus(worker, a), 'expired');
    assert.equal(await seatOf(b, workshop.id), 'released');
  });

  test('a late confirmation expires only its own registration, and takes back its free seat', async () => {
    const { slug, workshop } = await workshopOf(5);
    const a = await register(worker, slug, [workshop.id], { email: uniqueEmail('a') });
    const b = await register(worker, slug, [workshop.id], { email: uniqueEmail('b') });
    await lapse(a);
    await lapse(b);
    await confirm(a);
    assert.equal(await registrationStatus(worker, a), 'confirmed');
    assert.equal(await seatOf(a, workshop.id), 'held');
    assert.equal(await registrationStatus(worker, b), 'pending');
  });

  test('the same address registering again expires only its own lapsed registration', async () => {
    const { slug, workshop } = await workshopOf(5);
    const email = uniqueEmail('again');
    const a = await register(worker, slug, [workshop.id], { email });
    const b = await register(worker, slug, [workshop.id], { email: uniqueEmail('b') });
    await lapse(a);
    await lapse(b);
    const again = await register(worker, slug, [workshop.id], { email });
    assert.equal(await registrationStatus(worker, a), 'expired');
    assert.equal(await seatOf(again, workshop.id), 'held');
    assert.equal(await registrationStatus(worker, b), 'pending');
  });

  test('a person in line confirming gets a seat a lapsed hold left at once, never over capacity', async () => {
    const { slug, workshop } = await workshopOf(1);
    const script = await register(worker, slug, [workshop.id], { email: uniqueEmail('script') });
    const res = await postRegistration(
      worker,
      slug,
      validRegistration([workshop.id], {
        email: uniqueEmail('waiting'),
        waitlistWorkshopIds: [workshop.id],
      }),
    );
    assert.equal(res.status, 201);
    const waiting = ((await res.json()) as { registration: { id: string } }).registration.id;
    await settle(worker);
    await lapse(script);
    await confirm(waiting);
    assert.equal(await seatOf(waiting, workshop.id), 'held', 'moved in by the confirmation');
    const live = await worker.db
      .prepare(
        `SELECT COUNT(*) AS n FROM seats s JOIN registrations r ON r.id = s.registration_id
         WHERE s.workshop_id = ? AND s.status = 'held'
           AND (r.status <> 'pending' OR r.expires_at > ?)`,
      )
      .bind(workshop.id, Date.now())
      .first<{ n: number }>();
    assert.equal(live!.n, 1);
    // The script's hold is gone for good at the next cron run; it cannot come back.
    await runCron(worker, Date.now());
    assert.equal(await seatOf(script, workshop.id), 'released');
    assert.equal(await seatOf(waiting, workshop.id), 'held');
  });

  test('the statements that expire a hold are written once, in db/registrations.ts', () => {
    const root = new URL('../../worker/src/', import.meta.url).pathname;
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.ts'),
    );
    const where = (pattern: RegExp) =>
      files.filter((f) => pattern.test(readFileSync(join(root, f), 'utf8')));
    assert.deepEqual(where(/registrations SET status = 'expired'/), ['db/registrations.ts']);
    assert.deepEqual(where(/released_at = \?1?, release_reason = 'expired'/), [
      'db/registrations.ts',
    ]);
  });
});
