import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestWorker, type TestWorker } from '../support/worker';
import { reminderCandidates, type ReminderCandidate } from '../../worker/src/db/reminders';
import { REMINDER_LEAD_MS, selectDueReminders } from '../../worker/src/domain/reminders';
import { queueReminders } from '../../worker/src/jobs/reminders';
import {
  cancelThroughManagePage,
  createSeries,
  createWorkshop,
  everythingIn,
  fakeMailProvider,
  HOUR,
  HTTP_MAIL,
  manageLink,
  received,
  MINUTE,
  onlyMessage,
  outbox,
  register,
  registerConfirmed,
  runCron,
  settle,
  unique,
  uniqueEmail,
  type AdminWorkshop,
} from '../support/fixtures';
import { sharedWorker } from '../support/shared-worker';

const NOW = Date.parse('2026-12-01T09:00:00Z');

/** A seat that is due unless a test changes something: confirmed, held, starting in 12 hours. */
const candidate = (overrides: Partial<ReminderCandidate> = {}): ReminderCandidate => ({
  registrationId: unique('r'),
  registrationStatus: 'confirmed',
  seatStatus: 'held',
  workshopId: unique('w'),
  startsAt: NOW + 12 * HOUR,
  cancelledAt: null,
  ...overrides,
});

const isDue = (overrides: Partial<ReminderCandidate>, now = NOW) =>
  selectDueReminders([candidate(overrides)], now).length === 1;

describe('selectDueReminders (pure)', () => {
  test('the lead time is 24 hours', () => {
    assert.equal(REMINDER_LEAD_MS, 24 * HOUR);
  });

  test('a workshop starting 24 h + 1 min from now is not due yet', () => {
    assert.equal(isDue({ startsAt: NOW + 24 * HOUR + MINUTE }), false);
    assert.equal(isDue({ startsAt: NOW + 24 * HOUR + 1 }), false);
  });

  test('a workshop starting exactly 24 h or 23 h 59 min from now is due', () => {
    assert.equal(isDue({ startsAt: NOW + 24 * HOUR }), true);
    assert.equal(isDue({ startsAt: NOW + 24 * HOUR - MINUTE }), true);
  });

  test('a workshop starting a millisecond from now is still due; one that has started is not', () => {
    assert.equal(isDue({ startsAt: NOW + 1 }), true);
    assert.equal(isDue({ startsAt: NOW }), false);
    assert.equal(isDue({ startsAt: NOW - MINUTE }), false);
  });

  test('only confirmed registrations are due (not pending, cancelled or expired)', () => {
    assert.equal(isDue({ registrationStatus: 'confirmed' }), true);
    for (const status of ['pending', 'cancelled', 'expired']) {
      assert.equal(isDue({ registrationStatus: status }), false, status);
    }
  });

  test('a released seat or a cancelled workshop is not due', () => {
    assert.equal(isDue({ seatStatus: 'released' }), false);
    assert.equal(isDue({ cancelledAt: NOW - HOUR }), false);
    // A reminder already in the ledger: the candidate query does not read the seat at all (below).
  });

  test('the lead time is a parameter', () => {
    const due = [candidate({ startsAt: NOW + HOUR })];
    assert.equal(selectDueReminders(due, NOW, HOUR).length, 1);
    assert.equal(selectDueReminders(due, NOW, HOUR - 1).length, 0);
    assert.equal(
      selectDueReminders([candidate({ startsAt: NOW + 2 * HOUR })], NOW, HOUR).length,
      0,
    );
  });

  test('picks exactly the due rows out of a mixed list, in order', () => {
    const due1 = candidate({ startsAt: NOW + HOUR });
    const due2 = candidate({ startsAt: NOW + 20 * HOUR });
    const rows = [
      candidate({ registrationStatus: 'pending' }),
      due1,
      candidate({ startsAt: NOW + 25 * HOUR }),
      candidate({ seatStatus: 'released' }),
      due2,
      candidate({ startsAt: NOW - HOUR }),
    ];
    assert.deepEqual(selectDueReminders(rows, NOW), [due1, due2]);
    assert.deepEqual(selectDueReminders([], NOW), []);
  });
});

describe('the reminder cron', () => {
  /**
   * One worker for the tests below that use the default (outbox) transport. Each test has its own
   * series, workshop and addresses and only looks at those; cron runs act on everything, but only
   * on what earlier (finished) tests left behind.
   */
  let shared: TestWorker;
  before(async () => {
    shared = await startTestWorker();
  });
  after(() => shared.dispose());
  /** And one with the HTTP transport, emptied for each test that uses it. */
  const httpMail = sharedWorker(HTTP_MAIL, { outbound: true });

  /** A series with one workshop starting in `startsInHours`, and the workshop's start instant. */
  async function setup(worker: TestWorker, startsInHours = 72) {
    const slug = unique('series');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours, capacity: 50 });
    return { slug, workshop, start: Date.parse(workshop.startsAt) };
  }

  test('window edges: nothing at start − 24 h − 1 min, exactly one reminder at start − 23 h 59 min', async () => {
    const worker = shared;
    const { slug, workshop, start } = await setup(worker);
    const email = uniqueEmail();
    await registerConfirmed(worker, slug, [workshop.id], { email });

    await runCron(worker, start - 24 * HOUR - MINUTE);
    assert.deepEqual(await outbox(worker, { to: email, kind: 'reminder' }), []);

    await runCron(worker, start - 23 * HOUR - 59 * MINUTE);
    const reminder = await onlyMessage(worker, { to: email, kind: 'reminder' });
    assert.equal(reminder.status, 'sent');
    assert.equal(reminder.workshopId, workshop.id);
    assert.ok(reminder.text.includes(workshop.joinUrl), 'the reminder carries the join link');

    // Later runs inside the window do not send it again.
    for (const at of [start - 23 * HOUR - 45 * MINUTE, start - 12 * HOUR, start - MINUTE]) {
      await runCron(worker, at);
    }
    assert.equal((await outbox(worker, { to: email, kind: 'reminder' })).length, 1);
  });

  test('a missed run is caught up: the first run inside the window sends the reminder', async () => {
    const worker = shared;
    const { slug, workshop, start } = await setup(worker);
    const email = uniqueEmail();
    await registerConfirmed(worker, slug, [workshop.id], { email });

    // No run for the first 22 hours of the window (the cron was down).
    await runCron(worker, start - 2 * HOUR);
    assert.equal((await onlyMessage(worker, { to: email, kind: 'reminder' })).status, 'sent');
  });

  test('a workshop that has started gets no new reminders', async () => {
    const worker = shared;
    const { slug, workshop, start } = await setup(worker);
    const email = uniqueEmail();
    await registerConfirmed(worker, slug, [workshop.id], { email });

    await runCron(worker, start);
    await runCron(worker, start + MINUTE);
    assert.deepEqual(await outbox(worker, { to: email, kind: 'reminder' }), []);
  });

  test('a late registrant who confirms inside the window gets exactly one reminder', async () => {
    const worker = shared;
    const { slug, workshop } = await setup(worker, 10);
    const email = uniqueEmail();
    const id = await registerConfirmed(worker, slug, [workshop.id], { email });

    // The code sends it right at confirmation rather than waiting for the next run.
    const reminder = await onlyMessage(worker, { to: email, kind: 'reminder' });
    assert.equal(reminder.registrationId, id);
    assert.equal(reminder.status, 'sent');
    assert.ok(reminder.text.includes(workshop.joinUrl));

    for (const minutes of [15, 30, 45, 60]) await runCron(worker, Date.now() + minutes * MINUTE);
    assert.equal((await outbox(worker, { to: email, kind: 'reminder' })).length, 1);
  });

  test('a pending registration never gets the join link, however often the cron runs in the window', async () => {
    const worker = shared;
    const { slug, workshop, start } = await setup(worker, 10);
    const pending = uniqueEmail('pending');
    const confirmed = uniqueEmail('confirmed');
    await register(worker, slug, [workshop.id], { email: pending });
    await registerConfirmed(worker, slug, [workshop.id], { email: confirmed });

    for (let at = Date.now() + 15 * MINUTE; at < start + HOUR; at += 30 * MINUTE) {
      await runCron(worker, at);
    }
    // The cron did run inside the window: the confirmed registrant has the link.
    assert.ok(
      (await onlyMessage(worker, { to: confirmed, kind: 'reminder' })).text.includes(
        workshop.joinUrl,
      ),
    );
    const toPending = await outbox(worker, { to: pending });
    assert.ok(toPending.length >= 1, 'the pending registrant got the confirm request');
    for (const message of toPending) {
      assert.ok(
        !everythingIn(message).includes(workshop.joinUrl),
        `${message.kind} has no join link`,
      );
      assert.notEqual(message.kind, 'reminder');
    }
  });

  describe('a cancelled registration gets no reminder', () => {
    test('confirmed, then cancelled on the manage page: the cron in the window sends nothing', async () => {
      const worker = shared;
      const { slug, workshop, start } = await setup(worker);
      const email = uniqueEmail();
      const id = await registerConfirmed(worker, slug, [workshop.id], { email });
      const confirmed = await onlyMessage(worker, { registrationId: id, kind: 'confirmed' });
      const res = await cancelThroughManagePage(worker, manageLink(confirmed), 'all');
      assert.equal(res.status, 200);
      await settle(worker);

      await runCron(worker, start - 23 * HOUR);
      await runCron(worker, start - HOUR);
      assert.deepEqual(await outbox(worker, { to: email, kind: 'reminder' }), []);
      for (const message of await outbox(worker, { to: email })) {
        assert.ok(!everythingIn(message).includes(workshop.joinUrl), message.kind);
      }
    });

    test('a reminder queued but not yet sent when the person cancels is dropped', async (t) => {
      // The provider is down when the reminder is first tried, so it waits in the queue.
      const provider = fakeMailProvider();
      const worker = await httpMail.fresh(t, { outbound: provider.outbound });
      const { slug, workshop, start } = await setup(worker);
      const email = uniqueEmail();
      const id = await registerConfirmed(worker, slug, [workshop.id], { email });

      provider.answer = () => 503;
      await runCron(worker, start - 23 * HOUR);
      const queued = await onlyMessage(worker, { to: email, kind: 'reminder' });
      assert.equal(queued.status, 'queued');
      assert.equal(queued.attempts, 1);

      provider.answer = () => 200;
      const confirmed = await onlyMessage(worker, { registrationId: id, kind: 'confirmed' });
      assert.equal(
        (
          await cancelThroughManagePage(
            worker,
            manageLink(await received(worker, confirmed)),
            'all',
          )
        ).status,
        200,
      );
      await settle(worker);
      assert.deepEqual(await outbox(worker, { to: email, kind: 'reminder' }), []);

      for (let at = start - 22 * HOUR; at < start; at += 2 * HOUR) await runCron(worker, at);
      assert.deepEqual(await outbox(worker, { to: email, kind: 'reminder' }), []);
      const delivered = provider.accepted().filter((c) => c.body.text.includes(workshop.joinUrl));
      assert.deepEqual(delivered, [], 'the provider never accepted a message with the join link');
      // The cancellation itself was delivered.
      assert.equal((await onlyMessage(worker, { to: email, kind: 'cancelled' })).status, 'sent');
    });
  });

  test('two scheduled runs at once send one reminder to each registrant', async (t) => {
    const provider = fakeMailProvider();
    const worker = await httpMail.fresh(t, { outbound: provider.outbound });
    const { slug, workshop, start } = await setup(worker);
    const emails = [uniqueEmail(), uniqueEmail(), uniqueEmail(), uniqueEmail()];
    for (const email of emails) await registerConfirmed(worker, slug, [workshop.id], { email });
    const before = provider.calls.length;

    // A run outside the window first, so that the runs below start together (the first run
    // after startup is slower to start than the ones that follow it).
    await runCron(worker, start - 36 * HOUR);
    const at = start - 23 * HOUR;
    await Promise.all([runCron(worker, at), runCron(worker, at), runCron(worker, at)]);

    const reminders = await outbox(worker, { kind: 'reminder' });
    assert.deepEqual(reminders.map((r) => r.to).sort(), [...emails].sort());
    assert.ok(reminders.every((r) => r.status === 'sent' && r.attempts === 1));
    const calls = provider.calls.slice(before);
    assert.equal(calls.length, emails.length, 'one provider request per registrant');
    assert.deepEqual(calls.map((c) => c.body.to[0]).sort(), [...emails].sort());
    assert.deepEqual(calls.map((c) => c.idempotencyKey).sort(), reminders.map((r) => r.id).sort());

    // And once more, later: still nothing new.
    await Promise.all([runCron(worker, at + 15 * MINUTE), runCron(worker, at + 15 * MINUTE)]);
    assert.equal(provider.calls.length, before + emails.length);
  });

  test('two runs that both see a seat as due still queue one reminder for it (the ledger key)', async () => {
    // Driven from here against the worker's D1, so both runs surely read the due seats before
    // either has queued anything.
    const worker = shared;
    const { slug, workshop, start } = await setup(worker);
    const emails = [uniqueEmail(), uniqueEmail(), uniqueEmail()];
    for (const email of emails) await registerConfirmed(worker, slug, [workshop.id], { email });

    const at = start - 23 * HOUR;
    const [a, b] = await Promise.all([
      queueReminders(worker.db, at),
      queueReminders(worker.db, at),
    ]);
    assert.equal(a.length + b.length, 2 * emails.length, 'both runs found every seat due');
    const queued = await outbox(worker, { kind: 'reminder', workshopId: workshop.id });
    assert.deepEqual(queued.map((m) => m.to).sort(), [...emails].sort());

    await runCron(worker, at);
    const sent = await outbox(worker, { kind: 'reminder', workshopId: workshop.id });
    assert.equal(sent.length, emails.length);
    assert.ok(sent.every((m) => m.status === 'sent' && m.attempts === 1));
  });

  describe('a workshop in the week the clocks change (2037 has the same calendar as 2026)', () => {
    /**
     * Registers one Slovak and one English registrant for both workshops, then checks for each that
     * the reminder goes exactly 24 h before the instant and shows the Bratislava wall-clock time.
     */
    async function checkReminders(
      workshops: { startsAt: string; endsAt: string; sk: string; en: string; subjectSk: string }[],
    ) {
      const worker = shared;
      const slug = unique('series');
      await createSeries(worker, slug);
      const created: AdminWorkshop[] = [];
      for (const w of workshops) {
        created.push(
          await createWorkshop(worker, slug, { startsAt: w.startsAt, endsAt: w.endsAt }),
        );
      }
      const sk = uniqueEmail('sk');
      const en = uniqueEmail('en');
      const ids = created.map((w) => w.id);
      await registerConfirmed(worker, slug, ids, { email: sk, locale: 'sk' });
      await registerConfirmed(worker, slug, ids, { email: en, locale: 'en' });

      for (const [i, w] of workshops.entries()) {
        const workshop = created[i]!;
        const start = Date.parse(w.startsAt);
        await runCron(worker, start - 24 * HOUR - MINUTE);
        assert.deepEqual(await outbox(worker, { kind: 'reminder', workshopId: workshop.id }), []);
        await runCron(worker, start - 24 * HOUR);
        const skReminder = await onlyMessage(worker, {
          to: sk,
          kind: 'reminder',
          workshopId: workshop.id,
        });
        const enReminder = await onlyMessage(worker, {
          to: en,
          kind: 'reminder',
          workshopId: workshop.id,
        });
        assert.ok(skReminder.text.includes(w.sk), `${w.sk} in:\n${skReminder.text}`);
        assert.ok(enReminder.text.includes(w.en), `${w.en} in:\n${enReminder.text}`);
        assert.ok(skReminder.html.includes(w.sk));
        assert.ok(skReminder.subject.includes(w.subjectSk), skReminder.subject);
        for (const wrong of ['09:00', '11:00']) {
          assert.ok(!skReminder.text.includes(wrong) && !enReminder.text.includes(wrong), wrong);
        }
      }
    }

    test('autumn (CEST → CET on Sunday 25 October): Sunday and Monday 10:00 workshops', async () => {
      await checkReminders([
        {
          // 24 h before is Saturday 11:00 CEST: a "same time yesterday" rule would be an hour late.
          startsAt: '2037-10-25T10:00:00+01:00',
          endsAt: '2037-10-25T12:00:00+01:00',
          sk: 'nedeľa 25.\u00a0októbra\u00a02037, 10:00\u00a0–\u00a012:00',
          en: 'Sunday 25\u00a0October\u00a02037, 10:00\u00a0–\u00a012:00',
          subjectSk: '25.\u00a0októbra\u00a02037 o\u00a010:00',
        },
        {
          startsAt: '2037-10-26T10:00:00+01:00',
          endsAt: '2037-10-26T12:00:00+01:00',
          sk: 'pondelok 26.\u00a0októbra\u00a02037, 10:00\u00a0–\u00a012:00',
          en: 'Monday 26\u00a0October\u00a02037, 10:00\u00a0–\u00a012:00',
          subjectSk: '26.\u00a0októbra\u00a02037 o\u00a010:00',
        },
      ]);
    });

    test('spring (CET → CEST on Sunday 29 March): Sunday and Monday 10:00 workshops', async () => {
      await checkReminders([
        {
          // 24 h before is Saturday 09:00 CET: a "same time yesterday" rule would be an hour early.
          startsAt: '2037-03-29T10:00:00+02:00',
          endsAt: '2037-03-29T12:00:00+02:00',
          sk: 'nedeľa 29.\u00a0marca\u00a02037, 10:00\u00a0–\u00a012:00',
          en: 'Sunday 29\u00a0March\u00a02037, 10:00\u00a0–\u00a012:00',
          subjectSk: '29.\u00a0marca\u00a02037 o\u00a010:00',
        },
        {
          startsAt: '2037-03-30T10:00:00+02:00',
          endsAt: '2037-03-30T12:00:00+02:00',
          sk: 'pondelok 30.\u00a0marca\u00a02037, 10:00\u00a0–\u00a012:00',
          en: 'Monday 30\u00a0March\u00a02037, 10:00\u00a0–\u00a012:00',
          subjectSk: '30.\u00a0marca\u00a02037 o\u00a010:00',
        },
      ]);
    });
  });

  describe('the candidate query: SQL narrows, the rules decide', () => {
    /** A workshop at `startsAt` (far from every other test's, so that its window is its own). */
    async function workshopAt(slug: string, startsAt: string) {
      const end = new Date(Date.parse(startsAt) + 2 * HOUR).toISOString();
      return createWorkshop(shared, slug, { startsAt, endsAt: end, capacity: 50 });
    }

    test('reads every seat in the window whatever its state; selectDueReminders picks the due one', async () => {
      const slug = unique('series');
      await createSeries(shared, slug);
      const workshop = await workshopAt(slug, '2040-03-06T10:00:00Z');
      const start = Date.parse(workshop.startsAt);
      const confirmed = await registerConfirmed(shared, slug, [workshop.id], {
        email: uniqueEmail(),
      });
      const pending = await register(shared, slug, [workshop.id], { email: uniqueEmail() });
      const cancelled = await registerConfirmed(shared, slug, [workshop.id], {
        email: uniqueEmail(),
      });
      const message = await onlyMessage(shared, { registrationId: cancelled, kind: 'confirmed' });
      assert.equal((await cancelThroughManagePage(shared, manageLink(message), 'all')).status, 200);
      await settle(shared);

      const read = (now: number) =>
        reminderCandidates(shared.db, { now, leadMs: REMINDER_LEAD_MS, limit: 100 });
      const now = start - 12 * HOUR;
      const rows = (await read(now)).filter((r) => r.workshopId === workshop.id);
      assert.deepEqual(
        rows.map((r) => `${r.registrationId}:${r.registrationStatus}:${r.seatStatus}`).sort(),
        [
          `${confirmed}:confirmed:held`,
          `${pending}:pending:held`,
          `${cancelled}:cancelled:released`,
        ].sort(),
      );
      assert.deepEqual(
        selectDueReminders(rows, now).map((r) => r.registrationId),
        [confirmed],
      );
      // Outside the window nothing is read.
      for (const at of [start - 24 * HOUR - MINUTE, start, start + HOUR]) {
        assert.deepEqual(
          (await read(at)).filter((r) => r.workshopId === workshop.id),
          [],
          new Date(at).toISOString(),
        );
      }
    });

    test('a seat reminded for this start time is not read again, so done work never fills a page', async () => {
      const slug = unique('series');
      await createSeries(shared, slug);
      // The earlier workshop's seats come first in the reading order: all reminded.
      const earlier = await workshopAt(slug, '2041-03-06T10:00:00Z');
      const later = await workshopAt(slug, '2041-03-06T11:00:00Z');
      const start = Date.parse(earlier.startsAt);
      for (let i = 0; i < 3; i++) {
        await registerConfirmed(shared, slug, [earlier.id], { email: uniqueEmail() });
      }
      assert.equal((await queueReminders(shared.db, start - 23 * HOUR)).length, 3);
      await runCron(shared, start - 23 * HOUR); // sends them
      const late = await registerConfirmed(shared, slug, [later.id], { email: uniqueEmail() });

      const [only, ...rest] = await reminderCandidates(shared.db, {
        now: start - 22 * HOUR,
        leadMs: REMINDER_LEAD_MS,
        limit: 1,
      });
      assert.deepEqual(rest, []);
      assert.equal(only?.registrationId, late);
      assert.deepEqual(await queueReminders(shared.db, start - 22 * HOUR, { limit: 1 }), [
        (await onlyMessage(shared, { registrationId: late, kind: 'reminder' })).id,
      ]);
      await runCron(shared, start - 22 * HOUR);
    });

    test('seats the rules turn down never crowd a due one out of a run', async () => {
      const slug = unique('series');
      await createSeries(shared, slug);
      // The earlier workshop's seats come first in the reading order: all pending.
      const earlier = await workshopAt(slug, '2042-03-06T10:00:00Z');
      const later = await workshopAt(slug, '2042-03-06T11:00:00Z');
      for (let i = 0; i < 3; i++)
        await register(shared, slug, [earlier.id], { email: uniqueEmail() });
      const confirmed = await registerConfirmed(shared, slug, [later.id], { email: uniqueEmail() });

      const now = Date.parse(earlier.startsAt) - 12 * HOUR;
      const ids = await queueReminders(shared.db, now, { pageSize: 2, limit: 1 });
      const reminder = await onlyMessage(shared, { registrationId: confirmed, kind: 'reminder' });
      assert.deepEqual(ids, [reminder.id]);
      assert.deepEqual(await outbox(shared, { kind: 'reminder', workshopId: earlier.id }), []);
      await runCron(shared, now);
    });

    test('the lead time is a parameter of the run', async () => {
      const slug = unique('series');
      await createSeries(shared, slug);
      const workshop = await workshopAt(slug, '2043-03-06T10:00:00Z');
      const start = Date.parse(workshop.startsAt);
      const id = await registerConfirmed(shared, slug, [workshop.id], { email: uniqueEmail() });

      assert.deepEqual(await queueReminders(shared.db, start - 2 * HOUR, { leadMs: HOUR }), []);
      const [queued] = await queueReminders(shared.db, start - HOUR, { leadMs: HOUR });
      assert.equal(
        (await onlyMessage(shared, { registrationId: id, kind: 'reminder' })).id,
        queued,
      );
      await runCron(shared, start - HOUR);
    });
  });
});
