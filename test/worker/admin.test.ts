import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoSeries } from '../../demo/content';
import { formatWhen } from '../../worker/src/mail/format';
import { adminRequests } from '../support/admin';
import { ADMIN_TOKEN, asAdmin, json, startTestWorker, type TestWorker } from '../support/worker';
import {
  adminSeriesPath,
  adminWorkshopPath,
  createSeries,
  createWorkshop,
  DAY,
  expectError,
  expectFieldErrors,
  fromNow,
  HOUR,
  postRegistration,
  seriesBody,
  seriesPath,
  unique,
  validRegistration,
  workshopBody,
  type AdminWorkshop,
  type PublicSeries,
} from '../support/fixtures';
import { sharedWorker } from '../support/shared-worker';

/** One worker for the describe blocks below with the default bindings, emptied before each. */
const shared = sharedWorker();

const withAuthorization = (authorization: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), authorization },
});

async function expectUnauthorized(res: Response): Promise<void> {
  await expectError(res, 401, 'unauthorized');
  assert.equal(res.headers.get('www-authenticate'), 'Bearer');
}

describe('admin authentication', () => {
  let worker: TestWorker;
  before(async () => {
    worker = await shared.fresh();
  });

  const badCredentials: [string, string | undefined][] = [
    ['no Authorization header', undefined],
    ['a wrong token', 'Bearer not-the-admin-token'],
    ['a prefix of the token', `Bearer ${ADMIN_TOKEN.slice(0, -1)}`],
    ['the token with a character more', `Bearer ${ADMIN_TOKEN}x`],
    ['an empty Bearer', 'Bearer '],
    ['the bare scheme', 'Bearer'],
    ['the token without a scheme', ADMIN_TOKEN],
    ['Basic credentials', `Basic ${btoa(`admin:${ADMIN_TOKEN}`)}`],
    ['the token as Basic', `Basic ${ADMIN_TOKEN}`],
    ['two tokens', `Bearer ${ADMIN_TOKEN} ${ADMIN_TOKEN}`],
  ];

  for (const [what, authorization] of badCredentials) {
    test(`refuses ${what} with 401 on every admin path`, async () => {
      for (const [path, init] of adminRequests()) {
        const res = await worker.fetch(
          path,
          authorization === undefined ? init : withAuthorization(authorization, init),
        );
        await expectUnauthorized(res);
      }
    });
  }

  test('a refused request changes nothing', async () => {
    const slug = unique('refused');
    const res = await worker.fetch(
      adminSeriesPath(slug),
      withAuthorization('Bearer wrong', json('PUT', seriesBody())),
    );
    await expectUnauthorized(res);
    await expectError(await worker.fetch(seriesPath(slug)), 404, 'series_not_found');
  });

  test('answers 404 not_found for an unknown admin path once authenticated', async () => {
    await expectError(
      await worker.fetch('/api/v1/admin/no-such-thing', asAdmin()),
      404,
      'not_found',
    );
  });
});

describe('admin without a configured token', () => {
  let worker: TestWorker;
  before(async () => {
    worker = await startTestWorker({ ADMIN_TOKEN: '' });
  });
  after(() => worker.dispose());

  test('refuses everything, whatever token is sent', async () => {
    for (const authorization of [
      undefined,
      'Bearer ',
      'Bearer',
      'Bearer  ',
      `Bearer ${ADMIN_TOKEN}`,
      'Bearer undefined',
      'Bearer null',
    ]) {
      for (const [path, init] of adminRequests()) {
        const res = await worker.fetch(
          path,
          authorization === undefined ? init : withAuthorization(authorization, init),
        );
        await expectUnauthorized(res);
      }
    }
  });
});

describe('admin series', () => {
  let worker: TestWorker;
  before(async () => {
    worker = await shared.fresh();
  });

  const putSeries = (slug: string, body: unknown) =>
    worker.fetch(adminSeriesPath(slug), asAdmin(json('PUT', body)));

  test('PUT creates a series with 201 and returns it', async () => {
    const slug = unique('new');
    const res = await putSeries(slug, seriesBody());
    assert.equal(res.status, 201);
    const { series } = (await res.json()) as { series: PublicSeries & { version: string } };
    assert.match(series.version, /^"\d+"$/);
    assert.deepEqual(series, {
      version: series.version,
      slug,
      ...demoSeries,
      retentionDays: 30,
      allowedOrigins: [],
      // Issue 12's defaults: the join link a day before, no second reminder.
      reminders: { leadMinutes: 1440, secondLeadMinutes: null },
      joinLinkLead: { sk: '24 hodín', en: '24 hours' },
    });
    const pub = await worker.fetch(seriesPath(slug));
    assert.equal(pub.status, 200);
  });

  test('PUT without retentionDays keeps the series’ retention period', async () => {
    const slug = unique('retention');
    assert.equal((await putSeries(slug, seriesBody({ retentionDays: 3650 }))).status, 201);
    const res = await putSeries(slug, seriesBody({ title: { sk: 'Nový', en: 'New' } }));
    assert.equal(res.status, 200);
    const { series } = (await res.json()) as { series: { retentionDays: number } };
    assert.equal(series.retentionDays, 3650);
  });

  test('PUT on an existing series updates it with 200', async () => {
    const slug = unique('update');
    await createSeries(worker, slug);
    const changed = seriesBody({
      title: { sk: 'Nový názov', en: 'New title' },
      privacyUrl: 'https://example.gov.sk/privacy',
      organizer: { name: 'Obec Príkladová', email: 'obec@example.sk' },
    });
    const res = await putSeries(slug, changed);
    assert.equal(res.status, 200);
    const pub = (await (await worker.fetch(seriesPath(slug))).json()) as { series: PublicSeries };
    assert.deepEqual(pub.series, {
      slug,
      ...changed,
      joinLinkLead: { sk: '24 hodín', en: '24 hours' },
    });
    const rows = await worker.db
      .prepare('SELECT COUNT(*) AS n FROM series WHERE slug = ?')
      .bind(slug)
      .first<{ n: number }>();
    assert.equal(rows!.n, 1);
  });

  test('PUT without a description stores empty descriptions', async () => {
    const slug = unique('plain');
    const res = await putSeries(slug, seriesBody({ description: undefined }));
    assert.equal(res.status, 201);
    const { series } = (await res.json()) as { series: PublicSeries };
    assert.deepEqual(series.description, { sk: '', en: '' });
  });

  test('PUT refuses a malformed slug with fields.slug and stores nothing', async () => {
    const seriesCount = async () =>
      (await worker.db.prepare('SELECT COUNT(*) AS n FROM series').first<{ n: number }>())!.n;
    const before = await seriesCount();
    const slugs = [
      'Bad%20Slug',
      'UPPER',
      'Mixed-Case',
      '-dash-first',
      'dash-last-',
      'two--dashes',
      'snake_case',
      'a.b',
      'x'.repeat(65),
      '%C5%A1tart',
    ];
    for (const slug of slugs) {
      const body = await expectError(await putSeries(slug, seriesBody()), 422, 'validation');
      assert.ok(body.error.fields?.slug, `fields.slug for ${slug}`);
    }
    assert.equal(await seriesCount(), before);
  });

  test('PUT takes a Slovak-only series: English left out or blank is stored as ""', async () => {
    for (const title of [{ sk: 'Len po slovensky' }, { sk: 'Len po slovensky', en: '  ' }]) {
      const slug = unique('slovak');
      const res = await putSeries(slug, seriesBody({ title, description: { sk: 'Popis' } }));
      assert.equal(res.status, 201, await res.clone().text());
      const pub = (await (await worker.fetch(seriesPath(slug))).json()) as { series: PublicSeries };
      assert.deepEqual(pub.series.title, { sk: 'Len po slovensky', en: '' });
      assert.deepEqual(pub.series.description, { sk: 'Popis', en: '' });
    }
  });

  test('PUT still needs the Slovak title', async () => {
    const slug = unique('untitled');
    await expectFieldErrors(await putSeries(slug, seriesBody({ title: { en: 'English only' } })), {
      'title.sk': 'required',
    });
    await expectError(await worker.fetch(seriesPath(slug)), 404, 'series_not_found');
  });

  test('PUT requires an https privacy URL', async () => {
    const slug = unique('privacy');
    for (const privacyUrl of [
      'http://example.gov.sk/privacy',
      'not a url',
      'ftp://example.sk/x',
      'javascript:alert(1)',
    ]) {
      await expectFieldErrors(await putSeries(slug, seriesBody({ privacyUrl })), {
        privacyUrl: 'invalid_url',
      });
    }
    await expectFieldErrors(await putSeries(slug, seriesBody({ privacyUrl: undefined })), {
      privacyUrl: 'required',
    });
  });

  test('PUT requires an organizer with a valid e-mail', async () => {
    const slug = unique('organizer');
    await expectFieldErrors(
      await putSeries(slug, seriesBody({ organizer: { name: '', email: 'no-at-sign' } })),
      { 'organizer.name': 'required', 'organizer.email': 'invalid_email' },
    );
    await expectFieldErrors(await putSeries(slug, seriesBody({ organizer: undefined })), {
      organizer: 'required',
    });
  });

  test('GET shows every workshop, past ones too, with admin fields', async () => {
    const slug = unique('overview');
    await createSeries(worker, slug);
    const past = await createWorkshop(worker, slug, { startsInHours: -48, capacity: 4 });
    const upcoming = await createWorkshop(worker, slug, { startsInHours: 48, capacity: 4 });
    const reg = await postRegistration(worker, slug, validRegistration([upcoming.id]));
    assert.equal(reg.status, 201);

    const res = await worker.fetch(adminSeriesPath(slug), asAdmin());
    assert.equal(res.status, 200);
    const body = (await res.json()) as { series: PublicSeries; workshops: AdminWorkshop[] };
    assert.equal(body.series.slug, slug);
    assert.deepEqual(
      body.workshops.map((w) => w.id),
      [past.id, upcoming.id],
    );
    const [p, u] = body.workshops;
    assert.equal(p!.joinUrl, past.joinUrl);
    assert.equal(p!.registrationOpen, false);
    assert.equal(u!.joinUrl, upcoming.joinUrl);
    assert.equal(u!.seatsTaken, 1);
    assert.equal(u!.seatsLeft, 3);
    assert.equal(u!.registrationClosesAt, u!.startsAt);
  });

  test('GET answers 404 series_not_found for an unknown series', async () => {
    await expectError(
      await worker.fetch(adminSeriesPath('no-such-series'), asAdmin()),
      404,
      'series_not_found',
    );
  });
});

describe('admin workshops', () => {
  let worker: TestWorker;
  let slug: string;
  before(async () => {
    worker = await shared.fresh();
    slug = unique('series');
    await createSeries(worker, slug);
  });

  const postWorkshop = (body: unknown, series = slug) =>
    worker.fetch(`${adminSeriesPath(series)}/workshops`, asAdmin(json('POST', body)));
  const patchWorkshop = (id: string, body: unknown) =>
    worker.fetch(adminWorkshopPath(id), asAdmin(json('PATCH', body)));
  const workshopCount = async () =>
    (await worker.db.prepare('SELECT COUNT(*) AS n FROM workshops').first<{ n: number }>())!.n;

  async function expectRejected(body: unknown, fields: Record<string, string>) {
    const before = await workshopCount();
    await expectFieldErrors(await postWorkshop(body), fields);
    assert.equal(await workshopCount(), before, 'nothing stored');
  }

  test('POST creates a workshop with 201 and returns the admin view', async () => {
    const body = workshopBody({ capacity: 25 });
    const res = await postWorkshop(body);
    assert.equal(res.status, 201);
    const { workshop } = (await res.json()) as { workshop: AdminWorkshop };
    assert.match(workshop.id, /^\S{8,}$/);
    assert.match(workshop.version, /^"\d+"$/);
    assert.deepEqual(
      { ...workshop, id: 'x', version: 'v' },
      {
        id: 'x',
        version: 'v',
        title: body.title,
        description: body.description,
        startsAt: body.startsAt,
        endsAt: body.endsAt,
        when: {
          sk: formatWhen(Date.parse(String(body.startsAt)), Date.parse(String(body.endsAt)), 'sk'),
          en: formatWhen(Date.parse(String(body.startsAt)), Date.parse(String(body.endsAt)), 'en'),
        },
        capacity: 25,
        seatsLeft: 25,
        seatsTaken: 0,
        registrationOpen: true,
        joinUrl: body.joinUrl,
        registrationClosesAt: body.startsAt,
        cancelledAt: null,
        // Issue 12's defaults: a waiting list (not open while seats are left), no follow-up.
        waitlist: true,
        waitlistOpen: false,
        waitlistMode: 'auto',
        offerMinutes: 1440,
        followUp: null,
      },
    );
  });

  test('POST keeps an explicit registrationClosesAt', async () => {
    const closesAt = fromNow(DAY);
    const workshop = await createWorkshop(worker, slug, {
      startsInHours: 72,
      registrationClosesAt: closesAt,
    });
    assert.equal(workshop.registrationClosesAt, closesAt);
  });

  test('POST without a description stores empty descriptions', async () => {
    const workshop = await createWorkshop(worker, slug, { description: undefined });
    assert.deepEqual(workshop.description, { sk: '', en: '' });
  });

  test('POST refuses an end at or before the start with ends_before_start', async () => {
    const startsAt = fromNow(5 * DAY);
    await expectRejected(workshopBody({ startsAt, endsAt: startsAt }), {
      endsAt: 'ends_before_start',
    });
    await expectRejected(workshopBody({ startsAt, endsAt: fromNow(5 * DAY - HOUR) }), {
      endsAt: 'ends_before_start',
    });
  });

  test('POST refuses a closing time after the start with closes_after_start', async () => {
    await expectRejected(
      workshopBody({ startsInHours: 24, registrationClosesAt: fromNow(25 * HOUR) }),
      { registrationClosesAt: 'closes_after_start' },
    );
  });

  test('POST refuses a datetime without an offset with invalid_datetime', async () => {
    await expectRejected(workshopBody({ startsAt: '2099-05-25T10:00:00' }), {
      startsAt: 'invalid_datetime',
    });
    await expectRejected(workshopBody({ endsAt: '2099-05-25 12:00' }), {
      endsAt: 'invalid_datetime',
    });
    await expectRejected(workshopBody({ registrationClosesAt: 'tomorrow' }), {
      registrationClosesAt: 'invalid_datetime',
    });
  });

  test('POST refuses a negative, fractional or textual capacity', async () => {
    for (const capacity of [-1, 1.5, '10', null, 1e9]) {
      const before = await workshopCount();
      const res = await postWorkshop(workshopBody({ capacity }));
      const body = await expectError(res, 422, 'validation');
      assert.ok(body.error.fields?.capacity, `fields.capacity for ${capacity}`);
      assert.equal(await workshopCount(), before);
    }
  });

  test('POST requires an https join link', async () => {
    await expectRejected(workshopBody({ joinUrl: 'http://meet.example.sk/x' }), {
      joinUrl: 'invalid_url',
    });
    await expectRejected(workshopBody({ joinUrl: undefined }), { joinUrl: 'required' });
  });

  test('POST answers 404 series_not_found for an unknown series', async () => {
    await expectError(
      await postWorkshop(workshopBody(), 'no-such-series'),
      404,
      'series_not_found',
    );
  });

  test('PATCH changes only the given fields', async () => {
    const before = await createWorkshop(worker, slug, { capacity: 8 });
    const res = await patchWorkshop(before.id, { title: { sk: 'Nový', en: 'New' } });
    assert.equal(res.status, 200);
    const { workshop } = (await res.json()) as { workshop: AdminWorkshop };
    // Each change moves the version (the If-Match of the next edit).
    assert.notEqual(workshop.version, before.version);
    assert.deepEqual(workshop, {
      ...before,
      title: { sk: 'Nový', en: 'New' },
      version: workshop.version,
    });
    const again = (await patchWorkshop(before.id, { capacity: 12 }).then((r) => r.json())) as {
      workshop: AdminWorkshop;
    };
    assert.notEqual(again.workshop.version, workshop.version);
    assert.deepEqual(again.workshop, {
      ...before,
      title: { sk: 'Nový', en: 'New' },
      capacity: 12,
      seatsLeft: 12,
      version: again.workshop.version,
    });
  });

  test('PATCH answers 404 workshop_not_found for an unknown id', async () => {
    await expectError(
      await patchWorkshop('no-such-workshop', { capacity: 5 }),
      404,
      'workshop_not_found',
    );
  });

  test('PATCH moving the start moves a default closing time along', async () => {
    const created = await createWorkshop(worker, slug, { startsInHours: 48 });
    assert.equal(created.registrationClosesAt, created.startsAt);
    const startsAt = fromNow(96 * HOUR);
    const endsAt = fromNow(98 * HOUR);
    const res = await patchWorkshop(created.id, { startsAt, endsAt });
    assert.equal(res.status, 200);
    const { workshop } = (await res.json()) as { workshop: AdminWorkshop };
    assert.equal(workshop.startsAt, startsAt);
    assert.equal(workshop.registrationClosesAt, startsAt);
  });

  test('PATCH moving the start keeps an explicit closing time', async () => {
    const closesAt = fromNow(24 * HOUR);
    const created = await createWorkshop(worker, slug, {
      startsInHours: 48,
      registrationClosesAt: closesAt,
    });
    const res = await patchWorkshop(created.id, {
      startsAt: fromNow(96 * HOUR),
      endsAt: fromNow(98 * HOUR),
    });
    assert.equal(res.status, 200);
    const { workshop } = (await res.json()) as { workshop: AdminWorkshop };
    assert.equal(workshop.registrationClosesAt, closesAt);
  });

  test('PATCH checks the schedule of the changed workshop as a whole', async () => {
    const created = await createWorkshop(worker, slug, { startsInHours: 48 });
    await expectFieldErrors(await patchWorkshop(created.id, { startsAt: fromNow(72 * HOUR) }), {
      endsAt: 'ends_before_start',
    });
    await expectFieldErrors(
      await patchWorkshop(created.id, { registrationClosesAt: fromNow(49 * HOUR) }),
      { registrationClosesAt: 'closes_after_start' },
    );
    await expectFieldErrors(await patchWorkshop(created.id, { capacity: -1 }), {
      capacity: 'too_small',
    });
    const res = await worker.fetch(adminSeriesPath(slug), asAdmin());
    const { workshops } = (await res.json()) as {
      workshops: (AdminWorkshop & { stats: unknown; inLine: number })[];
    };
    const stored = workshops.find((w) => w.id === created.id)!;
    // The series view adds the numbers at a glance (stats, the line's length) to the workshop.
    assert.deepEqual(
      { ...stored, stats: undefined, inLine: undefined },
      { ...created, stats: undefined, inLine: undefined },
      'unchanged',
    );
  });

  test('PATCH can lower capacity below the seats taken; seatsLeft stays at 0', async () => {
    const created = await createWorkshop(worker, slug, { capacity: 3 });
    for (const email of ['p1@example.org', 'p2@example.org']) {
      const reg = await postRegistration(worker, slug, validRegistration([created.id], { email }));
      assert.equal(reg.status, 201);
    }
    const res = await patchWorkshop(created.id, { capacity: 1 });
    assert.equal(res.status, 200);
    const { workshop } = (await res.json()) as { workshop: AdminWorkshop };
    assert.equal(workshop.capacity, 1);
    assert.equal(workshop.seatsTaken, 2);
    assert.equal(workshop.seatsLeft, 0);
  });
});

describe('admin registrations', () => {
  let worker: TestWorker;
  before(async () => {
    worker = await shared.fresh();
  });

  interface Listed {
    id: string;
    givenName: string;
    familyName: string;
    email: string;
    organizationType: string;
    organization: string;
    role: string;
    locale: string;
    status: string;
    createdAt: string;
    workshopIds: string[];
  }

  const listRegistrations = async (slug: string): Promise<Listed[]> => {
    const res = await worker.fetch(`${adminSeriesPath(slug)}/registrations`, asAdmin());
    assert.equal(res.status, 200);
    return ((await res.json()) as { registrations: Listed[] }).registrations;
  };

  test('lists registrations with personal data and held workshops', async () => {
    const slug = unique('listed');
    await createSeries(worker, slug);
    const a = await createWorkshop(worker, slug);
    const b = await createWorkshop(worker, slug);
    const person = validRegistration([a.id, b.id], {
      givenName: 'Ľudmila',
      familyName: 'Šťastná',
      email: 'ludmila@example.org',
      organizationType: 'region',
      organization: 'Trnavský samosprávny kraj',
      role: 'Projektová manažérka',
      locale: 'en',
    });
    const created = (await (await postRegistration(worker, slug, person)).json()) as {
      registration: { id: string };
    };

    const [listed, ...rest] = await listRegistrations(slug);
    assert.deepEqual(rest, []);
    assert.equal(listed!.id, created.registration.id);
    assert.deepEqual(
      {
        givenName: listed!.givenName,
        familyName: listed!.familyName,
        email: listed!.email,
        organizationType: listed!.organizationType,
        organization: listed!.organization,
        role: listed!.role,
        locale: listed!.locale,
        status: listed!.status,
      },
      {
        givenName: 'Ľudmila',
        familyName: 'Šťastná',
        email: 'ludmila@example.org',
        organizationType: 'region',
        organization: 'Trnavský samosprávny kraj',
        role: 'Projektová manažérka',
        locale: 'en',
        status: 'pending',
      },
    );
    assert.deepEqual([...listed!.workshopIds].sort(), [a.id, b.id].sort());
    assert.ok(Math.abs(Date.parse(listed!.createdAt) - Date.now()) < 60_000);
  });

  test('lists one held seat per address and workshop across repeated registrations', async () => {
    const slug = unique('repeats');
    await createSeries(worker, slug);
    const w = await createWorkshop(worker, slug);
    for (const email of ['repeat@example.org', 'REPEAT@example.org']) {
      assert.equal(
        (await postRegistration(worker, slug, validRegistration([w.id], { email }))).status,
        201,
      );
    }
    const listed = await listRegistrations(slug);
    // A repeat that asks for nothing new stores nothing new (the owner is told by e-mail).
    assert.equal(listed.length, 1);
    assert.deepEqual(
      listed.flatMap((r) => r.workshopIds),
      [w.id],
    );
  });

  test('lists only the registrations of the requested series', async () => {
    const mine = unique('mine');
    const other = unique('other');
    await createSeries(worker, mine);
    await createSeries(worker, other);
    const w = await createWorkshop(worker, other);
    assert.equal((await postRegistration(worker, other, validRegistration([w.id]))).status, 201);
    assert.deepEqual(await listRegistrations(mine), []);
    assert.equal((await listRegistrations(other)).length, 1);
  });

  test('answers 404 series_not_found for an unknown series', async () => {
    await expectError(
      await worker.fetch(`${adminSeriesPath('no-such-series')}/registrations`, asAdmin()),
      404,
      'series_not_found',
    );
  });
});
