import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asAdmin, json, startTestWorker, type TestWorker } from '../support/worker';
import {
  adminSeriesPath,
  adminWorkshopPath,
  confirmLink,
  createSeries,
  createWorkshop,
  expectFieldErrors,
  manageLink,
  onlyMessage,
  register,
  registrationStatus,
  seriesBody,
  tokenOf,
  type AdminWorkshop,
  unique,
  uniqueEmail,
  workshopBody,
} from '../support/fixtures';

let worker: TestWorker;
let slug: string;
let workshop: AdminWorkshop;

before(async () => {
  worker = await startTestWorker();
  slug = unique('series');
  await createSeries(worker, slug);
  workshop = await createWorkshop(worker, slug, { capacity: 100 });
});
after(() => worker.dispose());

const FORM = 'application/x-www-form-urlencoded';

/** A body that arrives in chunks, without a Content-Length, as a stream from a client would. */
function streamOf(text: string, chunk = 16 * 1024): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, (offset += chunk)));
    },
  });
}

describe('the confirm and cancel forms take small bodies only', () => {
  // A real token, padded with a field our pages never send: before, 32 MB of this was parsed and
  // the registration confirmed (or cancelled).
  const padded = (fields: Record<string, string>, bytes: number) =>
    `${new URLSearchParams(fields).toString()}&pad=${'x'.repeat(bytes)}`;

  // A stream is kept small: the worker answers after 4 KiB and closes, and a client still
  // writing megabytes then sees the connection reset rather than the answer.
  for (const [what, size, streamed] of [
    ['64 KiB', 64 * 1024, false],
    ['32 KiB', 32 * 1024, true],
  ] as const) {
    {
      test(`${what}${streamed ? ', streamed without a length,' : ''} is refused with the HTML page (413) and changes nothing`, async () => {
        const id = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
        const request = await onlyMessage(worker, { registrationId: id, kind: 'confirm_request' });
        const posts: [string, string][] = [
          ['/api/v1/registrations/confirm', padded({ token: tokenOf(confirmLink(request)) }, size)],
          [
            '/api/v1/registrations/cancel',
            padded({ token: tokenOf(manageLink(request)), all: '1' }, size),
          ],
        ];
        for (const [path, body] of posts) {
          const res = await worker.fetch(path, {
            method: 'POST',
            headers: { 'content-type': FORM },
            body: streamed ? streamOf(body) : body,
            ...(streamed && { duplex: 'half' }),
          } as RequestInit);
          const page = await res.text();
          assert.equal(res.status, 413, `${path}: ${page.slice(0, 200)}`);
          assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
          assert.ok(
            page.includes('Odkaz nie je platný') && page.includes('This link is not valid'),
          );
        }
        assert.equal(
          await registrationStatus(worker, id),
          'pending',
          'neither confirmed nor cancelled',
        );
      });
    }
  }

  test('32 MiB, as in the issue, is refused before it is read and changes nothing', async () => {
    const id = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
    const request = await onlyMessage(worker, { registrationId: id, kind: 'confirm_request' });
    const body = padded({ token: tokenOf(confirmLink(request)) }, 32 * 1024 * 1024);
    // The worker answers 413 as soon as it sees the length; the client, still sending, may see
    // the connection closed instead of the answer.
    const status = await worker
      .fetch('/api/v1/registrations/confirm', {
        method: 'POST',
        headers: { 'content-type': FORM },
        body,
      })
      .then(async (res) => (await res.arrayBuffer(), res.status))
      .catch(
        (error: Error) => (error.cause as { code?: string } | undefined)?.code ?? error.message,
      );
    assert.ok(status === 413 || status === 'ECONNRESET' || status === 'EPIPE', String(status));
    assert.equal(await registrationStatus(worker, id), 'pending');
  });

  test('a form just under the limit still works', async () => {
    const id = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
    const request = await onlyMessage(worker, { registrationId: id, kind: 'confirm_request' });
    const res = await worker.fetch('/api/v1/registrations/confirm', {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: padded({ token: tokenOf(confirmLink(request)) }, 3 * 1024),
    });
    assert.equal(res.status, 200, await res.text());
    assert.equal(await registrationStatus(worker, id), 'confirmed');
  });

  test('a malformed multipart form gets the HTML page, not a JSON error', async () => {
    const res = await worker.fetch('/api/v1/registrations/confirm', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nnot a part at all',
    });
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
  });
});

describe('join links and privacy URLs are parsed and stored normalized', () => {
  const REFUSED = [
    'https:example.org',
    'https:/example.org/x',
    'http://example.org/',
    'ftp://example.org/',
    'javascript:alert(1)',
    'https://user:secret@example.org/',
    'https://user@example.org/',
    'https://example.org/a b',
    'https://exa mple.org/',
    'https://example.org/"onmouseover="x',
    "https://example.org/it's",
    'https://example.org/<script>',
    'https://example.org\\@evil.example/',
    'https://example.org/\u0000',
    'https://localhost/room',
    'https://',
    'https://[::1',
    '//example.org/',
    'example.org',
  ];

  test('a workshop join link that is not a clean https URL is refused: invalid_url', async () => {
    for (const joinUrl of REFUSED) {
      const res = await worker.fetch(
        `${adminSeriesPath(slug)}/workshops`,
        asAdmin(json('POST', workshopBody({ joinUrl }))),
      );
      await expectFieldErrors(res, { joinUrl: 'invalid_url' });
      const patch = await worker.fetch(
        adminWorkshopPath(workshop.id),
        asAdmin(json('PATCH', { joinUrl })),
      );
      await expectFieldErrors(patch, { joinUrl: 'invalid_url' });
    }
  });

  test('a privacy URL that is not a clean https URL is refused: invalid_url', async () => {
    for (const privacyUrl of REFUSED) {
      const res = await worker.fetch(
        adminSeriesPath(unique('series')),
        asAdmin(json('PUT', seriesBody({ privacyUrl }))),
      );
      await expectFieldErrors(res, { privacyUrl: 'invalid_url' });
    }
  });

  test('links are stored as the URL parser writes them', async () => {
    for (const [typed, stored] of [
      ['  https://Meet.Example.GOV.sk/Room-1  ', 'https://meet.example.gov.sk/Room-1'],
      ['HTTPS://example.org', 'https://example.org/'],
      ['https://example.org:443/a?b=c#d', 'https://example.org/a?b=c#d'],
      [
        'https://mesto-žilina.sk/ochrana-údajov',
        'https://xn--mesto-ilina-jrc.sk/ochrana-%C3%BAdajov',
      ],
      ['https://[2001:db8::1]/room', 'https://[2001:db8::1]/room'],
    ]) {
      const created = await createWorkshop(worker, slug, { joinUrl: typed });
      assert.equal(created.joinUrl, stored, typed);
      const series = await worker.fetch(
        adminSeriesPath(unique('series')),
        asAdmin(json('PUT', seriesBody({ privacyUrl: typed }))),
      );
      const body = (await series.json()) as { series: { privacyUrl: string } };
      assert.equal(body.series.privacyUrl, stored, typed);
    }
  });
});
