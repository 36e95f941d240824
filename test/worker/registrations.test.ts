import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestWorker, type TestWorker } from '../support/worker';
import { ACCEPTED_EMAILS, REFUSED_EMAILS } from '../support/email-addresses';
import {
  createSeries,
  createWorkshop,
  expectError,
  expectFieldErrors,
  fromNow,
  heldSeats,
  HOUR,
  postRegistration,
  publicWorkshop,
  storedCounts,
  unique,
  validRegistration,
  type AdminWorkshop,
  type RegistrationBody,
} from '../support/fixtures';

const ORGANIZATION_TYPES = [
  'municipality',
  'region',
  'university',
  'state',
  'expert',
  'business',
  'other',
];

interface RegistrationRow {
  id: string;
  given_name: string;
  family_name: string;
  email: string;
  email_key: string;
  organization_type: string;
  organization: string;
  role: string;
  locale: string;
  status: string;
}

let worker: TestWorker;
/** A series with two roomy workshops, shared by tests that only need somewhere to register. */
let slug: string;
let roomy: AdminWorkshop;
let roomy2: AdminWorkshop;

before(async () => {
  worker = await startTestWorker();
  slug = unique('series');
  await createSeries(worker, slug);
  roomy = await createWorkshop(worker, slug, { capacity: 10_000 });
  roomy2 = await createWorkshop(worker, slug, { capacity: 10_000, startsInHours: 200 });
});
after(() => worker.dispose());

const registrationRow = (id: string) =>
  worker.db.prepare('SELECT * FROM registrations WHERE id = ?').bind(id).first<RegistrationRow>();

async function expectRegistered(res: Response): Promise<RegistrationBody['registration']> {
  const text = await res.text();
  assert.equal(res.status, 201, text);
  const body = JSON.parse(text) as RegistrationBody;
  assert.deepEqual(Object.keys(body), ['registration']);
  assert.deepEqual(Object.keys(body.registration).sort(), [
    'id',
    'status',
    'waitlist',
    'workshopIds',
  ]);
  assert.equal(body.registration.status, 'pending');
  return body.registration;
}

/** Runs a request that must fail and checks that it stored nothing. */
async function storesNothing(request: () => Promise<Response>): Promise<Response> {
  const before = await storedCounts(worker.db);
  const res = await request();
  assert.deepEqual(await storedCounts(worker.db), before, 'nothing was stored');
  return res;
}

describe('POST /api/v1/series/:slug/registrations: success', () => {
  test('answers 201 with the registration id, status and workshop ids', async () => {
    const email = `${unique('person')}@example.org`;
    const registration = await expectRegistered(
      await postRegistration(worker, slug, validRegistration([roomy.id], { email })),
    );
    assert.match(registration.id, /^\S{8,}$/);
    assert.deepEqual(registration.workshopIds, [roomy.id]);
  });

  test('stores the person and a held seat', async () => {
    const email = `${unique('stored')}@example.org`;
    const body = validRegistration([roomy.id], {
      email,
      organizationType: 'university',
      organization: 'Žilinská univerzita',
      role: 'Docentka',
      locale: 'en',
    });
    const { id } = await expectRegistered(await postRegistration(worker, slug, body));
    const row = await registrationRow(id);
    assert.ok(row);
    assert.equal(row.given_name, body.givenName);
    assert.equal(row.family_name, body.familyName);
    assert.equal(row.email, email);
    assert.equal(row.organization_type, 'university');
    assert.equal(row.organization, 'Žilinská univerzita');
    assert.equal(row.role, 'Docentka');
    assert.equal(row.locale, 'en');
    assert.equal(row.status, 'pending');
    const seats = await worker.db
      .prepare('SELECT workshop_id, status FROM seats WHERE registration_id = ?')
      .bind(id)
      .all();
    assert.deepEqual(seats.results, [{ workshop_id: roomy.id, status: 'held' }]);
  });

  test('takes a seat in every chosen workshop', async () => {
    const before = [await heldSeats(worker.db, roomy.id), await heldSeats(worker.db, roomy2.id)];
    const email = `${unique('both')}@example.org`;
    const registration = await expectRegistered(
      await postRegistration(worker, slug, validRegistration([roomy.id, roomy2.id], { email })),
    );
    assert.deepEqual(registration.workshopIds, [roomy.id, roomy2.id]);
    assert.deepEqual(
      [await heldSeats(worker.db, roomy.id), await heldSeats(worker.db, roomy2.id)],
      [before[0]! + 1, before[1]! + 1],
    );
  });

  test('accepts every organization type', async () => {
    for (const organizationType of ORGANIZATION_TYPES) {
      const email = `${unique(organizationType)}@example.org`;
      const { id } = await expectRegistered(
        await postRegistration(
          worker,
          slug,
          validRegistration([roomy.id], { email, organizationType }),
        ),
      );
      assert.equal((await registrationRow(id))?.organization_type, organizationType);
    }
  });

  test('accepts an expert without an organization, and anyone without a role', async () => {
    for (const organization of [undefined, null, '', '   ']) {
      const email = `${unique('expert')}@example.org`;
      const body = validRegistration([roomy.id], {
        email,
        organizationType: 'expert',
        organization,
        role: undefined,
      });
      const { id } = await expectRegistered(await postRegistration(worker, slug, body));
      const row = await registrationRow(id);
      assert.equal(row?.organization, '');
      assert.equal(row?.role, '');
    }
  });

  test('accepts both locales and stores the chosen one', async () => {
    for (const locale of ['sk', 'en']) {
      const email = `${unique(locale)}@example.org`;
      const { id } = await expectRegistered(
        await postRegistration(worker, slug, validRegistration([roomy.id], { email, locale })),
      );
      assert.equal((await registrationRow(id))?.locale, locale);
    }
  });

  test('accepts unicode names and stores them exactly, trimmed', async () => {
    const names = [
      ['Ľudmila', 'Šťastná-Ďurovičová'],
      ['Seán', "O'Brien"],
      ['明', '王'],
      ['Ana 🌻', 'Núñez 👩‍💻'],
      ['Ærøskøbing', 'Ünal'],
    ] as const;
    for (const [givenName, familyName] of names) {
      const email = `${unique('unicode')}@example.org`;
      const body = validRegistration([roomy.id], {
        email: `  ${email} `,
        givenName: ` ${givenName}  `,
        familyName: `\t${familyName} `,
        organization: ` Obec Hruštín `,
        role: ` Starosta `,
      });
      const { id } = await expectRegistered(await postRegistration(worker, slug, body));
      const row = await registrationRow(id);
      assert.equal(row?.given_name, givenName);
      assert.equal(row?.family_name, familyName);
      assert.equal(row?.email, email);
      assert.equal(row?.organization, 'Obec Hruštín');
      assert.equal(row?.role, 'Starosta');
    }
  });

  test('accepts the longest allowed names, organization and role', async () => {
    const body = validRegistration([roomy.id], {
      email: `${unique('long')}@example.org`,
      givenName: 'G'.repeat(100),
      familyName: 'Ž'.repeat(100),
      organization: 'O'.repeat(200),
      role: 'R'.repeat(100),
    });
    const { id } = await expectRegistered(await postRegistration(worker, slug, body));
    assert.equal((await registrationRow(id))?.family_name, 'Ž'.repeat(100));
  });

  test('accepts a 254-character e-mail address', async () => {
    // 64 + 1 + 189 = 254: a full local part and a dotted domain with labels of at most 63.
    const local = `${unique('l')}`.padEnd(64, 'x');
    const domain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(58)}.sk`;
    const email = `${local}@${domain}`;
    assert.equal(email.length, 254);
    const { id } = await expectRegistered(
      await postRegistration(worker, slug, validRegistration([roomy.id], { email })),
    );
    assert.equal((await registrationRow(id))?.email, email);
  });

  test('ignores unknown keys', async () => {
    const body = validRegistration([roomy.id], {
      email: `${unique('extra')}@example.org`,
      id: 'chosen-by-client',
      status: 'cancelled',
      admin: true,
      seats: 99,
    });
    const registration = await expectRegistered(await postRegistration(worker, slug, body));
    assert.notEqual(registration.id, 'chosen-by-client');
    assert.equal((await registrationRow(registration.id))?.status, 'pending');
    assert.equal(await registrationRow('chosen-by-client'), null);
  });

  test('takes one seat for a workshop listed twice', async () => {
    const email = `${unique('twice')}@example.org`;
    const before = await heldSeats(worker.db, roomy.id);
    const registration = await expectRegistered(
      await postRegistration(
        worker,
        slug,
        validRegistration([roomy.id, roomy.id, roomy2.id, roomy.id], { email }),
      ),
    );
    assert.deepEqual(registration.workshopIds, [roomy.id, roomy2.id]);
    assert.equal(await heldSeats(worker.db, roomy.id), before + 1);
    assert.equal(await heldSeats(worker.db, roomy.id, email), 1);
  });

  test('accepts the last seat of a workshop', async () => {
    const workshop = await createWorkshop(worker, slug, { capacity: 2 });
    for (const email of ['one@example.org', 'two@example.org']) {
      await expectRegistered(
        await postRegistration(worker, slug, validRegistration([workshop.id], { email })),
      );
    }
    assert.equal((await publicWorkshop(worker, slug, workshop.id)).seatsLeft, 0);
    assert.equal(await heldSeats(worker.db, workshop.id), 2);
  });
});

describe('POST /api/v1/series/:slug/registrations: validation', () => {
  /** Posts the valid body with `overrides` and expects exactly `fields` back, with nothing stored. */
  async function expectInvalid(overrides: Record<string, unknown>, fields: Record<string, string>) {
    const body = validRegistration([roomy.id], { email: 'valid@example.org', ...overrides });
    const res = await storesNothing(() => postRegistration(worker, slug, body));
    await expectFieldErrors(res, fields);
  }

  test('reports a missing required field as required', async () => {
    for (const field of ['givenName', 'familyName', 'email', 'organizationType', 'locale']) {
      await expectInvalid({ [field]: undefined }, { [field]: 'required' });
    }
    await expectInvalid({ workshopIds: undefined }, { workshopIds: 'required' });
  });

  test('reports null, empty and whitespace-only values as required', async () => {
    for (const value of [null, '', '   ', ' \t ']) {
      for (const field of ['givenName', 'familyName', 'email', 'organizationType', 'locale']) {
        await expectInvalid({ [field]: value }, { [field]: 'required' });
      }
    }
  });

  test('reports an empty workshop list as required', async () => {
    await expectInvalid({ workshopIds: [] }, { workshopIds: 'required' });
    await expectInvalid({ workshopIds: null }, { workshopIds: 'required' });
  });

  test('reports a bad item in workshopIds on the workshopIds field itself', async () => {
    await expectInvalid({ workshopIds: [5] }, { workshopIds: 'invalid_type' });
    await expectInvalid({ workshopIds: [''] }, { workshopIds: 'required' });
  });

  test('requires an organization from everyone but experts', async () => {
    for (const organizationType of ORGANIZATION_TYPES.filter((t) => t !== 'expert')) {
      for (const organization of [undefined, null, '', '  ']) {
        await expectInvalid({ organizationType, organization }, { organization: 'required' });
      }
    }
  });

  test('rejects malformed e-mail addresses as invalid_email', async () => {
    for (const email of REFUSED_EMAILS) {
      await expectInvalid({ email }, { email: 'invalid_email' });
    }
  });

  test('accepts every real address: plus-addressing, punycode domains, long TLDs', async () => {
    for (const email of ACCEPTED_EMAILS) {
      const res = await postRegistration(
        worker,
        slug,
        validRegistration([roomy.id], { email: email.replace('@', `+${unique('n')}@`) }),
      );
      assert.equal(res.status, 201, `${email}: ${await res.text()}`);
    }
  });

  test('rejects a 255-character e-mail address as too_long', async () => {
    const email = `${'x'.repeat(64)}@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(59)}.sk`;
    assert.equal(email.length, 255);
    await expectInvalid({ email }, { email: 'too_long' });
  });

  test('rejects over-long names, organization and role as too_long', async () => {
    await expectInvalid({ givenName: 'x'.repeat(101) }, { givenName: 'too_long' });
    await expectInvalid({ familyName: 'Ď'.repeat(101) }, { familyName: 'too_long' });
    await expectInvalid({ organization: 'x'.repeat(201) }, { organization: 'too_long' });
    await expectInvalid({ role: 'x'.repeat(101) }, { role: 'too_long' });
  });

  test('rejects an organization type or locale outside the list as invalid_choice', async () => {
    for (const organizationType of ['company', 'Municipality', 'ngo']) {
      await expectInvalid({ organizationType }, { organizationType: 'invalid_choice' });
    }
    for (const locale of ['de', 'SK', 'sk-SK', 'en_US']) {
      await expectInvalid({ locale }, { locale: 'invalid_choice' });
    }
  });

  test('rejects wrong JSON types as invalid_type', async () => {
    const cases: [string, unknown][] = [
      ['givenName', 5],
      ['familyName', true],
      ['email', ['a@example.org']],
      ['organization', { name: 'Obec' }],
      ['role', 7],
      ['workshopIds', 'x'],
      ['workshopIds', { 0: 'x' }],
      ['organizationType', 5],
      ['locale', false],
    ];
    for (const [field, value] of cases) {
      await expectInvalid({ [field]: value }, { [field]: 'invalid_type' });
    }
  });

  test('rejects control characters in single-line fields as invalid_characters', async () => {
    const cases: [string, string][] = [
      ['givenName', 'Jana\nNováková'],
      ['familyName', 'Nová\rková'],
      ['familyName', 'Nová\tková'],
      ['organization', 'Mesto\u0000Trnava'],
      ['role', 'Vedúca\nBcc: victim@example.org'],
      ['givenName', 'Ja\u007fna'],
      ['givenName', 'Ja\ud800na'],
    ];
    for (const [field, value] of cases) {
      await expectInvalid({ [field]: value }, { [field]: 'invalid_characters' });
    }
  });

  test('rejects a workshop id that does not exist as unknown_workshop', async () => {
    await expectInvalid({ workshopIds: ['no-such-workshop'] }, { workshopIds: 'unknown_workshop' });
    await expectInvalid(
      { workshopIds: [roomy.id, 'no-such-workshop'] },
      { workshopIds: 'unknown_workshop' },
    );
  });

  test('rejects a workshop of another series as unknown_workshop', async () => {
    const otherSlug = unique('other');
    await createSeries(worker, otherSlug);
    const foreign = await createWorkshop(worker, otherSlug);
    await expectInvalid({ workshopIds: [foreign.id] }, { workshopIds: 'unknown_workshop' });
    await expectInvalid(
      { workshopIds: [roomy.id, foreign.id] },
      { workshopIds: 'unknown_workshop' },
    );
    assert.equal(await heldSeats(worker.db, foreign.id), 0);
  });

  test('reports every invalid field at once', async () => {
    await expectInvalid(
      { organizationType: 'municipality', organization: '', email: 'not-an-address' },
      { organization: 'required', email: 'invalid_email' },
    );
    await expectInvalid(
      {
        givenName: '',
        familyName: 5,
        email: 'a@b',
        organizationType: 'club',
        role: 'x'.repeat(101),
        workshopIds: [],
        locale: 'de',
      },
      {
        givenName: 'required',
        familyName: 'invalid_type',
        email: 'invalid_email',
        organizationType: 'invalid_choice',
        role: 'too_long',
        workshopIds: 'required',
        locale: 'invalid_choice',
      },
    );
  });

  test('reports every required field of an empty object', async () => {
    await expectInvalid(
      {
        givenName: undefined,
        familyName: undefined,
        email: undefined,
        organizationType: undefined,
        organization: undefined,
        role: undefined,
        workshopIds: undefined,
        locale: undefined,
      },
      {
        givenName: 'required',
        familyName: 'required',
        email: 'required',
        organizationType: 'required',
        workshopIds: 'required',
        locale: 'required',
      },
    );
  });

  test('answers 404 series_not_found for an unknown series', async () => {
    const res = await storesNothing(() =>
      postRegistration(worker, 'no-such-series', validRegistration([roomy.id])),
    );
    await expectError(res, 404, 'series_not_found');
  });
});

describe('POST /api/v1/series/:slug/registrations: the same address again', () => {
  test('never takes a second seat, however the address is written', async () => {
    const workshop = await createWorkshop(worker, slug, { capacity: 5 });
    const local = unique('repeat');
    const first = await expectRegistered(
      await postRegistration(
        worker,
        slug,
        validRegistration([workshop.id], { email: `${local}@example.org` }),
      ),
    );
    const seatsLeft = (await publicWorkshop(worker, slug, workshop.id)).seatsLeft;
    assert.equal(seatsLeft, 4);

    const ids = new Set([first.id]);
    for (const email of [
      `${local}@example.org`,
      `  ${local.toUpperCase()}@Example.ORG `,
      `${local}@EXAMPLE.org`,
    ]) {
      const again = await expectRegistered(
        await postRegistration(worker, slug, validRegistration([workshop.id], { email })),
      );
      assert.deepEqual(again.workshopIds, first.workshopIds);
      assert.equal(again.status, first.status);
      assert.ok(!ids.has(again.id), 'a fresh id');
      ids.add(again.id);
    }
    assert.equal((await publicWorkshop(worker, slug, workshop.id)).seatsLeft, seatsLeft);
    assert.equal(await heldSeats(worker.db, workshop.id), 1);
    assert.equal(await heldSeats(worker.db, workshop.id, `${local}@example.org`), 1);
  });

  test('answers exactly like a first registration', async () => {
    const workshop = await createWorkshop(worker, slug, { capacity: 5 });
    const body = validRegistration([workshop.id], { email: `${unique('same')}@example.org` });
    const first = await postRegistration(worker, slug, body);
    const second = await postRegistration(worker, slug, body);
    assert.equal(second.status, first.status);
    assert.equal(second.headers.get('content-type'), first.headers.get('content-type'));
    const [a, b] = [
      (await first.json()) as RegistrationBody,
      (await second.json()) as RegistrationBody,
    ];
    assert.deepEqual({ ...b.registration, id: 'x' }, { ...a.registration, id: 'x' });
    assert.equal(b.registration.id.length, a.registration.id.length);
    assert.notEqual(b.registration.id, a.registration.id);
  });

  test('answers a full workshop alike whether or not the address holds a seat in it', async () => {
    const workshop = await createWorkshop(worker, slug, { capacity: 1 });
    const body = validRegistration([workshop.id], { email: `${unique('holder')}@example.org` });
    await expectRegistered(await postRegistration(worker, slug, body));
    assert.equal((await publicWorkshop(worker, slug, workshop.id)).seatsLeft, 0);
    // Otherwise a 201 here and a 409 for anyone else would tell who holds the seat.
    const holder = await postRegistration(worker, slug, body);
    const stranger = await postRegistration(
      worker,
      slug,
      validRegistration([workshop.id], { email: `${unique('stranger')}@example.org` }),
    );
    assert.equal(holder.status, 409);
    assert.equal(stranger.status, 409);
    assert.deepEqual(await holder.json(), await stranger.json());
    assert.equal(await heldSeats(worker.db, workshop.id), 1, 'the holder keeps the seat');
  });

  test('adds seats for new workshops and keeps the one already held', async () => {
    const a = await createWorkshop(worker, slug, { capacity: 5 });
    const b = await createWorkshop(worker, slug, { capacity: 5 });
    const email = `${unique('more')}@example.org`;
    await expectRegistered(
      await postRegistration(worker, slug, validRegistration([a.id], { email })),
    );
    const again = await expectRegistered(
      await postRegistration(worker, slug, validRegistration([a.id, b.id], { email })),
    );
    assert.deepEqual(again.workshopIds, [a.id, b.id]);
    assert.equal(await heldSeats(worker.db, a.id, email), 1);
    assert.equal(await heldSeats(worker.db, b.id, email), 1);
    assert.equal((await publicWorkshop(worker, slug, a.id)).seatsLeft, 4);
    assert.equal((await publicWorkshop(worker, slug, b.id)).seatsLeft, 4);
  });
});

describe('POST /api/v1/series/:slug/registrations: all or nothing', () => {
  test('refuses a full workshop with 409 workshop_full and stores nothing', async () => {
    const full = await createWorkshop(worker, slug, { capacity: 1 });
    await expectRegistered(
      await postRegistration(
        worker,
        slug,
        validRegistration([full.id], { email: 'x@example.org' }),
      ),
    );
    const roomyBefore = await heldSeats(worker.db, roomy.id);
    const res = await storesNothing(() =>
      postRegistration(
        worker,
        slug,
        validRegistration([roomy.id, full.id], { email: `${unique('late')}@example.org` }),
      ),
    );
    const body = await expectError(res, 409, 'workshop_full');
    assert.deepEqual(body.error.workshopIds, [full.id]);
    assert.equal(await heldSeats(worker.db, roomy.id), roomyBefore);
    assert.equal(await heldSeats(worker.db, full.id), 1);
  });

  test('refuses a workshop without seats at all', async () => {
    const none = await createWorkshop(worker, slug, { capacity: 0 });
    const res = await storesNothing(() =>
      postRegistration(worker, slug, validRegistration([none.id], { email: 'y@example.org' })),
    );
    const body = await expectError(res, 409, 'workshop_full');
    assert.deepEqual(body.error.workshopIds, [none.id]);
  });

  test('lists every full workshop', async () => {
    const full1 = await createWorkshop(worker, slug, { capacity: 0 });
    const full2 = await createWorkshop(worker, slug, { capacity: 0 });
    const res = await storesNothing(() =>
      postRegistration(worker, slug, validRegistration([full1.id, roomy.id, full2.id])),
    );
    const body = await expectError(res, 409, 'workshop_full');
    assert.deepEqual([...body.error.workshopIds!].sort(), [full1.id, full2.id].sort());
  });

  test('refuses a workshop whose registration has closed with 409 registration_closed', async () => {
    const closed = await createWorkshop(worker, slug, { registrationClosesAt: fromNow(-HOUR) });
    const res = await storesNothing(() =>
      postRegistration(worker, slug, validRegistration([roomy.id, closed.id])),
    );
    const body = await expectError(res, 409, 'registration_closed');
    assert.deepEqual(body.error.workshopIds, [closed.id]);
    assert.equal(await heldSeats(worker.db, closed.id), 0);
  });

  test('refuses a workshop that has already started', async () => {
    const started = await createWorkshop(worker, slug, { startsInHours: -1 });
    const res = await storesNothing(() =>
      postRegistration(worker, slug, validRegistration([started.id, roomy2.id])),
    );
    const body = await expectError(res, 409, 'registration_closed');
    assert.deepEqual(body.error.workshopIds, [started.id]);
  });
});
