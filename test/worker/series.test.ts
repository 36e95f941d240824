import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoSeries } from '../../demo/content';
import { asAdmin, json, startTestWorker, type TestWorker } from '../support/worker';
import {
  adminWorkshopPath,
  createSeries,
  createWorkshop,
  expectError,
  fromNow,
  HOUR,
  postRegistration,
  publicWorkshop,
  seriesPath,
  unique,
  validRegistration,
  type PublicSeries,
  type PublicWorkshop,
} from '../support/fixtures';

interface SeriesResponse {
  series: PublicSeries;
  workshops: PublicWorkshop[];
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('GET /api/v1/series/:slug', () => {
  let worker: TestWorker;
  before(async () => {
    worker = await startTestWorker();
  });
  after(() => worker.dispose());

  async function getSeries(slug: string): Promise<SeriesResponse> {
    const res = await worker.fetch(seriesPath(slug));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    return (await res.json()) as SeriesResponse;
  }

  test('returns the series with its public fields', async () => {
    const slug = unique('series');
    await createSeries(worker, slug);
    const { series } = await getSeries(slug);
    assert.deepEqual(series, {
      slug,
      title: demoSeries.title,
      description: demoSeries.description,
      privacyUrl: demoSeries.privacyUrl,
      organizer: demoSeries.organizer,
      joinLinkLead: { sk: '24 hodín', en: '24 hours' },
    });
  });

  test('says when the join link goes out as the series has it set', async () => {
    const slug = unique('series');
    await createSeries(worker, slug, { reminders: { leadMinutes: 120, secondLeadMinutes: null } });
    assert.deepEqual((await getSeries(slug)).series.joinLinkLead, {
      sk: '2 hodiny',
      en: '2 hours',
    });
    await createSeries(worker, slug, { reminders: { leadMinutes: 60, secondLeadMinutes: null } });
    assert.deepEqual((await getSeries(slug)).series.joinLinkLead, { sk: 'hodinu', en: 'an hour' });
  });

  test('lists a workshop with exactly the public fields', async () => {
    const slug = unique('series');
    await createSeries(worker, slug);
    const created = await createWorkshop(worker, slug, { capacity: 12 });
    const { workshops } = await getSeries(slug);
    assert.deepEqual(workshops, [
      {
        id: created.id,
        title: created.title,
        description: created.description,
        startsAt: created.startsAt,
        endsAt: created.endsAt,
        when: created.when,
        capacity: 12,
        seatsLeft: 12,
        registrationOpen: true,
        // Only once it is full (issue 12).
        waitlistOpen: false,
      },
    ]);
  });

  test('lists only workshops that have not started, soonest first', async () => {
    const slug = unique('series');
    await createSeries(worker, slug);
    const later = await createWorkshop(worker, slug, { startsInHours: 72 });
    await createWorkshop(worker, slug, { startsInHours: -2 }); // over
    await createWorkshop(worker, slug, { startsInHours: -1 }); // under way
    const soonest = await createWorkshop(worker, slug, { startsInHours: 1 });
    const middle = await createWorkshop(worker, slug, { startsInHours: 24 });
    const { workshops } = await getSeries(slug);
    assert.deepEqual(
      workshops.map((w) => w.id),
      [soonest.id, middle.id, later.id],
    );
  });

  test('lists only the workshops of the requested series', async () => {
    const mine = unique('series');
    const other = unique('series');
    await createSeries(worker, mine);
    await createSeries(worker, other);
    const own = await createWorkshop(worker, mine);
    await createWorkshop(worker, other);
    const { workshops } = await getSeries(mine);
    assert.deepEqual(
      workshops.map((w) => w.id),
      [own.id],
    );
  });

  test('gives times as ISO 8601 in UTC, whatever offset the organizer used', async () => {
    const slug = unique('series');
    await createSeries(worker, slug);
    const created = await createWorkshop(worker, slug, {
      startsAt: '2099-05-25T10:00:00+02:00',
      endsAt: '2099-05-25T12:30:00+02:00',
    });
    const workshop = await publicWorkshop(worker, slug, created.id);
    assert.match(workshop.startsAt, ISO_UTC);
    assert.match(workshop.endsAt, ISO_UTC);
    assert.equal(workshop.startsAt, '2099-05-25T08:00:00.000Z');
    assert.equal(workshop.endsAt, '2099-05-25T10:30:00.000Z');
  });

  test('words the times as people read them, in Bratislava time and both languages', async () => {
    const slug = unique('series');
    await createSeries(worker, slug);
    const created = await createWorkshop(worker, slug, {
      startsAt: '2099-05-25T08:00:00Z',
      endsAt: '2099-05-25T10:30:00Z',
    });
    const workshop = await publicWorkshop(worker, slug, created.id);
    // workerd's own ICU, as the widget shows it (the wording: test/worker/mail-format.test.ts).
    assert.deepEqual(workshop.when, {
      sk: 'pondelok 25.\u00a0mája\u00a02099, 10:00\u00a0–\u00a012:30',
      en: 'Monday 25\u00a0May\u00a02099, 10:00\u00a0–\u00a012:30',
    });
  });

  test('never shows join links or who registered', async () => {
    const slug = unique('series');
    await createSeries(worker, slug);
    const created = await createWorkshop(worker, slug);
    const person = {
      givenName: 'Xaverína',
      familyName: 'Zverejnená',
      email: 'xaverina.zverejnena@example.org',
      organization: 'Obec Tajomná',
      role: 'Starostka Tajná',
    };
    const reg = await postRegistration(worker, slug, validRegistration([created.id], person));
    assert.equal(reg.status, 201);

    const res = await worker.fetch(seriesPath(slug));
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.ok(text.includes(created.id), 'the workshop is listed');
    assert.ok(!text.includes(created.joinUrl), 'no join link');
    assert.ok(!text.includes('joinUrl'), 'no joinUrl key');
    assert.ok(!text.includes('meet.example.gov.sk'), 'no join host');
    for (const value of Object.values(person)) {
      assert.ok(!text.includes(value), `does not contain ${value}`);
    }
  });

  test('answers 404 series_not_found for an unknown slug', async () => {
    await expectError(await worker.fetch(seriesPath('no-such-series')), 404, 'series_not_found');
  });

  test('shows registration open until registrationClosesAt and closed after it', async () => {
    const slug = unique('series');
    await createSeries(worker, slug);
    const closed = await createWorkshop(worker, slug, { registrationClosesAt: fromNow(-HOUR) });
    const open = await createWorkshop(worker, slug, { registrationClosesAt: fromNow(HOUR) });
    assert.equal((await publicWorkshop(worker, slug, closed.id)).registrationOpen, false);
    assert.equal((await publicWorkshop(worker, slug, open.id)).registrationOpen, true);
  });

  test('counts held seats in seatsLeft', async () => {
    const slug = unique('series');
    await createSeries(worker, slug);
    const created = await createWorkshop(worker, slug, { capacity: 5 });
    for (const email of ['first@example.org', 'second@example.org']) {
      const res = await postRegistration(worker, slug, validRegistration([created.id], { email }));
      assert.equal(res.status, 201);
    }
    const workshop = await publicWorkshop(worker, slug, created.id);
    assert.equal(workshop.capacity, 5);
    assert.equal(workshop.seatsLeft, 3);
  });

  test('never shows seatsLeft below 0 when capacity drops below the seats taken', async () => {
    const slug = unique('series');
    await createSeries(worker, slug);
    const created = await createWorkshop(worker, slug, { capacity: 3 });
    for (const email of ['a@example.org', 'b@example.org', 'c@example.org']) {
      const res = await postRegistration(worker, slug, validRegistration([created.id], { email }));
      assert.equal(res.status, 201);
    }
    const patch = await worker.fetch(
      adminWorkshopPath(created.id),
      asAdmin(json('PATCH', { capacity: 1 })),
    );
    assert.equal(patch.status, 200);
    const workshop = await publicWorkshop(worker, slug, created.id);
    assert.equal(workshop.capacity, 1);
    assert.equal(workshop.seatsLeft, 0);
  });
});
