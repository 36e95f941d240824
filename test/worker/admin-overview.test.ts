import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type {
  AdminRegistrationsResponse,
  AdminSeriesListResponse,
  AdminSeriesResponse,
  CancelWorkshopPreview,
} from '../../worker/contract';
import { adminGet, adminSend } from '../support/admin';
import type { TestWorker } from '../support/worker';
import {
  adminSeriesPath,
  adminWorkshopPath,
  cancelThroughManagePage,
  createSeries,
  createWorkshop,
  DAY,
  fakeMailProvider,
  HOUR,
  HTTP_MAIL,
  manageLink,
  onlyMessage,
  received,
  register,
  registerConfirmed,
  runCron,
  settle,
  testWorker,
  unique,
  uniqueEmail,
} from '../support/fixtures';
import { sharedWorker } from '../support/shared-worker';

/** One worker with the default bindings, emptied before the admin home's tests and the last test. */
const shared = sharedWorker();

describe('the admin home: every series, upcoming first, past ones archived', () => {
  let worker: TestWorker;
  before(async () => {
    worker = await shared.fresh();
  });

  test('orders and marks series, and counts their seats', async () => {
    const later = unique('later');
    const sooner = unique('sooner');
    const empty = unique('empty');
    const past = unique('past');
    const cancelled = unique('cancelled');
    for (const slug of [later, sooner, empty, past, cancelled]) await createSeries(worker, slug);
    const laterWorkshop = await createWorkshop(worker, later, { startsInHours: 5 * 24 });
    await createWorkshop(worker, sooner, { startsInHours: 2 * 24 });
    await createWorkshop(worker, past, { startsInHours: -10 * 24 });
    await createWorkshop(worker, cancelled, { startsInHours: -20 * 24 });
    const gone = await createWorkshop(worker, cancelled, { startsInHours: 3 * 24 });
    assert.equal(
      (await adminSend(worker, 'POST', `${adminWorkshopPath(gone.id)}/cancel`)).status,
      200,
    );
    await registerConfirmed(worker, later, [laterWorkshop.id], { email: uniqueEmail() });
    await register(worker, later, [laterWorkshop.id], { email: uniqueEmail() });

    const { series } = await adminGet<AdminSeriesListResponse>(worker, '/api/v1/admin/series');
    const ours = series.filter((s) => [later, sooner, empty, past, cancelled].includes(s.slug));
    assert.deepEqual(
      ours.map((s) => [s.slug, s.archived]),
      [
        [sooner, false],
        [later, false],
        [empty, false],
        // Archived, the most recently ended first. A cancelled workshop never took place: the
        // cancelled series' last one ended twenty days ago, the other's ten days ago.
        [past, true],
        [cancelled, true],
      ],
    );
    const laterSummary = ours.find((s) => s.slug === later)!;
    assert.deepEqual(laterSummary.seats, { confirmed: 1, pending: 1 });
    assert.equal(laterSummary.workshops, 1);
    assert.equal(laterSummary.upcomingWorkshops, 1);
    assert.equal(laterSummary.nextStartsAt, laterWorkshop.startsAt);
    const pastSummary = ours.find((s) => s.slug === past)!;
    assert.equal(pastSummary.upcomingWorkshops, 0);
    assert.equal(pastSummary.nextStartsAt, null);
    // Archived is a view, not a deletion: the series still answers.
    const detail = await adminGet<AdminSeriesResponse>(worker, adminSeriesPath(past));
    assert.equal(detail.archived, true);
    assert.equal(detail.workshops.length, 1);
  });
});

describe('a workshop at a glance', () => {
  test('counts seats by state, reminders by delivery and participants by organization type', async (t) => {
    // The provider refuses one address for good: that person's reminder fails.
    const provider = fakeMailProvider((mail) => (mail.to[0]!.startsWith('bob') ? 422 : 200));
    const worker = await testWorker(t, HTTP_MAIL, { outbound: provider.outbound });
    const slug = unique('glance');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 30, capacity: 10 });
    const ids = [workshop.id];
    const alice = await registerConfirmed(worker, slug, ids, {
      email: uniqueEmail('alice'),
      organizationType: 'municipality',
    });
    const bob = await registerConfirmed(worker, slug, ids, {
      email: uniqueEmail('bob'),
      organizationType: 'university',
    });
    const dave = await registerConfirmed(worker, slug, ids, { email: uniqueEmail('dave') });
    const daveMail = await onlyMessage(worker, { registrationId: dave, kind: 'confirmed' });
    await cancelThroughManagePage(worker, manageLink(await received(worker, daveMail)), 'all');
    await register(worker, slug, ids, { email: uniqueEmail('erin') });
    // A day later: erin's hold has run out, and the join links go out (bob's is refused).
    await runCron(worker, Date.now() + 25 * HOUR);
    await settle(worker);
    const carol = await register(worker, slug, ids, { email: uniqueEmail('carol') });

    const detail = await adminGet<AdminSeriesResponse>(worker, adminSeriesPath(slug));
    assert.deepEqual(detail.workshops[0]!.stats, {
      confirmed: 2,
      pending: 1,
      cancelled: 1,
      expired: 1,
      reminders: { queued: 0, sent: 1, failed: 1 },
      organizationTypes: {
        municipality: 1,
        region: 0,
        university: 1,
        state: 0,
        expert: 0,
        business: 0,
        other: 0,
      },
    });

    const preview = await adminGet<CancelWorkshopPreview>(
      worker,
      `${adminWorkshopPath(workshop.id)}/cancel-preview`,
    );
    const { countedAt, version, workshop: read, ...counts } = preview;
    assert.deepEqual(counts, {
      workshopId: workshop.id,
      alreadyCancelled: false,
      notified: { confirmed: 2, pending: 1, total: 3 },
      haveJoinLink: 1,
      inLine: 0,
    });
    assert.ok(Date.parse(countedAt) > 0);
    assert.equal(read.version, version);

    const { registrations } = await adminGet<AdminRegistrationsResponse>(
      worker,
      `${adminSeriesPath(slug)}/registrations?workshop=${workshop.id}`,
    );
    const reminderOf = (id: string) =>
      registrations.find((r) => r.id === id)!.seats.map((s) => [s.status, s.reminder]);
    assert.deepEqual(reminderOf(alice), [['held', 'sent']]);
    assert.deepEqual(reminderOf(bob), [['held', 'failed']]);
    assert.deepEqual(reminderOf(carol), [['held', 'not_due']]);
    assert.deepEqual(reminderOf(dave), [['released', 'not_due']]);

    // The preview said who would be told; cancelling tells exactly them.
    assert.equal(
      (await adminSend(worker, 'POST', `${adminWorkshopPath(workshop.id)}/cancel`)).status,
      200,
    );
    await settle(worker);
    const told = provider.calls.filter((c) => c.body.subject.startsWith('Workshop sa neuskutoční'));
    assert.equal(new Set(told.map((c) => c.body.to[0])).size, 3);
    const after = await adminGet<CancelWorkshopPreview>(
      worker,
      `${adminWorkshopPath(workshop.id)}/cancel-preview`,
    );
    assert.deepEqual(after.notified, { confirmed: 0, pending: 0, total: 0 });
    assert.equal(after.alreadyCancelled, true);
  });

  test('keeps counting participants after retention deleted who they were', async (t) => {
    const worker = await shared.fresh(t);
    const slug = unique('anonymous');
    await createSeries(worker, slug, { retentionDays: 1 });
    const workshop = await createWorkshop(worker, slug, { startsInHours: 3 });
    for (const organizationType of ['municipality', 'expert', 'expert']) {
      await registerConfirmed(worker, slug, [workshop.id], {
        email: uniqueEmail(organizationType),
        organizationType,
        organization: 'X',
      });
    }
    await runCron(worker, Date.now() + 3 * DAY);
    const detail = await adminGet<AdminSeriesResponse>(worker, adminSeriesPath(slug));
    const { stats } = detail.workshops[0]!;
    assert.equal(stats.confirmed, 0, 'nobody is on record any more');
    assert.equal(stats.organizationTypes.municipality, 1);
    assert.equal(stats.organizationTypes.expert, 2);
  });
});
