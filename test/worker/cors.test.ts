import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asAdmin, json, startTestWorker, type TestWorker } from '../support/worker';
import {
  adminSeriesPath,
  createSeries,
  createWorkshop,
  expectError,
  registrationsPath,
  seriesPath,
  unique,
  validRegistration,
  type AdminWorkshop,
} from '../support/fixtures';

const SITE = 'https://www.obec-example.sk';
const fromSite = (init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), origin: SITE },
});

const listOf = (header: string | null) =>
  (header ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

describe('cross-origin requests', () => {
  let worker: TestWorker;
  let slug: string;
  let workshop: AdminWorkshop;
  before(async () => {
    worker = await startTestWorker();
    slug = unique('series');
    await createSeries(worker, slug);
    workshop = await createWorkshop(worker, slug, { capacity: 1 });
  });
  after(() => worker.dispose());

  test('a GET of a series from another site is allowed for any origin', async () => {
    const res = await worker.fetch(seriesPath(slug), fromSite());
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
  });

  test('a preflight for POSTing a registration is allowed', async () => {
    const res = await worker.fetch(registrationsPath(slug), {
      method: 'OPTIONS',
      headers: {
        origin: SITE,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.ok(listOf(res.headers.get('access-control-allow-methods')).includes('post'));
    assert.ok(listOf(res.headers.get('access-control-allow-headers')).includes('content-type'));
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
  });

  test('a preflight for an unknown series is allowed too (the POST then reports 404)', async () => {
    const res = await worker.fetch(registrationsPath('no-such-series'), {
      method: 'OPTIONS',
      headers: { origin: SITE, 'access-control-request-method': 'POST' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
  });

  test('a successful registration carries the CORS header', async () => {
    const res = await worker.fetch(
      registrationsPath(slug),
      fromSite(json('POST', validRegistration([workshop.id], { email: 'first@example.org' }))),
    );
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
  });

  test('error responses carry the CORS header, so the widget can read them', async () => {
    const cases: [string, number, string, RequestInit][] = [
      [seriesPath('no-such-series'), 404, 'series_not_found', {}],
      [
        registrationsPath('no-such-series'),
        404,
        'series_not_found',
        json('POST', validRegistration([workshop.id])),
      ],
      [registrationsPath(slug), 422, 'validation', json('POST', {})],
      [
        registrationsPath(slug),
        409,
        'workshop_full',
        json('POST', validRegistration([workshop.id], { email: 'second@example.org' })),
      ],
      [registrationsPath(slug), 400, 'invalid_json', { ...json('POST', null), body: '{' }],
      [registrationsPath(slug), 415, 'unsupported_media_type', { method: 'POST', body: '{}' }],
      [registrationsPath(slug), 413, 'payload_too_large', json('POST', { x: 'x'.repeat(20_000) })],
      [`${seriesPath(slug)}/nothing-here`, 404, 'not_found', {}],
    ];
    for (const [path, status, code, init] of cases) {
      const res = await worker.fetch(path, fromSite(init));
      assert.equal(res.headers.get('access-control-allow-origin'), '*', `${status} ${code}`);
      await expectError(res, status, code);
    }
  });

  test('admin responses do not allow other origins', async () => {
    const ok = await worker.fetch(adminSeriesPath(slug), fromSite(asAdmin()));
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('access-control-allow-origin'), null);

    const refused = await worker.fetch(adminSeriesPath(slug), fromSite());
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);

    const preflight = await worker.fetch(adminSeriesPath(slug), {
      method: 'OPTIONS',
      headers: {
        origin: SITE,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    assert.notEqual(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    assert.equal(preflight.headers.get('access-control-allow-headers'), null);
  });
});
