import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { asAdmin, json, startTestWorker, type TestWorker } from '../support/worker';
import {
  adminSeriesPath,
  adminWorkshopPath,
  createSeries,
  createWorkshop,
  expectError,
  registrationsPath,
  seriesBody,
  seriesPath,
  storedCounts,
  unique,
  validRegistration,
  workshopBody,
  type AdminWorkshop,
} from '../support/fixtures';

const LIMIT = 16 * 1024;

let worker: TestWorker;
let slug: string;
let workshop: AdminWorkshop;

before(async () => {
  worker = await startTestWorker();
  slug = unique('series');
  await createSeries(worker, slug);
  workshop = await createWorkshop(worker, slug, { capacity: 1000 });
});
after(() => worker.dispose());

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  worker.fetch(path, { method: 'POST', headers, body });

/** A body of exactly `bytes` bytes of valid JSON that fails validation (no real fields). */
const paddedJson = (bytes: number, filler = 'x') => {
  const shell = JSON.stringify({ padding: '' });
  const perChar = new TextEncoder().encode(filler).byteLength;
  const body = JSON.stringify({ padding: filler.repeat((bytes - shell.length) / perChar) });
  assert.equal(new TextEncoder().encode(body).byteLength, bytes);
  return body;
};

/** A request body streamed in chunks, so it is sent without a Content-Length. */
const streamed = (text: string, chunk = 1024): RequestInit => {
  const bytes = new TextEncoder().encode(text);
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += chunk) controller.enqueue(bytes.slice(i, i + chunk));
        controller.close();
      },
    }),
    duplex: 'half',
  } as RequestInit;
};

/**
 * Sends raw HTTP/1.1 to the worker: a request head, then only `body` (which may be shorter than
 * the declared Content-Length). Resolves with the status and body of the response.
 */
async function rawRequest(head: string, body: string): Promise<{ status: number; text: string }> {
  const url = await worker.mf.ready;
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(head.replaceAll('\n', '\r\n') + '\r\n' + body);
    });
    let received = '';
    const timer = setTimeout(() => socket.destroy(new Error('no response in time')), 5000);
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => {
      received += data;
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1]);
      const lengthMatch = /\r\ncontent-length: *(\d+)/i.exec(received.slice(0, end));
      const chunked = /\r\ntransfer-encoding: *chunked/i.test(received.slice(0, end));
      const rest = received.slice(end + 4);
      if (lengthMatch && Buffer.byteLength(rest) >= Number(lengthMatch[1])) {
        finish(status, rest);
      } else if (chunked && rest.endsWith('0\r\n\r\n')) {
        finish(status, dechunk(rest));
      }
    });
    socket.on('error', reject);
    function finish(status: number, text: string) {
      clearTimeout(timer);
      socket.destroy();
      resolve({ status, text });
    }
  });
}

function dechunk(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, lineEnd), 16);
    if (!size) return out;
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}

describe('content type', () => {
  const body = () => JSON.stringify(validRegistration([workshop.id]));

  test('refuses a body without a content type with 415 unsupported_media_type', async () => {
    const res = await worker.fetch(registrationsPath(slug), {
      method: 'POST',
      body: new TextEncoder().encode(body()),
    });
    await expectError(res, 415, 'unsupported_media_type');
  });

  test('refuses non-JSON content types with 415 unsupported_media_type', async () => {
    for (const type of [
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/json',
      'application/jsonp',
      'application/xml',
    ]) {
      const before = await storedCounts(worker.db);
      const res = await post(registrationsPath(slug), body(), { 'content-type': type });
      await expectError(res, 415, 'unsupported_media_type');
      assert.deepEqual(await storedCounts(worker.db), before, `nothing stored for ${type}`);
    }
  });

  test('accepts application/json with a charset parameter', async () => {
    for (const type of ['application/json; charset=utf-8', 'application/json;charset=UTF-8']) {
      const email = `${unique('charset')}@example.org`;
      const res = await post(
        registrationsPath(slug),
        JSON.stringify(validRegistration([workshop.id], { email })),
        { 'content-type': type },
      );
      assert.equal(res.status, 201, type);
    }
  });

  test('the admin API also requires JSON', async () => {
    const res = await worker.fetch(adminSeriesPath(unique('typed')), {
      method: 'PUT',
      headers: { 'content-type': 'text/plain', authorization: asAdminHeader() },
      body: JSON.stringify(seriesBody()),
    });
    await expectError(res, 415, 'unsupported_media_type');
  });
});

function asAdminHeader(): string {
  return (asAdmin().headers as Record<string, string>).authorization!;
}

describe('body size', () => {
  test('refuses a body over 16 KiB sent with its Content-Length with 413', async () => {
    const before = await storedCounts(worker.db);
    const res = await post(registrationsPath(slug), paddedJson(LIMIT + 1), {
      'content-type': 'application/json',
    });
    await expectError(res, 413, 'payload_too_large');
    assert.deepEqual(await storedCounts(worker.db), before);
  });

  test('refuses a body over 16 KiB streamed without a Content-Length with 413', async () => {
    await expectError(
      await worker.fetch(registrationsPath(slug), streamed(paddedJson(LIMIT + 1))),
      413,
      'payload_too_large',
    );
    await expectError(
      await worker.fetch(registrationsPath(slug), streamed(paddedJson(LIMIT * 2), LIMIT * 2)),
      413,
      'payload_too_large',
    );
  });

  test('refuses a declared Content-Length over 16 KiB without waiting for the body', async () => {
    const { status, text } = await rawRequest(
      [
        `POST ${registrationsPath(slug)} HTTP/1.1`,
        'Host: worker.test',
        'Content-Type: application/json',
        `Content-Length: ${LIMIT * 64}`,
        '',
      ].join('\n'),
      '{"padding":"',
    );
    assert.equal(status, 413);
    assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, 'payload_too_large');
  });

  test('counts bytes, not characters', async () => {
    // 2-byte characters: fewer than 16 Ki characters but more than 16 KiB.
    const body = paddedJson(LIMIT + 2, 'č');
    assert.ok(body.length < LIMIT);
    await expectError(
      await post(registrationsPath(slug), body, { 'content-type': 'application/json' }),
      413,
      'payload_too_large',
    );
  });

  test('reads a body of exactly 16 KiB, or just under, and validates it (422, not 413)', async () => {
    for (const size of [LIMIT, LIMIT - 1, LIMIT - 100]) {
      const text = paddedJson(size);
      await expectError(
        await post(registrationsPath(slug), text, { 'content-type': 'application/json' }),
        422,
        'validation',
      );
      await expectError(
        await worker.fetch(registrationsPath(slug), streamed(text)),
        422,
        'validation',
      );
    }
  });

  test('accepts a valid registration of nearly 16 KiB', async () => {
    const body = validRegistration([workshop.id], {
      email: `${unique('padded')}@example.org`,
      padding: '',
    });
    body.padding = 'x'.repeat(LIMIT - 200 - JSON.stringify(body).length);
    const text = JSON.stringify(body);
    assert.ok(text.length > LIMIT - 300 && text.length <= LIMIT);
    const res = await post(registrationsPath(slug), text, { 'content-type': 'application/json' });
    assert.equal(res.status, 201);
  });
});

describe('malformed JSON', () => {
  test('refuses unparsable bodies with 400 invalid_json', async () => {
    for (const text of [
      '',
      '{',
      '{"givenName": "Jana",}',
      "{'a': 1}",
      'undefined',
      '{"a":1}x',
      '\u0000',
    ]) {
      const before = await storedCounts(worker.db);
      await expectError(
        await post(registrationsPath(slug), text, { 'content-type': 'application/json' }),
        400,
        'invalid_json',
      );
      assert.deepEqual(await storedCounts(worker.db), before);
    }
  });

  test('refuses JSON that is not an object with 400 invalid_json', async () => {
    for (const text of ['[]', '[{"givenName":"Jana"}]', 'null', '5', '"text"', 'true']) {
      await expectError(
        await post(registrationsPath(slug), text, { 'content-type': 'application/json' }),
        400,
        'invalid_json',
      );
    }
  });

  test('the admin API refuses malformed JSON the same way', async () => {
    for (const [path, method] of [
      [adminSeriesPath(unique('json')), 'PUT'],
      [`${adminSeriesPath(slug)}/workshops`, 'POST'],
      [adminWorkshopPath(workshop.id), 'PATCH'],
    ] as const) {
      const res = await worker.fetch(path, asAdmin({ ...json(method, null), body: '[1,' }));
      await expectError(res, 400, 'invalid_json');
    }
  });
});

describe('unknown paths', () => {
  test('answers 404 not_found for paths and methods the API does not have', async () => {
    const cases: [string, string][] = [
      ['/api', 'GET'],
      ['/api/v1', 'GET'],
      ['/api/v1/', 'GET'],
      ['/api/v1/nothing', 'GET'],
      ['/api/v2/series/x', 'GET'],
      ['/api/v1/series', 'GET'],
      ['/api/v1/series/', 'GET'],
      [`${seriesPath(slug)}/workshops`, 'GET'],
      [`${registrationsPath(slug)}`, 'GET'],
      [`${registrationsPath(slug)}/abc`, 'GET'],
      [seriesPath(slug), 'DELETE'],
      [seriesPath(slug), 'PUT'],
      [registrationsPath(slug), 'PATCH'],
      ['/', 'GET'],
      ['/favicon.ico', 'GET'],
    ];
    for (const [path, method] of cases) {
      const res = await worker.fetch(path, { method });
      await expectError(res, 404, 'not_found');
    }
  });
});

describe('garbage input', () => {
  const deep = (depth: number): unknown => (depth === 0 ? 'x' : { a: deep(depth - 1) });

  test('never answers 5xx and always answers a JSON error', async () => {
    const before = await storedCounts(worker.db);
    const reg = (overrides: Record<string, unknown>) =>
      json(
        'POST',
        validRegistration([workshop.id], { email: 'garbage@example.org', ...overrides }),
      );
    const raw = (body: string, type = 'application/json'): RequestInit => ({
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    const cases: [string, RequestInit][] = [
      // Paths
      [seriesPath('x'.repeat(10_000)), {}],
      [registrationsPath('x'.repeat(10_000)), reg({})],
      [seriesPath('šľachta-ďumbier-日本'), {}],
      [seriesPath('%E2%82'), {}],
      [seriesPath('%ZZ%'), {}],
      [seriesPath('%00'), {}],
      [seriesPath("x'%20OR%201=1--"), {}],
      [registrationsPath('%F0%9F%92%A9'), reg({})],
      [`${seriesPath('..')}/..%2F..%2Fadmin`, {}],
      [`${seriesPath('no-such-series')}?${'a=%ZZ&'.repeat(2000)}`, {}],
      [adminWorkshopPath('%ZZ'), asAdmin(json('PATCH', { capacity: 1 }))],
      [adminSeriesPath('%ZZ'), asAdmin()],
      [adminWorkshopPath('x'.repeat(5000)), asAdmin(json('PATCH', {}))],
      // Methods
      [registrationsPath(slug), { method: 'PUT', body: '{}' }],
      [seriesPath(slug), { method: 'POST', body: '{}' }],
      [adminSeriesPath(slug), asAdmin({ method: 'DELETE' })],
      // Registration bodies
      [
        registrationsPath(slug),
        reg({ workshopIds: Array.from({ length: 1000 }, (_, i) => `w${i}`) }),
      ],
      [
        registrationsPath(slug),
        reg({ workshopIds: Array.from({ length: 21 }, () => workshop.id) }),
      ],
      [
        registrationsPath(slug),
        reg({ workshopIds: Array.from({ length: 20 }, (_, i) => `w${i}`) }),
      ],
      [registrationsPath(slug), reg({ workshopIds: [workshop.id, ['nested']] })],
      [registrationsPath(slug), reg({ workshopIds: [null, 5, {}, true] })],
      [registrationsPath(slug), reg({ workshopIds: ['x'.repeat(100)] })],
      [registrationsPath(slug), reg({ workshopIds: ["' OR 1=1 --"] })],
      [registrationsPath(slug), reg({ workshopIds: ['\ud800'] })],
      [registrationsPath(slug), reg({ givenName: deep(200) })],
      [registrationsPath(slug), reg({ givenName: 12345, familyName: 1e308, email: -0 })],
      [registrationsPath(slug), reg({ givenName: ['Jana'], organizationType: ['expert'] })],
      [registrationsPath(slug), reg({ locale: { sk: true } })],
      [registrationsPath(slug), reg({ email: 'a'.repeat(5000) })],
      [registrationsPath(slug), reg({ email: '\ud800@example.org' })],
      [registrationsPath(slug), reg({ givenName: '\u202eJana\u200b\ufeff', familyName: '\ud83d' })],
      [
        registrationsPath(slug),
        reg({ constructor: { prototype: {} }, hasOwnProperty: 1, givenName: '' }),
      ],
      [
        registrationsPath(slug),
        raw('{"__proto__": {"givenName": "x"}, "constructor": {"prototype": 1}}'),
      ],
      [registrationsPath(slug), raw('['.repeat(5000) + ']'.repeat(5000))],
      [registrationsPath(slug), raw('{"a":'.repeat(2000) + '1' + '}'.repeat(2000))],
      [registrationsPath(slug), raw('{"givenName": "\\ud800\\udfff\\u0000"}')],
      [registrationsPath(slug), raw('\ufeff{}')],
      [registrationsPath(slug), raw(JSON.stringify({ a: 1 }).repeat(1000))],
      [registrationsPath(slug), raw('{}', 'application/json; charset=latin1')],
      [registrationsPath(slug), raw(String.fromCharCode(0xff, 0xfe, 0xfd))],
      // Admin bodies
      [
        `${adminSeriesPath(slug)}/workshops`,
        asAdmin(json('POST', workshopBody({ capacity: Number.MAX_SAFE_INTEGER }))),
      ],
      [
        `${adminSeriesPath(slug)}/workshops`,
        asAdmin(json('POST', workshopBody({ startsAt: '0000-00-00T00:00:00Z' }))),
      ],
      [
        `${adminSeriesPath(slug)}/workshops`,
        asAdmin(json('POST', workshopBody({ startsAt: '2026-02-30T10:00:00Z' }))),
      ],
      [
        `${adminSeriesPath(slug)}/workshops`,
        asAdmin(json('POST', workshopBody({ startsAt: '2026-01-01T10:00:00+02' }))),
      ],
      [
        `${adminSeriesPath(slug)}/workshops`,
        asAdmin(json('POST', workshopBody({ startsAt: 1735725600000 }))),
      ],
      [
        `${adminSeriesPath(slug)}/workshops`,
        asAdmin(json('POST', workshopBody({ title: 'flat' }))),
      ],
      [
        `${adminSeriesPath(slug)}/workshops`,
        asAdmin(json('POST', workshopBody({ joinUrl: 'https://' }))),
      ],
      [adminWorkshopPath(workshop.id), asAdmin(json('PATCH', { startsAt: null, capacity: '∞' }))],
      [adminWorkshopPath(workshop.id), asAdmin(json('PATCH', { title: { sk: deep(100) } }))],
      [adminSeriesPath('ok-slug'), asAdmin(json('PUT', { title: 5, organizer: [] }))],
      [
        adminSeriesPath('ok-slug'),
        asAdmin(json('PUT', seriesBody({ privacyUrl: 'https://[::1' }))),
      ],
    ];

    const failures: string[] = [];
    await Promise.all(
      cases.map(async ([path, init], i) => {
        const res = await worker.fetch(path, init);
        const text = await res.text();
        let code: unknown;
        try {
          code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
        } catch {
          code = undefined;
        }
        if (res.status >= 500 || typeof code !== 'string' || res.status < 400) {
          failures.push(
            `#${i} ${init.method ?? 'GET'} ${path.slice(0, 80)} → ${res.status} ${text.slice(0, 120)}`,
          );
        }
      }),
    );
    assert.deepEqual(failures, []);
    assert.deepEqual(await storedCounts(worker.db), before, 'no garbage was stored');
  });
});
