import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { PENDING_PER_CLIENT } from '../../worker/src/domain/holds';
import { asAdmin, json, startTestWorker, type TestWorker } from '../support/worker';
import {
  adminSeriesPath,
  adminWorkshopPath,
  confirmLink,
  createSeries,
  createWorkshop,
  manageLink,
  registrationsPath,
  runCron,
  seriesBody,
  seriesPath,
  settle,
  unique,
  validRegistration,
  workshopBody,
  type AdminWorkshop,
} from '../support/fixtures';

/**
 * Property-based tests against the real worker in workerd: whatever arrives — arbitrary JSON,
 * strings, unicode (lone surrogates included), sizes — the answer is never a 5xx and always
 * within the error contract, and afterwards the database's invariants hold. A fixed seed and a
 * bounded number of runs keep them repeatable and quick; a failure prints the seed and the
 * smallest input that fails.
 */
const SEED = 20261129;
const runs = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true });

let worker: TestWorker;
let slug: string;
let workshops: AdminWorkshop[];
/** Held seats when an organizer lowered a workshop's capacity: the only way to be over it. */
const floors = new Map<string, number>();

before(async () => {
  worker = await startTestWorker();
  slug = unique('props');
  await createSeries(worker, slug);
  workshops = [
    await createWorkshop(worker, slug, { startsInHours: 30, capacity: 3 }),
    await createWorkshop(worker, slug, { startsInHours: 60, capacity: 2 }),
  ];
});
after(() => worker.dispose());

/** Any text, from the plain to the hostile: unicode, lone surrogates, markup, long. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', '<script>alert(1)</script>', 'Ž'.repeat(300)),
  fc.string({ minLength: 3000, maxLength: 20_000, unit: 'binary-ascii' }),
);

/** A value of any JSON type, nested. */
const anyJson = fc.oneof(fc.jsonValue(), text, fc.constant(null));

/** A registration body that is valid or nearly so: each field kept, left out or replaced. */
const registrationish = fc
  .record({
    field: fc.constantFrom(
      'givenName',
      'familyName',
      'email',
      'organizationType',
      'organization',
      'role',
      'workshopIds',
      'locale',
      'turnstileToken',
      'extra',
    ),
    value: fc.option(anyJson, { nil: undefined }),
    workshopIds: fc.subarray(['w0', 'w1', 'other']),
    email: fc.emailAddress(),
  })
  .map(({ field, value, workshopIds, email }) => {
    const ids = workshopIds.map((w) =>
      w === 'w0' ? workshops[0]!.id : w === 'w1' ? workshops[1]!.id : w,
    );
    const body: Record<string, unknown> = validRegistration(ids, { email });
    if (value === undefined) delete body[field];
    else body[field] = value;
    return body;
  });

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
];

/** An answer within the contract: JSON, success or `{error: {code, message, …}}`, or a link page. */
async function expectContract(res: Response, what: string): Promise<void> {
  const raw = await res.text();
  assert.ok(res.status < 500, `${what}: ${res.status} ${raw.slice(0, 300)}`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', what);
  const type = res.headers.get('content-type') ?? '';
  if (type.startsWith('text/html')) {
    assert.ok([200, 404, 413].includes(res.status), `${what}: page with ${res.status}`);
    assert.match(raw, /^<!doctype html>/);
    return;
  }
  if (res.status === 204) return assert.equal(raw, '');
  assert.match(type, /^application\/json/, `${what}: ${type}`);
  const body = JSON.parse(raw) as Record<string, unknown>;
  if (res.status < 400) return;
  assert.deepEqual(Object.keys(body), ['error'], what);
  const error = body.error as Record<string, unknown>;
  assert.equal(typeof error.code, 'string', what);
  assert.equal(typeof error.message, 'string', what);
  for (const key of Object.keys(error)) {
    assert.ok(['code', 'message', 'fields', 'workshopIds'].includes(key), `${what}: ${key}`);
  }
  for (const code of Object.values((error.fields ?? {}) as Record<string, unknown>)) {
    assert.equal(typeof code, 'string', what);
  }
}

/** The database's invariants, whatever happened before. */
async function expectInvariants(): Promise<void> {
  await settle(worker);
  const query = async <T>(sql: string) => (await worker.db.prepare(sql).all<T>()).results;
  for (const w of await query<{ id: string; capacity: number; held: number }>(
    `SELECT w.id, w.capacity,
       (SELECT COUNT(*) FROM seats s WHERE s.workshop_id = w.id AND s.status = 'held') AS held
     FROM workshops w`,
  )) {
    assert.ok(
      w.held <= Math.max(w.capacity, floors.get(w.id) ?? 0),
      `no seat over capacity: ${JSON.stringify(w)}`,
    );
  }
  const [orphans] = await query<{ n: number }>(
    `SELECT COUNT(*) AS n FROM seats s LEFT JOIN registrations r ON r.id = s.registration_id
     WHERE s.status = 'held' AND (r.id IS NULL OR r.status NOT IN ('pending', 'confirmed'))`,
  );
  assert.equal(orphans!.n, 0, 'every held seat belongs to a pending or confirmed registration');
  const [twice] = await query<{ n: number }>(
    `SELECT COUNT(*) AS n FROM (SELECT workshop_id, email_key FROM seats WHERE status = 'held'
     GROUP BY 1, 2 HAVING COUNT(*) > 1)`,
  );
  assert.equal(twice!.n, 0, 'one seat per address and workshop');
  const [overCap] = await query<{ n: number }>(
    `SELECT COUNT(*) AS n FROM (SELECT client_key FROM registrations
     WHERE status = 'pending' AND client_key IS NOT NULL GROUP BY client_key, series_id
     HAVING COUNT(*) > ${PENDING_PER_CLIENT})`,
  );
  assert.equal(overCap!.n, 0, 'no client over the pending cap');
  const [keptKeys] = await query<{ n: number }>(
    `SELECT COUNT(*) AS n FROM registrations WHERE status <> 'pending' AND client_key IS NOT NULL`,
  );
  assert.equal(keptKeys!.n, 0, 'a client key only while pending');
  const [mail] = await query<{ n: number }>(
    `SELECT COUNT(*) AS n FROM registrations r
     WHERE (r.confirmed_at IS NOT NULL) <> EXISTS (SELECT 1 FROM outbox o
       WHERE o.registration_id = r.id AND o.kind = 'confirmed')`,
  );
  assert.equal(mail!.n, 0, 'a confirmation mail exactly for each confirmation');
  // What the public API shows agrees with the database.
  const listed = (await (await worker.fetch(seriesPath(slug))).json()) as {
    workshops: { id: string; capacity: number; seatsLeft: number }[];
  };
  for (const w of listed.workshops) {
    const [row] = await query<{ held: number }>(
      `SELECT COUNT(*) AS held FROM seats WHERE workshop_id = '${w.id}' AND status = 'held'`,
    );
    assert.equal(w.seatsLeft, Math.max(0, w.capacity - row!.held), `seatsLeft of ${w.id}`);
  }
}

let client = 0;
/** A client of its own for each request (IPv4 or IPv6), or now and then one shared. */
const clientIp = fc.oneof(
  fc.constant('198.51.100.200'),
  fc.constant(null).map(() => `2001:db8:${(++client).toString(16)}::1`),
);

/** A path segment: any text, percent-encoded byte by byte, or a broken escape. */
const pathSegment = fc.oneof(
  text.map((t) =>
    [...new TextEncoder().encode(t.slice(0, 200))]
      .map((b) => `%${b.toString(16).padStart(2, '0')}`)
      .join(''),
  ),
  fc.constantFrom('%', '%zz', '%ED%A0%80', '%C0%AF', '..', '%2e%2e%2f', 'a%00b'),
);

describe('public endpoints never fail and stay within the contract', () => {
  test('POST registrations: arbitrary bodies, content types and clients', async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          registrationish.map((b) => JSON.stringify(b)),
          anyJson.map((v) => JSON.stringify(v)),
          text,
        ),
        fc.constantFrom(...CONTENT_TYPES),
        clientIp,
        async (body, type, ip) => {
          const res = await worker.fetch(registrationsPath(slug), {
            method: 'POST',
            headers: { 'content-type': type, 'cf-connecting-ip': ip },
            body,
          });
          statuses.add(res.status);
          await expectContract(res, `POST ${type} ${body.slice(0, 80)}`);
        },
      ),
      runs(120),
    );
    // Accepted, and refused each way: the inputs reach every kind of answer.
    for (const status of [201, 400, 415, 422]) assert.ok(statuses.has(status), `${status}`);
    await expectInvariants();
  });

  test('GET a series and its page by any slug, POST a registration to any slug', async () => {
    await fc.assert(
      fc.asyncProperty(pathSegment, async (path) => {
        for (const [url, init] of [
          [seriesPath(path), undefined],
          [`${seriesPath(path)}/register?lang=${path}`, undefined],
          [registrationsPath(path), json('POST', validRegistration([workshops[0]!.id]))],
        ] as const) {
          await expectContract(await worker.fetch(url, init), `${url.slice(0, 80)}`);
        }
      }),
      runs(40),
    );
  });

  test('the confirm and cancel forms and links: arbitrary fields and tokens', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('token', 'workshopId', 'all', 'x'), text, { maxKeys: 4 }),
        fc.constantFrom(
          '/api/v1/registrations/confirm',
          '/api/v1/registrations/cancel',
          '/api/v1/registrations/manage',
        ),
        fc.constantFrom(...CONTENT_TYPES),
        async (fields, path, type) => {
          const form = new URLSearchParams(fields as Record<string, string>).toString();
          await expectContract(await worker.fetch(`${path}?${form}`), `GET ${path}`);
          const res = await worker.fetch(path, {
            method: 'POST',
            headers: { 'content-type': type },
            body: form,
          });
          await expectContract(res, `POST ${path}`);
        },
      ),
      runs(60),
    );
    await expectInvariants();
  });
});

describe('admin endpoints never fail and stay within the contract', () => {
  test('PUT series, POST and PATCH workshops: arbitrary and nearly valid bodies', async () => {
    const nearly = (base: Record<string, unknown>) =>
      fc
        .record({
          key: fc.constantFrom(...Object.keys(base), 'turnstile', 'retentionDays'),
          value: anyJson,
        })
        .map(({ key, value }) => ({ ...base, [key]: value }));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(anyJson, nearly(seriesBody()), nearly(workshopBody()), nearly({ capacity: 1 })),
        fc.constantFrom('series', 'workshop', 'patch'),
        async (body, target) => {
          const heldBefore = await heldIn(workshops[0]!.id);
          const [url, method] =
            target === 'series'
              ? [adminSeriesPath(unique('p')), 'PUT']
              : target === 'workshop'
                ? [`${adminSeriesPath(slug)}/workshops`, 'POST']
                : [adminWorkshopPath(workshops[0]!.id), 'PATCH'];
          const res = await worker.fetch(url, asAdmin(json(method, body)));
          if (target === 'patch' && res.ok) {
            floors.set(workshops[0]!.id, Math.max(floors.get(workshops[0]!.id) ?? 0, heldBefore));
          }
          await expectContract(res, `${method} ${JSON.stringify(body).slice(0, 100)}`);
        },
      ),
      runs(120),
    );
    await expectInvariants();
  });
});

describe('admin paths by any id', () => {
  test('GET, DELETE and POST with arbitrary ids and slugs', async () => {
    await fc.assert(
      fc.asyncProperty(pathSegment, async (id) => {
        for (const [url, method] of [
          [`/api/v1/admin/registrations/${id}`, 'DELETE'],
          [`/api/v1/admin/workshops/${id}/cancel`, 'POST'],
          [adminSeriesPath(id), 'GET'],
          [`${adminSeriesPath(id)}/messages`, 'GET'],
          [`${adminSeriesPath(id)}/messages/retry`, 'POST'],
        ] as const) {
          await expectContract(await worker.fetch(url, asAdmin({ method })), `${method} ${url}`);
        }
      }),
      runs(30),
    );
    await expectInvariants();
  });
});

async function heldIn(workshopId: string): Promise<number> {
  const row = await worker.db
    .prepare(`SELECT COUNT(*) AS n FROM seats WHERE workshop_id = ? AND status = 'held'`)
    .bind(workshopId)
    .first<{ n: number }>();
  return row!.n;
}

describe('any sequence of registrations, confirmations, cancellations and cron runs', () => {
  test('keeps the invariants', async () => {
    const action = fc.oneof(
      fc.record({
        kind: fc.constant('register' as const),
        ids: fc.subarray([0, 1], { minLength: 1 }),
        ip: clientIp,
      }),
      fc.record({ kind: fc.constantFrom('confirm' as const, 'cancel' as const), pick: fc.nat() }),
      fc.record({
        kind: fc.constant('cron' as const),
        minutes: fc.integer({ min: 0, max: 26 * 60 }),
      }),
    );
    let clock = Date.now();
    const seen = { registered: 0, confirmed: 0, cancelled: 0, lapsed: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 12 }), async (actions) => {
        for (const a of actions) {
          if (a.kind === 'register') {
            const body = validRegistration(
              a.ids.map((i) => workshops[i]!.id),
              { email: `${unique('seq')}@example.org` },
            );
            const res = await worker.fetch(
              registrationsPath(slug),
              json('POST', body, { 'cf-connecting-ip': a.ip }),
            );
            if (res.status === 201) seen.registered++;
            await expectContract(res, 'register');
          } else if (a.kind === 'cron') {
            clock += a.minutes * 60_000;
            await runCron(worker, clock);
            const lapsed = await worker.db
              .prepare(`SELECT COUNT(*) AS n FROM registrations WHERE status = 'expired'`)
              .first<{ n: number }>();
            seen.lapsed += lapsed!.n;
          } else {
            await settle(worker);
            const { results } = await worker.db
              .prepare(
                `SELECT text_body FROM outbox WHERE kind = 'confirm_request' AND text_body <> '' ORDER BY rowid`,
              )
              .all<{ text_body: string }>();
            if (results.length === 0) continue;
            const message = { text: results[a.pick % results.length]!.text_body };
            const link = a.kind === 'confirm' ? confirmLink(message) : manageLink(message);
            const token = new URL(link).searchParams.get('token')!;
            const res = await worker.fetch(`/api/v1/registrations/${a.kind}`, {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams(
                a.kind === 'cancel' ? { token, all: '1' } : { token },
              ).toString(),
            });
            const page = await res.clone().text();
            if (/Registrácia je potvrdená/.test(page)) seen.confirmed++;
            if (/Registrácia bola zrušená/.test(page)) seen.cancelled++;
            await expectContract(res, a.kind);
          }
        }
        await expectInvariants();
      }),
      runs(12),
    );
    // Not vacuous: people did register, confirm and cancel, and holds lapsed.
    for (const [what, n] of Object.entries(seen))
      assert.ok(n > 0, `${what}: ${JSON.stringify(seen)}`);
  });
});
