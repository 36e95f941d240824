import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { AuditResponse } from '../../worker/contract';
import { adminGet, adminSend, everyTable } from '../support/admin';
import { asAdmin, startTestWorker, type TestWorker } from '../support/worker';
import {
  adminWorkshopPath,
  createSeries,
  createWorkshop,
  fromNow,
  heldSeats,
  HOUR,
  outbox,
  publicWorkshop,
  registerConfirmed,
  settle,
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

/** Someone whose every detail is unlike anything else in the database. */
const person = () => {
  const tag = unique('zz');
  return {
    givenName: `Zuzelka-${tag}`,
    familyName: `Xylofónová-${tag}`,
    email: uniqueEmail(`zuzelka-${tag}`),
    organization: `Obec Qwertyová ${tag}`,
    role: `Kronikárka ${tag}`,
  };
};

/** The tables (and what in them) that still mention any of `needles`. */
async function traces(needles: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const [table, rows] of Object.entries(await everyTable(worker))) {
    for (const needle of needles) if (rows.includes(needle)) found.push(`${table}: ${needle}`);
  }
  return found;
}

const anonymousCount = async (workshopId: string) =>
  (await worker.db
    .prepare(
      'SELECT COALESCE(SUM(participants), 0) AS n FROM attendance_counts WHERE workshop_id = ?',
    )
    .bind(workshopId)
    .first<{ n: number }>())!.n;

test('an organizer erases a person completely: no table keeps anything of them', async () => {
  const slug = unique('erase');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug, { capacity: 5 });
  const who = person();
  const id = await registerConfirmed(worker, slug, [workshop.id], who);
  // An admin action on them, so that the audit log names their registration too.
  assert.equal(
    (await adminSend(worker, 'POST', `/api/v1/admin/registrations/${id}/resend-confirmation`))
      .status,
    202,
  );
  await settle(worker);
  const messageIds = (await outbox(worker, { registrationId: id })).map((m) => m.id);
  const needles = [id, ...Object.values(who), ...messageIds];
  assert.ok((await traces(needles)).length > 0, 'stored before');
  assert.ok(
    (await traces([id])).some((t) => t.startsWith('audit_log')),
    'the audit log names the id',
  );
  assert.equal((await publicWorkshop(worker, slug, workshop.id)).seatsLeft, 4);

  const response = await erase(id);
  assert.equal(response.status, 204);
  assert.deepEqual(await traces(needles), []);
  assert.equal(await heldSeats(worker.db, workshop.id), 0);
  assert.equal((await publicWorkshop(worker, slug, workshop.id)).seatsLeft, 5, 'the seat is free');
  assert.equal(await anonymousCount(workshop.id), 0, 'not counted: the workshop is still to come');

  // The audit log keeps that someone was erased, and by whom, but not whom.
  const { entries } = await adminGet<AuditResponse>(worker, `/api/v1/admin/audit?series=${slug}`);
  assert.deepEqual(
    entries
      .filter((e) => e.target?.type === 'registration')
      .map((e) => [e.action, e.actor, e.target]),
    [
      ['registration.erase', 'admin token', { type: 'registration', id: null }],
      ['registration.resend_confirmation', 'admin token', { type: 'registration', id: null }],
    ],
  );
});

test('erasing after the workshop keeps the person in the anonymous counts', async () => {
  const slug = unique('erase-past');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug, { capacity: 5 });
  const who = person();
  const id = await registerConfirmed(worker, slug, [workshop.id], {
    ...who,
    organizationType: 'region',
  });
  const moved = await adminSend(worker, 'PATCH', adminWorkshopPath(workshop.id), {
    startsAt: fromNow(-3 * HOUR),
    endsAt: fromNow(-1 * HOUR),
  });
  assert.equal(moved.status, 200);
  await settle(worker);

  assert.equal((await erase(id)).status, 204);
  assert.deepEqual(await traces([id, ...Object.values(who)]), []);
  const row = await worker.db
    .prepare('SELECT organization_type, participants FROM attendance_counts WHERE workshop_id = ?')
    .bind(workshop.id)
    .first();
  assert.deepEqual(row, { organization_type: 'region', participants: 1 });
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

/** How often each string occurs in the files under `dir` (database, write-ahead log, …). */
function occurrences(dir: string, needles: string[]): Record<string, number> {
  const files = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const path = join(d, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  const found = Object.fromEntries(needles.map((n) => [n, 0]));
  for (const file of files(dir)) {
    const bytes = readFileSync(file);
    for (const needle of needles) {
      for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
        found[needle]!++;
      }
    }
  }
  return found;
}

/**
 * Ordinary later activity, condensed: writes enough pages that SQLite checkpoints the write-ahead
 * log into the database file and then reuses the log from its start (as it does every ~1000 pages).
 */
async function laterActivity(db: TestWorker['db']): Promise<void> {
  await db.exec('CREATE TABLE IF NOT EXISTS later_activity (b BLOB)');
  for (let round = 0; round < 3; round++) {
    await db
      .prepare(
        `INSERT INTO later_activity
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200)
         SELECT zeroblob(3000) FROM n`,
      )
      .run();
    await db.prepare('DELETE FROM later_activity').run();
  }
}

test('after an erasure the local database files hold no trace of the person', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'erase-'));
  const local = await startTestWorker({}, { persistTo: dir });
  t.after(async () => {
    await local.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  // D1 does not let a worker turn on SQLite's secure_delete, so the worker scrubs rows itself.
  await assert.rejects(local.db.prepare('PRAGMA secure_delete = ON').run(), /not authorized/);

  const slug = unique('erase');
  await createSeries(local, slug);
  const workshop = await createWorkshop(local, slug, { capacity: 50 });
  const person = {
    givenName: 'Qwzxyvbnurt',
    familyName: 'Plkzhtrsmqw',
    email: 'qwzxyvbnurt.plkzhtrsmqw@example.org',
    organization: 'Obec Vrkqzptlyn',
  };
  const needles = [person.givenName, person.familyName, person.email, person.organization];
  // Neighbours on the same pages, before and after, and long enough ago to be in the file proper.
  for (let i = 0; i < 4; i++)
    await registerConfirmed(local, slug, [workshop.id], { email: uniqueEmail() });
  const id = await registerConfirmed(local, slug, [workshop.id], person);
  for (let i = 0; i < 4; i++)
    await registerConfirmed(local, slug, [workshop.id], { email: uniqueEmail() });
  await laterActivity(local.db);
  assert.ok(
    Object.values(occurrences(dir, needles)).every((n) => n > 0),
    'the files hold the person',
  );

  assert.equal(
    (await local.fetch(`/api/v1/admin/registrations/${id}`, asAdmin({ method: 'DELETE' }))).status,
    204,
  );
  await laterActivity(local.db);
  assert.deepEqual(occurrences(dir, needles), Object.fromEntries(needles.map((n) => [n, 0])));
});
