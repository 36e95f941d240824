import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoSeries } from '../../demo/content';
import { MAX_ATTEMPTS } from '../../worker/src/jobs/deliver';
import { asAdmin } from '../support/worker';
import {
  adminMessages,
  createSeries,
  createWorkshop,
  fakeMailProvider,
  HOUR,
  HTTP_MAIL,
  MINUTE,
  onlyMessage,
  outbox,
  register,
  registerConfirmed,
  runCron,
  settle,
  testWorker,
  unique,
  uniqueEmail,
  postRegistration,
  validRegistration,
} from '../support/fixtures';
import { sharedWorker } from '../support/shared-worker';

/** One worker with the HTTP transport for the tests below that need no other bindings. */
const httpMail = sharedWorker(HTTP_MAIL, { outbound: true });

/** A worker with the HTTP transport and a fake provider, a series and a workshop in 3 days. */
async function setup(t: Parameters<typeof testWorker>[0], bindings: Record<string, string> = {}) {
  const provider = fakeMailProvider();
  const worker =
    Object.keys(bindings).length === 0
      ? await httpMail.fresh(t, { outbound: provider.outbound })
      : await testWorker(t, { ...HTTP_MAIL, ...bindings }, { outbound: provider.outbound });
  const slug = unique('series');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug, { startsInHours: 72 });
  return { provider, worker, slug, workshop, start: Date.parse(workshop.startsAt) };
}

describe('the HTTP e-mail transport', () => {
  test('sends JSON with the organizer as From name and Reply-To, and .ics files in base64', async (t) => {
    const { provider, worker, slug, workshop } = await setup(t);
    const email = uniqueEmail();
    const id = await registerConfirmed(worker, slug, [workshop.id], { email });

    const confirmed = await onlyMessage(worker, { registrationId: id, kind: 'confirmed' });
    assert.equal(confirmed.status, 'sent');
    const calls = provider.calls.filter((c) => c.idempotencyKey === confirmed.id);
    assert.equal(calls.length, 1);
    const { body, authorization } = calls[0]!;
    assert.equal(authorization, 'Bearer k');
    assert.equal(body.from, `"${demoSeries.organizer.name}" <workshopy@example.gov.sk>`);
    assert.equal(body.reply_to, demoSeries.organizer.email);
    assert.deepEqual(body.to, [email]);
    assert.equal(body.subject, confirmed.subject);
    assert.ok(body.text.includes(workshop.title.sk));
    assert.ok(body.html.includes(workshop.title.sk));
    assert.equal(body.attachments.length, 1);
    const [attachment] = body.attachments;
    assert.equal(attachment!.filename, `workshop-${workshop.id}.ics`);
    assert.match(attachment!.content_type, /^text\/calendar/);
    const ics = Buffer.from(attachment!.content, 'base64').toString('utf8');
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    // Non-ASCII survives the base64 round trip.
    assert.ok(ics.includes('SUMMARY:Výzvy a príležitosti'), ics);
  });

  test('once the provider has a message, the outbox forgets its bodies and link tokens', async (t) => {
    const { provider, worker, slug, workshop } = await setup(t);
    const email = uniqueEmail();
    const id = await registerConfirmed(worker, slug, [workshop.id], { email });
    const sent = await outbox(worker, { registrationId: id });
    assert.ok(sent.length >= 2);
    for (const message of sent) {
      assert.equal(message.status, 'sent');
      assert.deepEqual([message.text, message.html, message.attachments], ['', '', []]);
    }
    // The tokens the person got by e-mail are nowhere in the database in the clear.
    const tokens = provider
      .accepted()
      .flatMap((c) => [...c.body.text.matchAll(/token=([\w-]+)/g)].map((m) => m[1]!));
    assert.ok(tokens.length >= 2);
    const { results } = await worker.db.prepare('SELECT * FROM outbox').all();
    const everything = JSON.stringify(results);
    for (const token of tokens) assert.ok(!everything.includes(token), 'no raw token stored');
    // The ledger still says what went to whom and when.
    assert.deepEqual(sent.map((m) => [m.to, m.kind]).sort(), [
      [email, 'confirm_request'],
      [email, 'confirmed'],
    ]);
  });

  test('a rejected key (401) is retried, and the mail goes once it is fixed', async (t) => {
    const { provider, worker, slug, workshop } = await setup(t);
    provider.answer = () => 401;
    const id = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
    let message = await onlyMessage(worker, { registrationId: id });
    assert.equal(message.status, 'queued', 'not failed for good');
    assert.equal(message.lastError, 'HTTP 401');

    provider.answer = () => 200;
    await runCron(worker, Date.now() + 15 * MINUTE);
    message = await onlyMessage(worker, { registrationId: id });
    assert.equal(message.status, 'sent');
    assert.equal(provider.accepted().filter((c) => c.idempotencyKey === message.id).length, 1);
  });

  test('without MAIL_API_KEY messages wait in the queue instead of failing', async (t) => {
    const withoutKey: Record<string, string> = { ...HTTP_MAIL };
    delete withoutKey.MAIL_API_KEY;
    const provider = fakeMailProvider();
    const worker = await testWorker(t, withoutKey, { outbound: provider.outbound });
    const slug = unique('nokey');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug);
    const id = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
    const message = await onlyMessage(worker, { registrationId: id });
    assert.equal(message.status, 'queued');
    assert.equal(message.lastError, 'MAIL_API_KEY is not configured');
    assert.equal(provider.calls.length, 0);
  });

  test('an organizer re-queues failed messages, which then go out once', async (t) => {
    const { provider, worker, slug, workshop } = await setup(t);
    provider.answer = () => 422;
    const id = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
    assert.equal((await onlyMessage(worker, { registrationId: id })).status, 'failed');

    provider.answer = () => 200;
    const response = await worker.fetch(
      `/api/v1/admin/series/${slug}/messages/retry`,
      asAdmin({ method: 'POST' }),
    );
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { requeued: 1, dropped: 0 });
    await settle(worker);
    const message = await onlyMessage(worker, { registrationId: id });
    assert.equal(message.status, 'sent');
    assert.equal(provider.accepted().length, 1);
    const unauthorized = await worker.fetch(`/api/v1/admin/series/${slug}/messages/retry`, {
      method: 'POST',
    });
    assert.equal(unauthorized.status, 401);
  });

  test('a provider outage of an hour loses nothing: each message is delivered once, with one idempotency key', async (t) => {
    const { provider, worker, slug, workshop, start } = await setup(t);
    const emails = [uniqueEmail(), uniqueEmail()];
    for (const email of emails) await registerConfirmed(worker, slug, [workshop.id], { email });
    const before = provider.calls.length;

    // Down from the first run inside the window for an hour, at 15-minute steps.
    const outageStart = start - 23 * HOUR - 45 * MINUTE;
    let down = true;
    provider.answer = () => (down ? 503 : 200);
    for (let at = outageStart; at < outageStart + HOUR; at += 15 * MINUTE) {
      await runCron(worker, at);
    }
    const waiting = await outbox(worker, { kind: 'reminder' });
    assert.equal(waiting.length, emails.length);
    for (const message of waiting) {
      assert.equal(message.status, 'queued');
      assert.equal(message.lastError, 'HTTP 503');
      assert.ok(message.attempts >= 2, 'retried during the outage');
    }

    down = false;
    for (let at = outageStart + HOUR; at <= outageStart + 3 * HOUR; at += 15 * MINUTE) {
      await runCron(worker, at);
    }
    const reminders = await outbox(worker, { kind: 'reminder' });
    const calls = provider.calls.slice(before);
    for (const message of reminders) {
      assert.equal(message.status, 'sent');
      const mine = calls.filter((c) => c.body.to[0] === message.to);
      assert.ok(mine.length >= 3, 'failed tries and the one that worked');
      assert.deepEqual(
        mine.map((c) => c.status),
        [...mine.slice(0, -1).map(() => 503), 200],
        'retried until accepted, then never again',
      );
      assert.ok(
        mine.every((c) => c.idempotencyKey === message.id),
        'every retry used the same Idempotency-Key',
      );
      assert.equal(message.attempts, mine.length);
    }
    assert.equal(provider.accepted().slice(-emails.length).length, emails.length);
    assert.equal(calls.filter((c) => c.status === 200).length, emails.length);
  });

  test(`after ${MAX_ATTEMPTS} failed attempts a message is failed, keeps its error and shows in the admin list`, async (t) => {
    const { provider, worker, slug, workshop, start } = await setup(t);
    const email = uniqueEmail();
    await registerConfirmed(worker, slug, [workshop.id], { email });

    provider.answer = () => 503;
    const first = start - 23 * HOUR;
    for (let at = first; at < first + 5 * HOUR; at += 15 * MINUTE) await runCron(worker, at);

    const reminder = await onlyMessage(worker, { to: email, kind: 'reminder' });
    assert.equal(reminder.status, 'failed');
    assert.equal(reminder.attempts, MAX_ATTEMPTS);
    assert.equal(reminder.lastError, 'HTTP 503');
    const tries = provider.calls.filter((c) => c.idempotencyKey === reminder.id);
    assert.equal(tries.length, MAX_ATTEMPTS, 'no tries after it failed');

    const listed = (await adminMessages(worker, slug)).find((m) => m.id === reminder.id);
    assert.deepEqual(
      { ...listed, createdAt: undefined },
      {
        id: reminder.id,
        kind: 'reminder',
        registrationId: reminder.registrationId,
        workshopId: workshop.id,
        to: email,
        status: 'failed',
        attempts: MAX_ATTEMPTS,
        lastError: 'HTTP 503',
        dropReason: null,
        createdAt: undefined,
        sentAt: null,
      },
    );
  });

  test('retries back off: 1, 2, 4, … minutes after each failure, at most an hour', async (t) => {
    const { provider, worker, slug, workshop, start } = await setup(t);
    const email = uniqueEmail();
    await registerConfirmed(worker, slug, [workshop.id], { email });
    provider.answer = () => 503;

    let at = start - 23 * HOUR;
    await runCron(worker, at);
    const waits: number[] = [];
    for (;;) {
      const reminder = await onlyMessage(worker, { to: email, kind: 'reminder' });
      if (reminder.status === 'failed') break;
      waits.push((reminder.nextAttemptAt - at) / MINUTE);
      // Not due before its time, however often the cron runs.
      await runCron(worker, reminder.nextAttemptAt - 1);
      assert.equal(
        (await onlyMessage(worker, { to: email, kind: 'reminder' })).attempts,
        reminder.attempts,
      );
      at = reminder.nextAttemptAt;
      await runCron(worker, at);
    }
    assert.deepEqual(waits, [1, 2, 4, 8, 16, 32, 60]);
  });

  test('a 4xx answer marks the message failed at once, without retrying', async (t) => {
    const { provider, worker, slug, workshop } = await setup(t);
    provider.answer = () => 422;
    const email = uniqueEmail();
    const id = await register(worker, slug, [workshop.id], { email });

    const request = await onlyMessage(worker, { registrationId: id, kind: 'confirm_request' });
    assert.equal(request.status, 'failed');
    assert.equal(request.attempts, 1);
    assert.equal(request.lastError, 'HTTP 422');

    provider.answer = () => 200;
    for (const minutes of [15, 30, 60, 120]) await runCron(worker, Date.now() + minutes * MINUTE);
    assert.equal(provider.calls.filter((c) => c.idempotencyKey === request.id).length, 1);
    assert.equal((await onlyMessage(worker, { registrationId: id })).status, 'failed');
  });

  test('a 429 answer is retried on a later run', async (t) => {
    const { provider, worker, slug, workshop } = await setup(t);
    provider.answer = () => 429;
    const id = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
    assert.equal((await onlyMessage(worker, { registrationId: id })).status, 'queued');

    provider.answer = () => 200;
    await runCron(worker, Date.now() + 15 * MINUTE);
    const request = await onlyMessage(worker, { registrationId: id });
    assert.equal(request.status, 'sent');
    assert.equal(request.attempts, 2);
  });

  test('a failed send logs no personal data', async (t) => {
    const { provider, worker, slug, workshop } = await setup(t);
    provider.answer = () => 503;
    const person = {
      givenName: 'Zuzana',
      familyName: 'Hrušovská',
      email: `${unique('zuzana.hrusovska')}@example.org`,
      organization: 'Obec Dolná Krupá',
    };
    await register(worker, slug, [workshop.id], person);
    await runCron(worker, Date.now() + 15 * MINUTE);

    const logs = worker.logs();
    assert.match(logs, /mail_send_failed/, 'the failure was logged');
    for (const value of Object.values(person)) {
      assert.ok(!logs.includes(value), `the logs do not contain ${value}`);
    }
    assert.ok(!logs.includes(person.email.split('@')[0]!));
    assert.ok(!/token=/.test(logs), 'no link tokens either');
  });

  test('a message stuck in "sending" by a run that died is sent again after 10 minutes', async (t) => {
    const { provider, worker, slug, workshop } = await setup(t);
    const id = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
    const request = await onlyMessage(worker, { registrationId: id });
    const claimedAt = Date.now() + HOUR;
    await worker.db
      .prepare(`UPDATE outbox SET status = 'sending', claimed_at = ?, sent_at = NULL WHERE id = ?`)
      .bind(claimedAt, request.id)
      .run();
    const before = provider.calls.length;

    await runCron(worker, claimedAt + 5 * MINUTE);
    assert.equal(provider.calls.length, before, 'a fresh claim is left alone');
    await runCron(worker, claimedAt + 10 * MINUTE);
    assert.equal(provider.calls.length, before + 1);
    assert.equal((await onlyMessage(worker, { registrationId: id })).status, 'sent');
  });
});

/**
 * The outbox transport marks a message sent without sending it: only development may use it.
 * Before, any ENVIRONMENT other than "production" (unset, "staging", a wrangler env block without
 * vars) got it, and mail was marked sent while nobody received anything.
 */
describe('outside development without a mail transport', () => {
  const cases: [string, Record<string, string | undefined>][] = [
    ['production', { ENVIRONMENT: 'production' }],
    ['ENVIRONMENT unset', { ENVIRONMENT: undefined }],
    ['staging, MAIL_TRANSPORT=outbox', { ENVIRONMENT: 'staging', MAIL_TRANSPORT: 'outbox' }],
    ['Development (not exactly "development")', { ENVIRONMENT: 'Development' }],
  ];
  for (const [what, bindings] of cases) {
    test(`messages stay queued, complete, not marked sent, and flagged (${what})`, async (t) => {
      const worker = await testWorker(t, bindings);
      const slug = unique('series');
      await createSeries(worker, slug);
      const workshop = await createWorkshop(worker, slug, { startsInHours: 72 });
      const email = uniqueEmail();
      const res = await postRegistration(worker, slug, validRegistration([workshop.id], { email }));
      assert.equal(res.status, 201);

      for (const hours of [1, 6, 24]) await runCron(worker, Date.now() + hours * HOUR);
      const [message, ...others] = await outbox(worker, { to: email });
      assert.deepEqual(others, []);
      assert.equal(message!.kind, 'confirm_request');
      assert.equal(message!.status, 'queued');
      assert.equal(message!.attempts, 0);
      assert.equal(message!.sentAt, null);
      assert.ok(message!.text.includes('/api/v1/registrations/confirm?token='), 'nothing is lost');
      assert.match(worker.logs(), /"event":"mail_not_sent","reason":"[^"]*MAIL_TRANSPORT/);

      const list = await worker.fetch(`/api/v1/admin/series/${slug}/messages`, asAdmin());
      const body = (await list.json()) as {
        transport: string | null;
        warning: string | null;
        messages: { status: string }[];
      };
      assert.equal(body.transport, null);
      assert.match(body.warning ?? '', /Messages stay queued/);
      assert.deepEqual(
        body.messages.map((m) => m.status),
        ['queued'],
      );
    });
  }

  test('with a transport configured, the list names it and warns of nothing', async (t) => {
    const { worker, slug } = await setup(t, { ENVIRONMENT: 'staging' });
    const res = await worker.fetch(`/api/v1/admin/series/${slug}/messages`, asAdmin());
    const body = (await res.json()) as { transport: string | null; warning: string | null };
    assert.equal(body.transport, 'http');
    assert.equal(body.warning, null);
  });

  test('in development the outbox transport is the default, and the list says so', async (t) => {
    const worker = await testWorker(t, { ENVIRONMENT: 'development' });
    const slug = unique('series');
    await createSeries(worker, slug);
    const res = await worker.fetch(`/api/v1/admin/series/${slug}/messages`, asAdmin());
    assert.deepEqual(await res.json(), { transport: 'outbox', warning: null, messages: [] });
  });
});
