import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestWorker, type TestWorker } from '../support/worker';
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
    worker = await startTestWorker({ ENVIRONMENT: 'development' });
  });
  after(() => worker.dispose());

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
