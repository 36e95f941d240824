import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { adminRequests } from '../support/admin';
import { asAdmin, json, startTestWorker, type TestWorker } from '../support/worker';
import { adminSeriesPath, expectError, seriesBody, unique } from '../support/fixtures';

/**
 * Cloudflare Access in front of the admin: the worker verifies `Cf-Access-Jwt-Assertion` against
 * the team's keys (served here through Miniflare's outbound service, generated in the test), the
 * issuer, the audience and the expiry, and takes the e-mail as the actor.
 */
const TEAM = 'https://mirri-test.cloudflareaccess.com';
const AUD = 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2';
const CERTS = `${TEAM}/cdn-cgi/access/certs`;
const KID = 'test-key-1';
const EMAIL = 'organizatorka@mirri.gov.sk';

let teamKey: CryptoKey;
let otherKey: CryptoKey;
let jwks: { keys: JWK[] };
let certRequests = 0;

/** The team's key set; `answer` lets a test make it unavailable. */
let certsStatus = 200;
const outbound = (request: Request) => {
  if (request.url !== CERTS) return new Response('no network in tests', { status: 599 });
  certRequests++;
  return new Response(JSON.stringify(jwks), {
    status: certsStatus,
    headers: { 'content-type': 'application/json' },
  });
};

/** An Access-style assertion: RS256 with the team's key, unless a test changes something. */
async function assertion(
  change: { key?: CryptoKey; aud?: string; iss?: string; exp?: number; email?: string | null } = {},
) {
  const claims = change.email === null ? {} : { email: change.email ?? EMAIL };
  return new SignJWT({ ...claims, type: 'app', identity_nonce: 'x' })
    .setProtectedHeader({ alg: 'RS256', kid: KID })
    .setIssuer(change.iss ?? TEAM)
    .setAudience(change.aud ?? AUD)
    .setSubject('0f1e2d3c-user')
    .setIssuedAt()
    .setExpirationTime(change.exp ?? Math.floor(Date.now() / 1000) + 300)
    .sign(change.key ?? teamKey);
}

const withAssertion = (token: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), 'cf-access-jwt-assertion': token },
});

const me = async (worker: TestWorker, init: RequestInit) => {
  const res = await worker.fetch('/api/v1/admin/me', init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

before(async () => {
  const team = await generateKeyPair('RS256', { extractable: true });
  teamKey = team.privateKey;
  otherKey = (await generateKeyPair('RS256', { extractable: true })).privateKey;
  jwks = { keys: [{ ...(await exportJWK(team.publicKey)), kid: KID, alg: 'RS256', use: 'sig' }] };
});

describe('with Cloudflare Access configured', () => {
  let worker: TestWorker;
  before(async () => {
    worker = await startTestWorker({ ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD }, { outbound });
  });
  after(() => worker.dispose());

  test('a valid assertion signs in as its e-mail, and the actions are recorded under it', async () => {
    assert.deepEqual(await me(worker, withAssertion(await assertion())), {
      status: 200,
      body: { actor: EMAIL, via: 'access' },
    });
    const slug = unique('access');
    const put = await worker.fetch(
      adminSeriesPath(slug),
      withAssertion(await assertion(), json('PUT', seriesBody())),
    );
    assert.equal(put.status, 201);
    const audit = await worker.fetch(`/api/v1/admin/audit?series=${slug}`, asAdmin());
    const { entries } = (await audit.json()) as { entries: { actor: string; action: string }[] };
    assert.deepEqual(
      entries.map((e) => [e.actor, e.action]),
      [[EMAIL, 'series.create']],
    );
  });

  const invalid: [string, () => Promise<string>][] = [
    ['an expired assertion', () => assertion({ exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['an assertion for another application (audience)', () => assertion({ aud: 'f'.repeat(64) })],
    ['an assertion signed by another key (forged)', () => assertion({ key: otherKey })],
    [
      'an assertion from another team (issuer)',
      () => assertion({ iss: 'https://evil.cloudflareaccess.com' }),
    ],
    ['an assertion without an e-mail', () => assertion({ email: null })],
    [
      'an unsigned assertion (alg none)',
      async () => {
        const [, payload] = (await assertion()).split('.');
        return `${btoa(JSON.stringify({ alg: 'none', kid: KID })).replace(/=+$/, '')}.${payload}.`;
      },
    ],
    ['garbage', async () => 'not-a-jwt'],
  ];

  for (const [what, make] of invalid) {
    test(`refuses ${what} with 401 on every admin path`, async () => {
      const token = await make();
      for (const [path, init] of adminRequests()) {
        const res = await worker.fetch(path, withAssertion(token, init));
        await expectError(res, 401, 'unauthorized');
      }
    });
  }

  test('an invalid assertion is refused even beside a valid admin token', async () => {
    const forged = await assertion({ key: otherKey });
    await expectError(
      await worker.fetch('/api/v1/admin/me', withAssertion(forged, asAdmin())),
      401,
      'unauthorized',
    );
  });

  test('the admin token still works (ACCESS_ONLY is not set)', async () => {
    assert.deepEqual(await me(worker, asAdmin()), {
      status: 200,
      body: { actor: 'admin token', via: 'token' },
    });
  });

  test('the team keys are fetched from <team>/cdn-cgi/access/certs and kept', async () => {
    const before = certRequests;
    for (let i = 0; i < 3; i++)
      assert.equal((await me(worker, withAssertion(await assertion()))).status, 200);
    assert.ok(certRequests - before <= 1, `${certRequests - before} fetches for three sign-ins`);
  });
});

describe('with ACCESS_ONLY', () => {
  let worker: TestWorker;
  before(async () => {
    worker = await startTestWorker(
      {
        ACCESS_TEAM_DOMAIN: 'mirri-test.cloudflareaccess.com',
        ACCESS_AUD: `other,${AUD}`,
        ACCESS_ONLY: 'true',
      },
      { outbound },
    );
  });
  after(() => worker.dispose());

  test('only Access sign-ins count: the admin token is refused', async () => {
    await expectError(await worker.fetch('/api/v1/admin/me', asAdmin()), 401, 'unauthorized');
    assert.equal((await me(worker, withAssertion(await assertion()))).status, 200);
  });
});

describe('when the team keys cannot be read', () => {
  let worker: TestWorker;
  before(async () => {
    worker = await startTestWorker({ ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD }, { outbound });
  });
  after(() => {
    certsStatus = 200;
    return worker.dispose();
  });

  test('an assertion gets 503 access_unavailable, not a sign-in', async () => {
    certsStatus = 500;
    const res = await worker.fetch('/api/v1/admin/me', withAssertion(await assertion()));
    await expectError(res, 503, 'access_unavailable');
    assert.equal(res.headers.get('retry-after'), '60');
  });
});

describe('without Access configured', () => {
  let worker: TestWorker;
  before(async () => {
    // The team alone is not a configuration: without an audience nothing would be checked.
    worker = await startTestWorker({ ACCESS_TEAM_DOMAIN: TEAM }, { outbound });
  });
  after(() => worker.dispose());

  test('an assertion is not a credential', async () => {
    await expectError(
      await worker.fetch('/api/v1/admin/me', withAssertion(await assertion())),
      401,
      'unauthorized',
    );
    assert.equal((await me(worker, asAdmin())).status, 200);
  });
});
