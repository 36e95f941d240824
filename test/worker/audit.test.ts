import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AuditEntry, AuditResponse } from '../../worker/contract';
import { adminGet, adminSend } from '../support/admin';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  adminSeriesPath,
  adminWorkshopPath,
  createSeries,
  createWorkshop,
  expectError,
  expectFieldErrors,
  register,
  registerConfirmed,
  seriesBody,
  settle,
  unique,
  uniqueEmail,
  workshopBody,
} from '../support/fixtures';

let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

const auditOf = async (slug: string, query = '') =>
  adminGet<AuditResponse>(worker, `/api/v1/admin/audit?series=${slug}${query}`);

const row = (e: AuditEntry) => [e.action, e.target?.type ?? null, e.target?.id ?? null];

test('every admin action is recorded: what, on which record, when, by whom; newest first', async () => {
  const slug = unique('audited');
  const started = Date.now();
  await createSeries(worker, slug);
  await createSeries(worker, slug, { retentionDays: 60 });
  const workshop = await createWorkshop(worker, slug, { startsInHours: 10 });
  const other = await createWorkshop(worker, slug);
  assert.equal(
    (await adminSend(worker, 'PATCH', adminWorkshopPath(other.id), { capacity: 7 })).status,
    200,
  );
  const email = uniqueEmail('audited');
  const id = await registerConfirmed(worker, slug, [workshop.id, other.id], {
    email,
    givenName: 'Auditovaná',
  });
  await settle(worker);
  const person = `/api/v1/admin/registrations/${id}`;
  assert.equal((await adminSend(worker, 'POST', `${person}/resend-confirmation`)).status, 202);
  assert.equal(
    (await adminSend(worker, 'POST', `${person}/resend-join-link`, { workshopId: workshop.id }))
      .status,
    202,
  );
  assert.equal(
    (await adminSend(worker, 'POST', `${person}/cancel`, { workshopIds: [other.id] })).status,
    200,
  );
  assert.equal(
    (await adminSend(worker, 'GET', `${adminSeriesPath(slug)}/registrations.csv`)).status,
    200,
  );
  assert.equal(
    (await adminSend(worker, 'GET', `${adminWorkshopPath(workshop.id)}/registrations.csv`)).status,
    200,
  );
  assert.equal(
    (await adminSend(worker, 'POST', `${adminSeriesPath(slug)}/messages/retry`)).status,
    200,
  );
  assert.equal(
    (await adminSend(worker, 'POST', `${adminWorkshopPath(other.id)}/cancel`)).status,
    200,
  );
  const pending = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
  assert.equal(
    (await adminSend(worker, 'DELETE', `/api/v1/admin/registrations/${pending}`)).status,
    204,
  );

  const { entries, next } = await auditOf(slug);
  assert.equal(next, null);
  assert.deepEqual(entries.map(row), [
    ['registration.erase', 'registration', null],
    ['workshop.cancel', 'workshop', other.id],
    ['messages.retry', 'series', slug],
    ['export.workshop', 'workshop', workshop.id],
    ['export.series', 'series', slug],
    ['registration.cancel', 'registration', id],
    ['registration.resend_join_link', 'registration', id],
    ['registration.resend_confirmation', 'registration', id],
    ['workshop.update', 'workshop', other.id],
    ['workshop.create', 'workshop', other.id],
    ['workshop.create', 'workshop', workshop.id],
    ['series.update', 'series', slug],
    ['series.create', 'series', slug],
  ]);
  for (const entry of entries) {
    assert.equal(entry.actor, 'admin token');
    assert.equal(entry.series, slug);
    assert.ok(Date.parse(entry.at) >= started - 1000 && Date.parse(entry.at) <= Date.now());
  }
  assert.deepEqual(entries.find((e) => e.action === 'registration.cancel')!.detail, {
    workshopIds: [other.id],
  });
  assert.deepEqual(entries.find((e) => e.action === 'registration.resend_join_link')!.detail, {
    workshopId: workshop.id,
  });
  assert.deepEqual(entries.find((e) => e.action === 'workshop.cancel')!.detail, { notified: 0 });
  // Record ids only: not the person's address or name, anywhere in the log.
  const stored = JSON.stringify((await worker.db.prepare('SELECT * FROM audit_log').all()).results);
  assert.ok(!stored.includes(email) && !stored.includes('Auditovaná'));
});

test('what was refused, or only read, is not an action', async () => {
  const slug = unique('refused');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug);
  const before = (await auditOf(slug)).entries.length;
  await expectFieldErrors(
    await adminSend(worker, 'PUT', adminSeriesPath(slug), seriesBody({ privacyUrl: 'http://x' })),
    { privacyUrl: 'invalid_url' },
  );
  await expectFieldErrors(
    await adminSend(
      worker,
      'POST',
      `${adminSeriesPath(slug)}/workshops`,
      workshopBody({ capacity: -1 }),
    ),
    { capacity: 'too_small' },
  );
  const id = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
  await expectError(
    await adminSend(worker, 'POST', `/api/v1/admin/registrations/${id}/resend-join-link`, {
      workshopId: workshop.id,
    }),
    409,
    'no_seat',
  );
  await adminGet(worker, adminSeriesPath(slug));
  await adminGet(worker, `${adminSeriesPath(slug)}/registrations`);
  assert.equal((await auditOf(slug)).entries.length, before);
});

test('pages through the log with a cursor, and filters by series', async () => {
  const slug = unique('paged');
  await createSeries(worker, slug);
  for (let i = 0; i < 4; i++) await createWorkshop(worker, slug);
  const all = (await auditOf(slug)).entries;
  assert.equal(all.length, 5);
  const seen: AuditEntry[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const page: AuditResponse = await auditOf(slug, `&limit=2${cursor ? `&before=${cursor}` : ''}`);
    assert.ok(page.entries.length <= 2);
    seen.push(...page.entries);
    cursor = page.next;
  }
  assert.deepEqual(seen, all);
  const everything = await adminGet<AuditResponse>(worker, '/api/v1/admin/audit?limit=200');
  assert.ok(
    everything.entries.some((e) => e.series !== slug),
    'without a series: all of them',
  );
  await expectError(
    await adminSend(worker, 'GET', '/api/v1/admin/audit?series=no-such-series'),
    404,
    'series_not_found',
  );
  await expectFieldErrors(await adminSend(worker, 'GET', '/api/v1/admin/audit?limit=0'), {
    limit: 'too_small',
  });
});
