import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  adminMessages,
  cancelThroughManagePage,
  createSeries,
  createWorkshop,
  DAY,
  HOUR,
  manageLink,
  onlyMessage,
  register,
  registerConfirmed,
  registrationStatus,
  runCron,
  unique,
  uniqueEmail,
} from '../support/fixtures';

const count = async (worker: TestWorker, sql: string, ...values: unknown[]) =>
  (await worker.db
    .prepare(`SELECT COUNT(*) AS n FROM ${sql}`)
    .bind(...values)
    .first<{ n: number }>())!.n;

/** Every row anywhere that still mentions this address or registration. */
async function tracesOf(worker: TestWorker, email: string, id: string) {
  return {
    registrations: await count(worker, 'registrations WHERE id = ?1 OR email_key = ?2', id, email),
    seats: await count(worker, 'seats WHERE registration_id = ?1 OR email_key = ?2', id, email),
    tokens: await count(worker, 'tokens WHERE registration_id = ?', id),
    outbox: await count(
      worker,
      'outbox WHERE registration_id = ?1 OR to_address = ?2 OR text_body LIKE ?3',
      id,
      email,
      `%${email}%`,
    ),
  };
}

/** One worker: the second test's cron runs come after the first test's data is gone anyway. */
let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

const NONE = { registrations: 0, seats: 0, tokens: 0, outbox: 0 };

async function attendance(worker: TestWorker, workshopId: string) {
  const { results } = await worker.db
    .prepare(
      'SELECT organization_type, participants FROM attendance_counts WHERE workshop_id = ? ORDER BY 1',
    )
    .bind(workshopId)
    .all<{ organization_type: string; participants: number }>();
  return Object.fromEntries(results.map((r) => [r.organization_type, r.participants]));
}

test('personal data goes 30 days after the last workshop, leaving anonymous counts of confirmed seats', async () => {
  const slug = unique('series');
  const series = (await createSeries(worker, slug)) as { retentionDays?: number };
  assert.equal(series.retentionDays, 30, 'the default');
  const past = await createWorkshop(worker, slug, { startsInHours: 72 });
  const later = await createWorkshop(worker, slug, { startsInHours: 40 * 24 });
  const end = Date.parse(past.endsAt);

  const people = {
    town1: { email: uniqueEmail(), organizationType: 'municipality', organization: 'Obec A' },
    town2: { email: uniqueEmail(), organizationType: 'municipality', organization: 'Obec B' },
    uni: { email: uniqueEmail(), organizationType: 'university', organization: 'STU' },
    cancelled: { email: uniqueEmail(), organizationType: 'university', organization: 'UK' },
  };
  const ids: Record<string, string> = {};
  for (const key of ['town1', 'town2', 'uni', 'cancelled'] as const) {
    ids[key] = await registerConfirmed(worker, slug, [past.id], people[key]);
  }
  const cancelLink = manageLink(
    await onlyMessage(worker, { registrationId: ids.cancelled!, kind: 'confirmed' }),
  );
  assert.equal((await cancelThroughManagePage(worker, cancelLink, 'all')).status, 200);
  // Someone who also holds a seat in a workshop still to come.
  const stays = { email: uniqueEmail(), organizationType: 'state', organization: 'MIRRI' };
  const staysId = await registerConfirmed(worker, slug, [past.id, later.id], stays);
  // The reminders went out: their bodies (with the join link) are personal data too.
  await runCron(worker, Date.parse(past.startsAt) - 23 * HOUR);

  await runCron(worker, end + 29 * DAY);
  for (const [key, person] of Object.entries(people)) {
    assert.notEqual(await registrationStatus(worker, ids[key]!), null, `${key} kept at 29 days`);
    assert.ok((await tracesOf(worker, person.email, ids[key]!)).outbox > 0);
  }
  assert.deepEqual(await attendance(worker, past.id), {});

  await runCron(worker, end + 31 * DAY);
  for (const [key, person] of Object.entries(people)) {
    assert.deepEqual(await tracesOf(worker, person.email, ids[key]!), NONE, `${key} deleted`);
  }
  assert.deepEqual(await attendance(worker, past.id), { municipality: 2, university: 1 });
  assert.equal(await registrationStatus(worker, staysId), 'confirmed', 'still to come: kept');
  assert.ok((await tracesOf(worker, stays.email, staysId)).outbox > 0);
  const listed = await adminMessages(worker, slug);
  assert.ok(
    listed.every((m) => m.registrationId === staysId),
    'only the kept one’s messages',
  );
  // The workshops themselves (not personal data) stay.
  assert.equal(await count(worker, 'workshops WHERE id = ?', past.id), 1);

  // Their turn comes 30 days after their last workshop; both their seats are counted then.
  await runCron(worker, Date.parse(later.endsAt) + 31 * DAY);
  assert.deepEqual(await tracesOf(worker, stays.email, staysId), NONE);
  assert.deepEqual(await attendance(worker, past.id), { municipality: 2, state: 1, university: 1 });
  assert.deepEqual(await attendance(worker, later.id), { state: 1 });
});

test('a series keeps personal data as long as its retentionDays says', async () => {
  const slug = unique('series');
  const series = (await createSeries(worker, slug, { retentionDays: 365 })) as {
    retentionDays?: number;
  };
  assert.equal(series.retentionDays, 365);
  const workshop = await createWorkshop(worker, slug, { startsInHours: 72 });
  const end = Date.parse(workshop.endsAt);
  const id = await registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail() });

  await runCron(worker, end + 31 * DAY);
  assert.equal(await registrationStatus(worker, id), 'confirmed');
  await runCron(worker, end + 364 * DAY);
  assert.equal(await registrationStatus(worker, id), 'confirmed');
  await runCron(worker, end + 366 * DAY);
  assert.equal(await registrationStatus(worker, id), null);
  assert.deepEqual(await attendance(worker, workshop.id), { municipality: 1 });
});

test('a registration never confirmed goes a week after its hold ended, uncounted', async () => {
  const slug = unique('series');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug, { startsInHours: 20 * 24 });
  const email = uniqueEmail();
  const id = await register(worker, slug, [workshop.id], { email });
  const { expires_at: expiresAt } = (await worker.db
    .prepare('SELECT expires_at FROM registrations WHERE id = ?')
    .bind(id)
    .first<{ expires_at: number }>())!;

  await runCron(worker, expiresAt + HOUR);
  assert.equal(await registrationStatus(worker, id), 'expired');
  await runCron(worker, expiresAt + 6 * DAY);
  assert.equal(await registrationStatus(worker, id), 'expired', 'kept for a week');
  await runCron(worker, expiresAt + 8 * DAY);
  assert.deepEqual(await tracesOf(worker, email, id), NONE);
  assert.deepEqual(await attendance(worker, workshop.id), {});
});
