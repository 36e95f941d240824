import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AdminRegistrationResponse, AdminRegistrationsResponse } from '../../worker/contract';
import { adminGet, adminSend } from '../support/admin';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  adminSeriesPath,
  expectError,
  expectFieldErrors,
  register,
  registerConfirmed,
  seriesWithTwoWorkshops,
  uniqueEmail,
} from '../support/fixtures';

let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

const registrationPath = (id: string, action = '') =>
  `/api/v1/admin/registrations/${id}${action ? `/${action}` : ''}`;

const list = async (slug: string, query = '') =>
  (
    await adminGet<AdminRegistrationsResponse>(
      worker,
      `${adminSeriesPath(slug)}/registrations${query}`,
    )
  ).registrations;

const HOSTILE = {
  givenName: '<script>alert(1)</script>',
  familyName: '=HYPERLINK("https://evil.example","klik")',
  organization: '<img src=x onerror=alert(1)>',
  role: '@SUM(1+1)',
};

describe('listing and searching registrations', () => {
  let slug: string;
  let ids: Record<'jana' | 'peter' | 'hostile', string>;
  let second: string;
  before(async () => {
    const s = await seriesWithTwoWorkshops(worker);
    slug = s.slug;
    second = s.second.id;
    ids = {
      jana: await registerConfirmed(worker, slug, [s.first.id], {
        email: uniqueEmail('jana'),
        givenName: 'Jana',
        familyName: 'Nováková',
        organization: 'Mesto Trnava',
      }),
      peter: await register(worker, slug, [s.first.id, s.second.id], {
        email: uniqueEmail('peter'),
        givenName: 'Peter',
        familyName: 'Kováč',
        organizationType: 'university',
        organization: 'Slovenská technická univerzita',
      }),
      hostile: await register(worker, slug, [s.second.id], {
        email: uniqueEmail('hostile'),
        ...HOSTILE,
      }),
    };
  });

  test('finds people by any word of name, e-mail, organization or role, diacritics ignored', async () => {
    const found = async (q: string) =>
      (await list(slug, `?q=${encodeURIComponent(q)}`)).map((r) => r.id);
    assert.deepEqual(await found('novakova'), [ids.jana]);
    assert.deepEqual(await found('TRNAVA  jana'), [ids.jana]);
    assert.deepEqual(await found('Kováč technická'), [ids.peter]);
    assert.deepEqual(await found('jana peter'), []);
    assert.deepEqual(await found('  '), [ids.jana, ids.peter, ids.hostile]);
  });

  test('filters by workshop and by status', async () => {
    assert.deepEqual(
      (await list(slug, `?workshop=${second}`)).map((r) => r.id),
      [ids.peter, ids.hostile],
    );
    assert.deepEqual(
      (await list(slug, '?status=confirmed')).map((r) => r.id),
      [ids.jana],
    );
    assert.deepEqual(
      (await list(slug, `?status=pending&workshop=${second}&q=kovac`)).map((r) => r.id),
      [ids.peter],
    );
  });

  test('refuses a malformed filter with 422', async () => {
    await expectFieldErrors(
      await adminSend(worker, 'GET', `${adminSeriesPath(slug)}/registrations?status=gone`),
      { status: 'invalid_choice' },
    );
    await expectFieldErrors(
      await adminSend(worker, 'GET', `${adminSeriesPath(slug)}/registrations?q=${'x'.repeat(201)}`),
      { q: 'too_long' },
    );
  });

  test('names and organizations with markup or formulas come back as plain data', async () => {
    const res = await adminSend(worker, 'GET', `${adminSeriesPath(slug)}/registrations`);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const { registrations } = (await res.json()) as AdminRegistrationsResponse;
    const hostile = registrations.find((r) => r.id === ids.hostile)!;
    assert.deepEqual(
      {
        givenName: hostile.givenName,
        familyName: hostile.familyName,
        organization: hostile.organization,
        role: hostile.role,
      },
      HOSTILE,
    );
    const one = await adminGet<AdminRegistrationResponse>(worker, registrationPath(ids.hostile));
    assert.equal(one.registration.givenName, HOSTILE.givenName);
  });

  test('one registration comes with its seats and every message sent to it', async () => {
    const { registration, messages } = await adminGet<AdminRegistrationResponse>(
      worker,
      registrationPath(ids.peter),
    );
    assert.equal(registration.status, 'pending');
    assert.equal(registration.seats.length, 2);
    assert.deepEqual(
      messages.map((m) => [m.kind, m.registrationId]),
      [['confirm_request', ids.peter]],
    );
    await expectError(
      await adminSend(worker, 'GET', registrationPath('no-such-registration')),
      404,
      'registration_not_found',
    );
  });
});
