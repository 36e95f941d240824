import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ReminderCandidate } from '../../worker/src/db/reminders';
import { selectDueReminders } from '../../worker/src/domain/reminders';
import { selectDueFollowUps } from '../../worker/src/domain/follow-ups';
import { adminGet, adminSend } from '../support/admin';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  cancelThroughManagePage,
  createSeries,
  createWorkshop,
  HOUR,
  manageLink,
  MINUTE,
  onlyMessage,
  outbox,
  received,
  registerConfirmed,
  runCron,
  unique,
  uniqueEmail,
} from '../support/fixtures';

let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

const NOW = Date.UTC(2026, 4, 25, 8);

describe('the second reminder (pure rules)', () => {
  const seat = (o: Partial<ReminderCandidate>): ReminderCandidate => ({
    registrationId: 'r',
    registrationStatus: 'confirmed',
    seatStatus: 'held',
    workshopId: 'w',
    startsAt: NOW + 30 * MINUTE,
    cancelledAt: null,
    kind: 'reminder_short',
    leadMs: HOUR,
    firstReminderAt: NOW - 20 * HOUR,
    ...o,
  });
  test('due within its lead time, after a first reminder that went out before that window', () => {
    assert.equal(selectDueReminders([seat({})], NOW).length, 1);
    assert.equal(selectDueReminders([seat({ startsAt: NOW + 2 * HOUR })], NOW).length, 0);
    assert.equal(selectDueReminders([seat({ firstReminderAt: null })], NOW).length, 0);
    // The first reminder went out inside the short window (a late confirmation): not twice.
    assert.equal(selectDueReminders([seat({ firstReminderAt: NOW - 10 * MINUTE })], NOW).length, 0);
    assert.equal(selectDueReminders([seat({ seatStatus: 'released' })], NOW).length, 0);
  });
  test('each row keeps its series lead time', () => {
    const first = { ...seat({}), kind: 'reminder' as const, firstReminderAt: null };
    assert.equal(
      selectDueReminders([{ ...first, startsAt: NOW + 47 * HOUR, leadMs: 48 * HOUR }], NOW).length,
      1,
    );
    assert.equal(
      selectDueReminders([{ ...first, startsAt: NOW + 47 * HOUR, leadMs: 24 * HOUR }], NOW).length,
      0,
    );
  });
  test('follow-ups: confirmed, held, not cancelled, after the end plus the delay', () => {
    const row = {
      registrationId: 'r',
      registrationStatus: 'confirmed',
      seatStatus: 'held',
      workshopId: 'w',
      endsAt: NOW - 2 * HOUR,
      cancelledAt: null,
      afterMinutes: 120,
    };
    assert.equal(selectDueFollowUps([row], NOW).length, 1);
    assert.equal(selectDueFollowUps([{ ...row, endsAt: NOW - HOUR }], NOW).length, 0);
    assert.equal(selectDueFollowUps([{ ...row, seatStatus: 'released' }], NOW).length, 0);
    assert.equal(selectDueFollowUps([{ ...row, registrationStatus: 'cancelled' }], NOW).length, 0);
    assert.equal(selectDueFollowUps([{ ...row, cancelledAt: NOW - 3 * HOUR }], NOW).length, 0);
  });
});

/** Three overlapping cron runs at the same instant. */
const overlappingCron = (ms: number) => Promise.all([0, 1, 2].map(() => runCron(worker, ms)));

describe('the reminder schedule of a series', () => {
  test('a day before and an hour before, each once per seat and start, across a move', async () => {
    const slug = unique('schedule');
    await createSeries(worker, slug, { reminders: { leadMinutes: 1440, secondLeadMinutes: 60 } });
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 5 });
    const sk = await registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail('sk') });
    const en = await registerConfirmed(worker, slug, [workshop.id], {
      email: uniqueEmail('en'),
      locale: 'en',
    });
    const start = Date.parse(workshop.startsAt);
    const count = async (kind: string, id = sk) =>
      (await outbox(worker, { registrationId: id, kind })).length;

    await overlappingCron(start - 24 * HOUR + MINUTE);
    await overlappingCron(start - 24 * HOUR + 20 * MINUTE);
    assert.equal(await count('reminder'), 1);
    assert.equal(await count('reminder_short'), 0);
    await overlappingCron(start - 59 * MINUTE);
    await overlappingCron(start - 30 * MINUTE);
    assert.equal(await count('reminder'), 1);
    assert.equal(await count('reminder_short'), 1);
    const short = await onlyMessage(worker, { registrationId: en, kind: 'reminder_short' });
    assert.match(short.subject, /^Starting soon: /);
    assert.match(short.text, new RegExp(workshop.joinUrl.replace(/[.]/g, '\\.')));
    const skShort = await onlyMessage(worker, { registrationId: sk, kind: 'reminder_short' });
    assert.match(skShort.subject, /^Čoskoro začíname: /);

    // Moved a day later: a new start, so one more of each, at their times.
    const moved = await adminSend(worker, 'PATCH', `/api/v1/admin/workshops/${workshop.id}`, {
      startsAt: new Date(start + 24 * HOUR).toISOString(),
      endsAt: new Date(start + 26 * HOUR).toISOString(),
    });
    assert.equal(moved.status, 200);
    const newStart = start + 24 * HOUR;
    await overlappingCron(newStart - 23 * HOUR);
    assert.equal(await count('reminder'), 2);
    assert.equal(await count('reminder_short'), 1);
    await overlappingCron(newStart - 45 * MINUTE);
    await overlappingCron(newStart - 10 * MINUTE);
    assert.equal(await count('reminder'), 2);
    assert.equal(await count('reminder_short'), 2);
  });

  test('a lead time of 48 hours; no second reminder unless set', async () => {
    const slug = unique('lead');
    await createSeries(worker, slug, { reminders: { leadMinutes: 2880, secondLeadMinutes: null } });
    const workshop = await createWorkshop(worker, slug, { startsInHours: 96, capacity: 5 });
    const id = await registerConfirmed(worker, slug, [workshop.id]);
    const start = Date.parse(workshop.startsAt);
    await runCron(worker, start - 49 * HOUR);
    assert.equal((await outbox(worker, { registrationId: id, kind: 'reminder' })).length, 0);
    await runCron(worker, start - 47 * HOUR);
    assert.equal((await outbox(worker, { registrationId: id, kind: 'reminder' })).length, 1);
    await runCron(worker, start - 30 * MINUTE);
    assert.equal((await outbox(worker, { registrationId: id, kind: 'reminder_short' })).length, 0);
  });

  test('a second reminder later than the first is refused', async () => {
    const res = await adminSend(worker, 'PUT', `/api/v1/admin/series/${unique('bad')}`, {
      title: { sk: 'Séria' },
      privacyUrl: 'https://example.gov.sk/privacy',
      organizer: { name: 'MIRRI', email: 'workshopy@mirri.gov.sk' },
      reminders: { leadMinutes: 60, secondLeadMinutes: 120 },
    });
    assert.equal(res.status, 422);
  });
});

describe('the follow-up after a workshop', () => {
  test('once to each confirmed registrant, in their language, never to one who cancelled, across a move', async () => {
    const slug = unique('followup');
    await createSeries(worker, slug);
    const followUp: Record<string, unknown> = {
      followUp: {
        text: { sk: 'Ďakujeme, že ste prišli.', en: 'Thank you for coming.' },
        links: [
          { label: { sk: 'Materiály', en: 'Materials' }, url: 'https://example.gov.sk/materialy' },
        ],
        afterMinutes: 120,
      },
    };
    const workshop = await createWorkshop(worker, slug, {
      startsInHours: 3,
      capacity: 5,
      ...followUp,
    });
    const sk = await registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail('sk') });
    const en = await registerConfirmed(worker, slug, [workshop.id], {
      email: uniqueEmail('en'),
      locale: 'en',
    });
    const gone = await registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail('x') });
    const confirmed = await onlyMessage(worker, { registrationId: gone, kind: 'confirmed' });
    await cancelThroughManagePage(worker, manageLink(await received(worker, confirmed)), 'all');

    // Moved an hour later before it took place.
    const end = Date.parse(workshop.endsAt);
    const moved = await adminSend(worker, 'PATCH', `/api/v1/admin/workshops/${workshop.id}`, {
      startsAt: new Date(Date.parse(workshop.startsAt) + HOUR).toISOString(),
      endsAt: new Date(end + HOUR).toISOString(),
    });
    assert.equal(moved.status, 200);
    const followUps = () => outbox(worker, { kind: 'followup', workshopId: workshop.id });

    await overlappingCron(end + 2 * HOUR + MINUTE);
    assert.equal((await followUps()).length, 0, 'not yet: the workshop ends an hour later now');
    await overlappingCron(end + 3 * HOUR + MINUTE);
    await overlappingCron(end + 4 * HOUR);
    const sent = await followUps();
    assert.deepEqual(sent.map((m) => m.registrationId).sort(), [sk, en].sort());
    const skMessage = sent.find((m) => m.registrationId === sk)!;
    assert.match(skMessage.subject, /^Ďakujeme za účasť: /);
    assert.match(
      skMessage.text,
      /Ďakujeme, že ste prišli\.[\s\S]*Materiály\nhttps:\/\/example\.gov\.sk\/materialy/,
    );
    const enMessage = sent.find((m) => m.registrationId === en)!;
    assert.match(
      enMessage.text,
      /Thank you for coming\.[\s\S]*Materials\nhttps:\/\/example\.gov\.sk\/materialy/,
    );

    // The organizer sees the delivery state per seat in the registrations list.
    const { registrations } = await adminGet<{
      registrations: { id: string; seats: { followUp: string; secondReminder: string }[] }[];
    }>(worker, `/api/v1/admin/series/${slug}/registrations`);
    const followUpOf = (id: string) => registrations.find((r) => r.id === id)!.seats[0]!.followUp;
    assert.equal(followUpOf(sk), 'sent');
    assert.equal(followUpOf(gone), 'not_due');
    assert.equal(registrations.find((r) => r.id === sk)!.seats[0]!.secondReminder, 'not_due');
  });
});
