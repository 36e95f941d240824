import assert from 'node:assert/strict';
import { after, before, describe, mock, test } from 'node:test';
import { Hono } from 'hono';
import type { AppEnv, Bindings } from '../../worker/src/env';
import { handleError } from '../../worker/src/http/handle-error';
import { limitRegistrations } from '../../worker/src/http/rate-limit';
import { PENDING_PER_CLIENT } from '../../worker/src/domain/holds';
import { json, startTestWorker, type TestWorker } from '../support/worker';
import {
  createSeries,
  createWorkshop,
  expectError,
  registrationsPath,
  seriesPath,
  storedCounts,
  unique,
  uniqueEmail,
  validRegistration,
  type AdminWorkshop,
} from '../support/fixtures';

const LIMIT = 3;
const SITE = 'https://www.obec-example.sk';

/** Documentation addresses (RFC 5737, RFC 3849): one per test, so tests share no budget. */
let hostPart = 0;
const nextIp = () => `198.51.100.${++hostPart}`;

/**
 * The simulated binding counts in fixed windows of `period` seconds (like Cloudflare's). A burst
 * that straddled the end of a window would start again from zero halfway through, so a burst
 * waits for a fresh window when the current one is about to end.
 */
async function freshWindow(periodMs = 60_000, marginMs = 5_000): Promise<void> {
  const left = periodMs - (Date.now() % periodMs);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

interface Setup {
  worker: TestWorker;
  slug: string;
  workshop: AdminWorkshop;
}

async function setUp(options: Parameters<typeof startTestWorker>[1]): Promise<Setup> {
  const worker = await startTestWorker({}, options);
  const slug = unique('series');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug, { capacity: 1000 });
  return { worker, slug, workshop };
}

/** A valid registration of a new person, sent from `ip` (and from another site's page). */
const registerFrom = ({ worker, slug, workshop }: Setup, ip?: string, body?: RequestInit) =>
  worker.fetch(registrationsPath(slug), {
    ...json('POST', validRegistration([workshop.id], { email: uniqueEmail('rate') }), {
      origin: SITE,
      ...(ip && { 'cf-connecting-ip': ip }),
    }),
    ...body,
  });

async function expectRateLimited(res: Response): Promise<void> {
  const body = await expectError(res, 429, 'rate_limited');
  assert.deepEqual(Object.keys(body.error).sort(), ['code', 'message']);
  assert.equal(res.headers.get('retry-after'), '60');
  assert.equal(res.headers.get('access-control-allow-origin'), '*', 'the widget can read it');
}

describe(`POST registrations with the limiter (${LIMIT} a minute per client IP)`, () => {
  let setup: Setup;
  before(async () => {
    setup = await setUp({ registrationLimiter: { limit: LIMIT, period: 60 } });
  });
  after(() => setup.worker.dispose());

  test('the request over the limit is refused with 429 and stores nothing', async () => {
    const ip = nextIp();
    await freshWindow();
    for (let i = 0; i < LIMIT; i++) assert.equal((await registerFrom(setup, ip)).status, 201);

    const before = await storedCounts(setup.worker.db);
    await expectRateLimited(await registerFrom(setup, ip));
    assert.deepEqual(await storedCounts(setup.worker.db), before, 'nothing was stored');
  });

  test('another client IP still registers; the limited one can still read the series', async () => {
    const ip = nextIp();
    await freshWindow();
    for (let i = 0; i < LIMIT; i++) assert.equal((await registerFrom(setup, ip)).status, 201);
    await expectRateLimited(await registerFrom(setup, ip));

    // The header reaches the worker unchanged (Miniflare only fills it in when it is missing):
    // were the key anything but this header, this request would share the spent budget.
    const before = await storedCounts(setup.worker.db);
    assert.equal((await registerFrom(setup, '2001:db8::4a')).status, 201);
    assert.deepEqual(await storedCounts(setup.worker.db), {
      registrations: before.registrations + 1,
      seats: before.seats + 1,
    });

    const series = await setup.worker.fetch(seriesPath(setup.slug), {
      headers: { 'cf-connecting-ip': ip },
    });
    assert.equal(series.status, 200, 'only registering is limited');
  });

  test('a limited client is refused before its body is read', async () => {
    const ip = nextIp();
    await freshWindow();
    for (let i = 0; i < LIMIT; i++) assert.equal((await registerFrom(setup, ip)).status, 201);
    await expectRateLimited(await registerFrom(setup, ip, { body: '{' }));
    await expectRateLimited(
      await registerFrom(setup, ip, { headers: { 'cf-connecting-ip': ip }, body: '{}' }),
    );
  });

  test('every attempt counts, refused ones too: a script cannot probe for free', async () => {
    const ip = nextIp();
    await freshWindow();
    for (let i = 0; i < LIMIT; i++) {
      const res = await registerFrom(setup, ip, { body: '{}' });
      assert.equal(res.status, 422);
    }
    await expectRateLimited(await registerFrom(setup, ip));
  });

  test('addresses rotated inside one IPv6 /64 share one budget; another /64 has its own', async () => {
    await freshWindow();
    for (let i = 1; i <= LIMIT; i++) {
      assert.equal((await registerFrom(setup, `2001:db8:77:1::${i}`)).status, 201);
    }
    await expectRateLimited(await registerFrom(setup, '2001:db8:77:1:ffff:ffff:ffff:ffff'));
    assert.equal((await registerFrom(setup, '2001:db8:77:2::1')).status, 201);
  });

  test('requests without cf-connecting-ip are limited too', async () => {
    // Miniflare, like Cloudflare, sets the header from the connection when a request lacks it
    // (here the loopback address), so these share one budget.
    await freshWindow();
    for (let i = 0; i < LIMIT; i++) assert.equal((await registerFrom(setup)).status, 201);
    await expectRateLimited(await registerFrom(setup));
  });
});

describe('POST registrations without the limiter binding', () => {
  let setup: Setup;
  before(async () => {
    setup = await setUp({});
  });
  after(() => setup.worker.dispose());

  test('more registrations from one client IP than the limit all pass', async () => {
    const ip = nextIp();
    const before = await storedCounts(setup.worker.db);
    // As many as may wait unconfirmed per client: more than the limiter would let through.
    assert.ok(PENDING_PER_CLIENT > LIMIT);
    for (let i = 0; i < PENDING_PER_CLIENT; i++) {
      assert.equal((await registerFrom(setup, ip)).status, 201);
    }
    assert.equal(
      (await storedCounts(setup.worker.db)).registrations,
      before.registrations + PENDING_PER_CLIENT,
    );
  });
});

test('the client IP never reaches the logs', async () => {
  const setup = await setUp({ registrationLimiter: { limit: 1, period: 60 } });
  try {
    const ip = '203.0.113.77';
    // Break the database under the worker, so the first request does log (an unhandled error).
    await setup.worker.db.exec('DROP TABLE seats');
    await freshWindow();
    assert.equal((await registerFrom(setup, ip)).status, 500);
    await expectRateLimited(await registerFrom(setup, ip));

    await new Promise((resolve) => setTimeout(resolve, 100)); // let the log lines arrive
    const logs = setup.worker.logs();
    assert.match(logs, /unhandled_error/, 'the worker did log');
    assert.ok(!logs.includes(ip), 'the logs do not contain the IP');
    assert.ok(!logs.includes('203.0.113'), 'nor part of it');
  } finally {
    await setup.worker.dispose();
  }
});

describe('the rate-limit middleware', () => {
  /** The middleware in front of a handler that counts what got through. */
  function appWith(limiter?: RateLimit) {
    let passed = 0;
    const app = new Hono<AppEnv>().post('/', limitRegistrations, (c) => {
      passed++;
      return c.json({ ok: true }, 201);
    });
    app.onError(handleError);
    const env = { REGISTRATION_LIMITER: limiter } as Partial<Bindings> as Bindings;
    return {
      post: (headers: Record<string, string> = {}) =>
        app.request('/', { method: 'POST', headers, body: '{}' }, env),
      passed: () => passed,
    };
  }

  /** A limiter that allows `allowed` calls and records the keys it was asked about. */
  function fakeLimiter(allowed: number) {
    const keys: string[] = [];
    const limiter: RateLimit = {
      limit: ({ key }) => {
        keys.push(key);
        return Promise.resolve({ success: keys.length <= allowed });
      },
    };
    return { limiter, keys };
  }

  test('keys an IPv6 address by its /64, an IPv4 (or IPv4-mapped) address by itself', async () => {
    const { limiter, keys } = fakeLimiter(100);
    const app = appWith(limiter);
    for (const ip of [
      '2001:db8:1:2::1',
      '2001:DB8:0001:0002:ffff:ffff:ffff:ffff',
      '2001:db8:1:3::1',
      '192.0.2.7',
      '::ffff:192.0.2.7',
    ]) {
      assert.equal((await app.post({ 'cf-connecting-ip': ip })).status, 201);
    }
    assert.deepEqual(keys, [
      '2001:db8:1:2::/64',
      '2001:db8:1:2::/64',
      '2001:db8:1:3::/64',
      '192.0.2.7',
      '192.0.2.7',
    ]);
  });

  test('keys by cf-connecting-ip, and by one constant key when the header is absent', async () => {
    const { limiter, keys } = fakeLimiter(2);
    const app = appWith(limiter);
    assert.equal((await app.post({ 'cf-connecting-ip': '192.0.2.1' })).status, 201);
    assert.equal((await app.post()).status, 201);
    const refused = await app.post();
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '60');
    const body = (await refused.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'rate_limited');
    assert.equal(keys[0], '192.0.2.1');
    assert.ok(keys[1], 'a non-empty key');
    assert.equal(keys[2], keys[1], 'requests without the header share one key');
    assert.equal(app.passed(), 2, 'the refused request did not reach the handler');
  });

  test('without the binding every request passes', async () => {
    const app = appWith(undefined);
    for (let i = 0; i < 20; i++) {
      assert.equal((await app.post({ 'cf-connecting-ip': '192.0.2.2' })).status, 201);
    }
    assert.equal(app.passed(), 20);
  });

  test('a failing binding lets the request through and logs no IP', async () => {
    const ip = '192.0.2.3';
    const logged = mock.method(console, 'error', () => {});
    try {
      const app = appWith({ limit: () => Promise.reject(new Error(`no budget for ${ip}`)) });
      assert.equal((await app.post({ 'cf-connecting-ip': ip })).status, 201);
      assert.equal(logged.mock.callCount(), 1);
      const line = logged.mock.calls.map((call) => call.arguments.join(' ')).join('\n');
      assert.match(line, /rate_limit_failed/);
      assert.ok(!line.includes(ip), 'the log line does not contain the IP');
    } finally {
      logged.mock.restore();
    }
  });
});
