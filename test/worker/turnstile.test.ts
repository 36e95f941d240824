import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { Hono } from 'hono';
import type { AppEnv, TurnstileVerifier } from '../../worker/src/env';
import { handleError } from '../../worker/src/http/handle-error';
import { requireTurnstile, siteverify, SITEVERIFY_URL } from '../../worker/src/http/turnstile';
import type { Series } from '../../worker/src/db/series';
import { asAdmin, json } from '../support/worker';
import {
  adminSeriesPath,
  createSeries,
  createWorkshop,
  expectError,
  postRegistration,
  seriesBody,
  seriesPath,
  storedCounts,
  unique,
  uniqueEmail,
  validRegistration,
} from '../support/fixtures';
import { sharedWorker } from '../support/shared-worker';

/** Cloudflare's documented test keys: they never reach Cloudflare here. */
const KEYS = {
  siteKey: '1x00000000000000000000AA',
  secretKey: '1x0000000000000000000000000000000AA',
};
const TOKEN = 'XXXX.DUMMY.TOKEN.XXXX';

/**
 * Stands in for siteverify as the worker's outbound service: records what it was asked and
 * answers as told. Nothing calls the network.
 */
function fakeSiteverify() {
  const fake = {
    calls: [] as { secret: string; response: string }[],
    answer: (_token: string): Response => verdict(true),
    outbound: async (request: Request) => {
      assert.equal(request.url, SITEVERIFY_URL, 'the only outbound call is siteverify');
      const body = (await request.json()) as { secret: string; response: string };
      fake.calls.push(body);
      return fake.answer(body.response);
    },
  };
  return fake;
}

const verdict = (success: boolean, codes: string[] = []) =>
  Response.json({ success, 'error-codes': codes });

/** One worker for the tests below, each with a siteverify stand-in of its own. */
const shared = sharedWorker({}, { outbound: true });

async function setup(t: TestContext, turnstile: boolean) {
  const siteverifyFake = fakeSiteverify();
  const worker = await shared.fresh(t, { outbound: siteverifyFake.outbound });
  const slug = unique('turnstile');
  await createSeries(worker, slug, turnstile ? { turnstile: KEYS } : {});
  const workshop = await createWorkshop(worker, slug, { capacity: 10 });
  const registerWith = (token?: string) =>
    postRegistration(
      worker,
      slug,
      validRegistration([workshop.id], {
        email: uniqueEmail(),
        ...(token !== undefined && { turnstileToken: token }),
      }),
    );
  return { worker, slug, siteverify: siteverifyFake, registerWith };
}

describe('Turnstile, per series, off by default', () => {
  test('a series without it: no site key in its answer, no token asked, nothing verified', async (t) => {
    const { worker, slug, siteverify: fake, registerWith } = await setup(t, false);
    const series = (await (await worker.fetch(seriesPath(slug))).json()) as {
      series: Record<string, unknown>;
    };
    assert.ok(!('turnstileSiteKey' in series.series));
    assert.equal((await registerWith()).status, 201);
    assert.equal((await registerWith('anything')).status, 201);
    assert.equal(fake.calls.length, 0);
  });

  test('turned on: the public answer has the site key, the admin one never the secret', async (t) => {
    const { worker, slug } = await setup(t, true);
    const series = (await (await worker.fetch(seriesPath(slug))).json()) as {
      series: { turnstileSiteKey?: string };
    };
    assert.equal(series.series.turnstileSiteKey, KEYS.siteKey);
    const admin = await (await worker.fetch(adminSeriesPath(slug), asAdmin())).text();
    assert.ok(admin.includes(KEYS.siteKey));
    assert.ok(!admin.includes(KEYS.secretKey), 'the secret is write-only');
    const page = await worker.fetch(`${seriesPath(slug)}/register`);
    await page.arrayBuffer();
    assert.match(
      page.headers.get('content-security-policy') ?? '',
      /script-src 'self' https:\/\/challenges\.cloudflare\.com.*frame-src https:\/\/challenges\.cloudflare\.com/,
    );
  });

  test('a registration needs a token siteverify accepts; nothing is stored otherwise', async (t) => {
    const { worker, siteverify: fake, registerWith } = await setup(t, true);
    const before = await storedCounts(worker.db);
    await expectError(await registerWith(), 403, 'turnstile_failed');
    fake.answer = () => verdict(false, ['invalid-input-response']);
    await expectError(await registerWith('forged'), 403, 'turnstile_failed');
    assert.deepEqual(await storedCounts(worker.db), before);

    fake.answer = () => verdict(true);
    assert.equal((await registerWith(TOKEN)).status, 201);
    assert.deepEqual(fake.calls.at(-1), { secret: KEYS.secretKey, response: TOKEN });
  });

  test('siteverify unreachable: 503 turnstile_unavailable, nothing stored, no secret logged', async (t) => {
    const { worker, siteverify: fake, registerWith } = await setup(t, true);
    fake.answer = () => new Response('oops', { status: 500 });
    const before = await storedCounts(worker.db);
    const res = await registerWith(TOKEN);
    await expectError(res, 503, 'turnstile_unavailable');
    assert.equal(res.headers.get('retry-after'), '10');
    assert.deepEqual(await storedCounts(worker.db), before);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.match(worker.logs(), /turnstile_unavailable/);
    assert.ok(!worker.logs().includes(KEYS.secretKey));
  });

  test('an update without the setting keeps it; null turns it off', async (t) => {
    const { worker, slug, registerWith } = await setup(t, true);
    const put = (body: Record<string, unknown>) =>
      worker.fetch(adminSeriesPath(slug), asAdmin(json('PUT', seriesBody(body))));
    assert.equal((await put({})).status, 200);
    await expectError(await registerWith(), 403, 'turnstile_failed');
    assert.equal((await put({ turnstile: null })).status, 200);
    assert.equal((await registerWith()).status, 201);
    const bad = await put({ turnstile: { siteKey: 'x', secretKey: '<script>' } });
    await expectError(bad, 422, 'validation');
  });
});

describe('the verifier is injectable', () => {
  const series = { turnstile: KEYS } as Series;

  function appWith(verify?: TurnstileVerifier) {
    const app = new Hono<AppEnv>()
      .use('*', async (c, next) => {
        if (verify) c.set('verifyTurnstile', verify);
        await next();
      })
      .post('/', async (c) => {
        await requireTurnstile(c, series, c.req.header('x-token'));
        return c.json({ ok: true }, 201);
      });
    app.onError(handleError);
    return app;
  }

  test('an injected verifier decides, with the series secret and the token', async () => {
    const asked: [string, string][] = [];
    const app = appWith(async (secret, token) => {
      asked.push([secret, token]);
      return { success: token === 'good', errorCodes: [] };
    });
    assert.equal(
      (await app.request('/', { method: 'POST', headers: { 'x-token': 'good' } })).status,
      201,
    );
    assert.equal(
      (await app.request('/', { method: 'POST', headers: { 'x-token': 'bad' } })).status,
      403,
    );
    assert.deepEqual(asked, [
      [KEYS.secretKey, 'good'],
      [KEYS.secretKey, 'bad'],
    ]);
  });

  test('the default posts the secret and the token to siteverify and reads its verdict', async () => {
    const requests: { url: string; body: unknown }[] = [];
    const verify = siteverify(async (input, init) => {
      requests.push({ url: String(input), body: JSON.parse(String(init?.body)) });
      return verdict(false, ['timeout-or-duplicate']);
    });
    assert.deepEqual(await verify('secret', 'token'), {
      success: false,
      errorCodes: ['timeout-or-duplicate'],
    });
    assert.deepEqual(requests, [
      { url: SITEVERIFY_URL, body: { secret: 'secret', response: 'token' } },
    ]);
    await assert.rejects(siteverify(async () => new Response('', { status: 502 }))('s', 't'));
  });
});
