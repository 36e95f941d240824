import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { TestWorker } from '../support/worker';
import {
  createSeries,
  createWorkshop,
  postRegistration,
  register,
  registerConfirmed,
  testWorker,
  unique,
  uniqueEmail,
  validRegistration,
} from '../support/fixtures';
import { sharedWorker } from '../support/shared-worker';

/** One development worker for the two describe blocks below, emptied before each. */
const development = sharedWorker({ ENVIRONMENT: 'development' });

interface DevMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  kind: string;
  attachments: { filename: string; contentType: string; content: string }[];
  status: string;
}

describe('the development outbox (ENVIRONMENT=development)', () => {
  let worker: TestWorker;
  before(async () => {
    worker = await development.fresh();
  });

  test('GET /api/v1/dev/outbox lists every message as JSON, newest first', async () => {
    const slug = unique('series');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug);
    const email = uniqueEmail();
    await registerConfirmed(worker, slug, [workshop.id], { email });

    const res = await worker.fetch('/api/v1/dev/outbox');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const messages = ((await res.json()) as { messages: DevMessage[] }).messages.filter(
      (m) => m.to === email,
    );
    assert.deepEqual(
      messages.map((m) => m.kind),
      ['confirmed', 'confirm_request'],
    );
    const [confirmed, request] = messages;
    for (const m of messages) {
      for (const key of ['to', 'subject', 'text', 'html', 'kind', 'attachments', 'status']) {
        assert.ok(key in m, `${key} in ${m.kind}`);
      }
      assert.equal(m.to, email);
      assert.equal(m.status, 'sent');
      assert.match(m.html, /^<!doctype html>/);
    }
    assert.ok(request!.text.includes('/api/v1/registrations/confirm?token='));
    assert.deepEqual(request!.attachments, []);
    assert.equal(confirmed!.attachments.length, 1);
    assert.equal(confirmed!.attachments[0]!.filename, `workshop-${workshop.id}.ics`);
    assert.match(confirmed!.attachments[0]!.content, /^BEGIN:VCALENDAR\r\n/);
  });

  test('GET /dev/outbox shows the messages as a readable page, escaped, links clickable', async () => {
    const slug = unique('series');
    await createSeries(worker, slug, { title: { sk: 'Séria <b>tučná</b>', en: 'Series' } });
    const workshop = await createWorkshop(worker, slug);
    const email = uniqueEmail();
    await register(worker, slug, [workshop.id], { email });

    const res = await worker.fetch('/dev/outbox');
    const page = await res.text();
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.ok(page.includes(email));
    assert.ok(page.includes('Potvrďte registráciu: Séria &lt;b&gt;tučná&lt;/b&gt;'), page);
    assert.ok(!page.includes('<b>tučná</b>'));
    assert.match(
      page,
      /<a href="http:\/\/worker\.test\/api\/v1\/registrations\/confirm\?token=[\w-]+">/,
    );
  });
});

describe('POST /api/v1/dev/scheduled (ENVIRONMENT=development)', () => {
  let worker: TestWorker;
  before(async () => {
    worker = await development.fresh();
  });

  const runs = () => worker.logs().split('"event":"scheduled"').length - 1;

  test('runs the cron at ?time=, or now', async () => {
    const time = Date.now() + 60_000;
    const res = await worker.fetch(`/api/v1/dev/scheduled?time=${time}`, { method: 'POST' });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { ranAt: new Date(time).toISOString() });
    const now = await worker.fetch('/api/v1/dev/scheduled', { method: 'POST' });
    assert.equal(now.status, 200);
  });

  test('refuses a time that is not a valid Date with 422, before running anything', async () => {
    await worker.fetch('/api/v1/dev/scheduled', { method: 'POST' });
    const before = runs();
    assert.ok(before > 0, 'a run shows in the logs');
    for (const time of ['8640000000000001', '9007199254740993', 'abc', '0', '-5', '1.5', '']) {
      const res = await worker.fetch(`/api/v1/dev/scheduled?time=${time}`, { method: 'POST' });
      const body = (await res.json()) as { error: { code: string; fields?: object } };
      assert.equal(res.status, 422, time);
      assert.equal(body.error.code, 'validation', time);
      assert.ok(body.error.fields && 'time' in body.error.fields, time);
    }
    assert.equal(runs(), before, 'the cron did not run');
  });
});

describe('the development outbox elsewhere', () => {
  for (const environment of ['test', 'production']) {
    test(`does not exist when ENVIRONMENT is ${environment}`, async (t) => {
      const worker = await testWorker(t, { ENVIRONMENT: environment });
      const slug = unique('series');
      await createSeries(worker, slug);
      const workshop = await createWorkshop(worker, slug);
      const res = await postRegistration(worker, slug, validRegistration([workshop.id]));
      assert.equal(res.status, 201);
      for (const path of ['/api/v1/dev/outbox', '/dev/outbox']) {
        const res = await worker.fetch(path);
        const body = await res.text();
        assert.equal(res.status, 404, path);
        assert.ok(!body.includes('@example.org'), 'nothing of the outbox shows');
      }
    });
  }
});
