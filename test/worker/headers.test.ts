import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asAdmin, json, startTestWorker, type TestWorker } from '../support/worker';
import {
  adminSeriesPath,
  confirmLink,
  createSeries,
  createWorkshop,
  manageLink,
  onlyMessage,
  register,
  registrationsPath,
  seriesPath,
  unique,
  uniqueEmail,
  validRegistration,
} from '../support/fixtures';

let worker: TestWorker;
let slug: string;
let workshopId: string;
let links: { confirm: string; manage: string };

before(async () => {
  worker = await startTestWorker();
  slug = unique('series');
  await createSeries(worker, slug);
  workshopId = (await createWorkshop(worker, slug)).id;
  const id = await register(worker, slug, [workshopId], { email: uniqueEmail() });
  const request = await onlyMessage(worker, { registrationId: id, kind: 'confirm_request' });
  links = { confirm: confirmLink(request), manage: manageLink(request) };
});
after(() => worker.dispose());

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** [what, path, init]: answers of every kind, successes and failures. */
const requests = (): [string, string, RequestInit?][] => [
  ['public series', seriesPath(slug)],
  ['unknown series', seriesPath('no-such-series')],
  ['unknown endpoint', '/api/v1/nothing-here'],
  [
    'a preflight',
    registrationsPath(slug),
    {
      method: 'OPTIONS',
      headers: { origin: 'https://obec.example.sk', 'access-control-request-method': 'POST' },
    },
  ],
  [
    'registration 201',
    registrationsPath(slug),
    json('POST', validRegistration([workshopId], { email: uniqueEmail() })),
  ],
  ['registration 422', registrationsPath(slug), json('POST', {})],
  ['registration 415', registrationsPath(slug), { method: 'POST', body: 'x' }],
  ['admin series', adminSeriesPath(slug), asAdmin()],
  ['admin registrations', `${adminSeriesPath(slug)}/registrations`, asAdmin()],
  ['admin messages', `${adminSeriesPath(slug)}/messages`, asAdmin()],
  ['admin 401', `${adminSeriesPath(slug)}/registrations`],
  ['admin 404', adminSeriesPath('no-such-series'), asAdmin()],
  ['admin 422', adminSeriesPath(slug), asAdmin(json('PUT', {}))],
  ['confirm page', links.confirm],
  ['confirm, invalid link', '/api/v1/registrations/confirm?token=nope'],
  ['manage page', links.manage],
  [
    'cancel form, invalid',
    '/api/v1/registrations/cancel',
    { method: 'POST', headers: FORM, body: 'token=nope' },
  ],
  ['dev outbox page', '/dev/outbox'],
  ['dev outbox JSON', '/api/v1/dev/outbox'],
];

describe('headers on every response the worker makes', () => {
  test('X-Content-Type-Options: nosniff, on successes and failures alike', async () => {
    for (const [what, path, init] of requests()) {
      const res = await worker.fetch(path, init);
      await res.arrayBuffer();
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${what}: ${res.status}`);
    }
  });

  test('Cache-Control: no-store on admin answers (401 included) and link pages', async () => {
    for (const [what, path, init] of requests()) {
      if (!/^\/api\/v1\/(admin|registrations)\//.test(new URL(path, 'http://x').pathname)) continue;
      const res = await worker.fetch(path, init);
      await res.arrayBuffer();
      assert.equal(res.headers.get('cache-control'), 'no-store', `${what}: ${res.status}`);
    }
  });

  test('every HTML page has a CSP with frame-ancestors; the link pages keep their own', async () => {
    let pages = 0;
    for (const [what, path, init] of requests()) {
      const res = await worker.fetch(path, init);
      await res.arrayBuffer();
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /frame-ancestors 'none'/, `${what}: ${res.status}`);
      if (!/^text\/html/.test(res.headers.get('content-type') ?? '')) continue;
      pages++;
      // The link pages post their forms to themselves and style themselves inline.
      assert.match(csp, /form-action 'self'/, what);
      assert.match(csp, /style-src 'unsafe-inline'/, what);
    }
    assert.equal(pages, 5, 'confirm, invalid link, manage, cancel form, dev outbox');
  });

  test('the public API stays readable from other sites: CORS as before, no CORP', async () => {
    const res = await worker.fetch(seriesPath(slug), {
      headers: { origin: 'https://obec.example.sk' },
    });
    await res.arrayBuffer();
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('cross-origin-resource-policy'), null);
  });

  test('an unexpected failure (500) carries them too', async (t) => {
    const broken = await startTestWorker();
    t.after(() => broken.dispose());
    const brokenSlug = unique('series');
    await createSeries(broken, brokenSlug);
    const workshop = await createWorkshop(broken, brokenSlug);
    await broken.db.exec('DROP TABLE seats');
    const res = await broken.fetch(
      registrationsPath(brokenSlug),
      json('POST', validRegistration([workshop.id], { email: uniqueEmail() })),
    );
    await res.arrayBuffer();
    assert.equal(res.status, 500);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  });
});
