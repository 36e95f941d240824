import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asAdmin, json, startTestWorker, type TestWorker } from '../support/worker';
import {
  adminSeriesPath,
  adminWorkshopPath,
  cancelThroughManagePage,
  createSeries,
  createWorkshop,
  everythingIn,
  expectError,
  fakeMailProvider,
  heldSeats,
  HOUR,
  HTTP_MAIL,
  manageLink,
  MINUTE,
  onlyMessage,
  outbox,
  postRegistration,
  register,
  registerConfirmed,
  runCron,
  seriesPath,
  settle,
  testWorker,
  unique,
  uniqueEmail,
  validRegistration,
  type AdminWorkshop,
  type PublicWorkshop,
} from '../support/fixtures';

const NEW_LINK = 'https://meet.example.gov.sk/new-room';

/**
 * Tests share one worker unless they need another transport: each has its own series, workshop
 * and addresses and only looks at those; cron runs act only on what finished tests left behind.
 */
let shared: TestWorker;
before(async () => {
  shared = await startTestWorker();
});
after(() => shared.dispose());

/** A series with a workshop on Wednesday 2 December 2037, 10:00–12:00 in Bratislava. */
async function setup(worker: TestWorker = shared) {
  const slug = unique('series');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug, {
    startsAt: '2037-12-02T10:00:00+01:00',
    endsAt: '2037-12-02T12:00:00+01:00',
    capacity: 50,
  });
  return { worker, slug, workshop, start: Date.parse(workshop.startsAt) };
}

async function patch(worker: TestWorker, id: string, body: Record<string, unknown>) {
  const res = await worker.fetch(adminWorkshopPath(id), asAdmin(json('PATCH', body)));
  const text = await res.text();
  assert.equal(res.status, 200, text);
  await settle(worker);
  return (JSON.parse(text) as { workshop: AdminWorkshop }).workshop;
}

const sequenceOf = (ics: string) => Number(ics.match(/\r\nSEQUENCE:(\d+)\r\n/)?.[1]);

describe('changing a workshop', () => {
  test('a new time is mailed to confirmed registrants, with a higher calendar SEQUENCE', async () => {
    const { worker, slug, workshop } = await setup();
    const sk = uniqueEmail('sk');
    const en = uniqueEmail('en');
    const pending = uniqueEmail('pending');
    const skId = await registerConfirmed(worker, slug, [workshop.id], { email: sk });
    await registerConfirmed(worker, slug, [workshop.id], { email: en, locale: 'en' });
    await register(worker, slug, [workshop.id], { email: pending });
    const confirmed = await onlyMessage(worker, { registrationId: skId, kind: 'confirmed' });
    const before = sequenceOf(confirmed.attachments[0]!.content);

    await patch(worker, workshop.id, {
      startsAt: '2037-12-03T14:00:00+01:00',
      endsAt: '2037-12-03T15:30:00+01:00',
    });

    const skNotice = await onlyMessage(worker, { to: sk, kind: 'workshop_changed' });
    assert.equal(skNotice.status, 'sent');
    assert.ok(
      skNotice.text.includes('štvrtok 3.\u00a0decembra\u00a02037, 14:00\u00a0–\u00a015:30'),
      skNotice.text,
    );
    const enNotice = await onlyMessage(worker, { to: en, kind: 'workshop_changed' });
    assert.ok(
      enNotice.text.includes('Thursday 3\u00a0December\u00a02037, 14:00\u00a0–\u00a015:30'),
      enNotice.text,
    );
    const [ics] = skNotice.attachments;
    // The workshop's change number rose by one: the file's SEQUENCE by three (ics.ts).
    assert.equal(sequenceOf(ics!.content), before + 3);
    assert.match(ics!.content, /\r\nDTSTART:20371203T130000Z\r\n/);
    assert.match(ics!.content, /\r\nUID:[^\r]+\r\n/);
    assert.equal(
      ics!.content.match(/\r\nUID:([^\r]+)\r\n/)?.[1],
      confirmed.attachments[0]!.content.match(/\r\nUID:([^\r]+)\r\n/)?.[1],
      'the same calendar event, updated',
    );
    // No reminder went out yet, so no join link with the notice.
    assert.ok(!everythingIn(skNotice).includes(workshop.joinUrl));
    assert.deepEqual(await outbox(worker, { to: pending, kind: 'workshop_changed' }), []);
  });

  test('a moved workshop gets a reminder for its new time (and none for the old)', async () => {
    const { worker, slug, workshop, start } = await setup();
    const email = uniqueEmail();
    await registerConfirmed(worker, slug, [workshop.id], { email });
    await runCron(worker, start - 23 * HOUR);
    assert.equal((await outbox(worker, { to: email, kind: 'reminder' })).length, 1);

    // Two days later: the reminder already sent told the old time.
    const moved = start + 48 * HOUR;
    await patch(worker, workshop.id, {
      startsAt: new Date(moved).toISOString(),
      endsAt: new Date(moved + 2 * HOUR).toISOString(),
    });
    const notice = await onlyMessage(worker, { to: email, kind: 'workshop_changed' });
    assert.ok(
      notice.text.includes('piatok 4.\u00a0decembra\u00a02037, 10:00\u00a0–\u00a012:00'),
      notice.text,
    );
    assert.ok(notice.text.includes(workshop.joinUrl), 'they had the link: the notice repeats it');

    await runCron(worker, start - HOUR);
    await runCron(worker, moved - 24 * HOUR - MINUTE);
    assert.equal((await outbox(worker, { to: email, kind: 'reminder' })).length, 1);
    await runCron(worker, moved - 23 * HOUR - 59 * MINUTE);
    const reminders = await outbox(worker, { to: email, kind: 'reminder' });
    assert.equal(reminders.length, 2);
    assert.ok(
      reminders[1]!.text.includes('piatok 4.\u00a0decembra\u00a02037, 10:00\u00a0–\u00a012:00'),
    );
    assert.equal(reminders[1]!.status, 'sent');
  });

  test('a new join link after the reminders goes to those who had the reminder, and to nobody else', async () => {
    const { worker, slug, workshop, start } = await setup();
    const reminded = uniqueEmail('reminded');
    const later = uniqueEmail('later');
    const pending = uniqueEmail('pending');
    await registerConfirmed(worker, slug, [workshop.id], { email: reminded });
    await runCron(worker, start - 23 * HOUR);
    // Confirmed after that run (the next run would remind them), and someone still pending.
    await registerConfirmed(worker, slug, [workshop.id], { email: later });
    await register(worker, slug, [workshop.id], { email: pending });
    const messagesBefore = {
      later: (await outbox(worker, { to: later })).length,
      pending: (await outbox(worker, { to: pending })).length,
    };

    await patch(worker, workshop.id, { joinUrl: NEW_LINK });

    const notice = await onlyMessage(worker, { to: reminded, kind: 'workshop_changed' });
    assert.ok(notice.text.includes(NEW_LINK) && notice.html.includes(NEW_LINK));
    assert.ok(!notice.text.includes(workshop.joinUrl), 'not the old link');
    const [ics] = notice.attachments;
    assert.match(ics!.content, new RegExp(`\\r\\nURL:${NEW_LINK}\\r\\n`));
    assert.equal((await outbox(worker, { to: later })).length, messagesBefore.later);
    assert.equal((await outbox(worker, { to: pending })).length, messagesBefore.pending);

    // The next run reminds the later registrant with the new link; the first is not reminded again.
    await runCron(worker, start - 22 * HOUR);
    const reminder = await onlyMessage(worker, { to: later, kind: 'reminder' });
    assert.ok(reminder.text.includes(NEW_LINK) && !reminder.text.includes(workshop.joinUrl));
    assert.equal((await outbox(worker, { to: reminded, kind: 'reminder' })).length, 1);
    for (const message of await outbox(worker, { to: pending })) {
      assert.ok(!everythingIn(message).includes(NEW_LINK));
    }
  });

  test('moving a workshop earlier ends pending holds no later than its new start', async () => {
    const { worker, slug, workshop } = await setup();
    const id = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
    // Sooner than the hour a hold lasts; registration closes at the start, wherever it moves.
    const newStart = Date.now() + 30 * MINUTE;
    await patch(worker, workshop.id, {
      startsAt: new Date(newStart).toISOString(),
      endsAt: new Date(newStart + 2 * HOUR).toISOString(),
    });
    const row = await worker.db
      .prepare('SELECT expires_at FROM registrations WHERE id = ?')
      .bind(id)
      .first<{ expires_at: number }>();
    assert.equal(row!.expires_at, newStart);
  });

  test('a change of title or capacity sends nothing', async () => {
    const { worker, slug, workshop } = await setup();
    const email = uniqueEmail();
    await registerConfirmed(worker, slug, [workshop.id], { email });
    const before = (await outbox(worker, { to: email })).length;
    await patch(worker, workshop.id, {
      title: { sk: 'Nový názov', en: 'New title' },
      capacity: 60,
    });
    assert.equal((await outbox(worker, { to: email })).length, before);
  });
});

describe('POST /api/v1/admin/workshops/:id/cancel', () => {
  test('tells everyone holding a seat, frees the seats, unlists the workshop, and no reminder follows', async () => {
    const { worker, slug, workshop, start } = await setup();
    const confirmed = uniqueEmail('confirmed');
    const pending = uniqueEmail('pending');
    const gone = uniqueEmail('gone');
    await registerConfirmed(worker, slug, [workshop.id], { email: confirmed, locale: 'en' });
    await register(worker, slug, [workshop.id], { email: pending });
    // Someone who cancelled their seat before is not told.
    const goneId = await registerConfirmed(worker, slug, [workshop.id], { email: gone });
    const goneLink = manageLink(
      await onlyMessage(worker, { registrationId: goneId, kind: 'confirmed' }),
    );
    assert.equal((await cancelThroughManagePage(worker, goneLink, 'all')).status, 200);
    await settle(worker);

    const res = await worker.fetch(
      `${adminWorkshopPath(workshop.id)}/cancel`,
      asAdmin({ method: 'POST' }),
    );
    const body = (await res.json()) as { workshop: AdminWorkshop & { cancelledAt: string } };
    assert.equal(res.status, 200);
    assert.ok(body.workshop.cancelledAt);
    assert.equal(body.workshop.seatsTaken, 0);
    await settle(worker);

    const enNotice = await onlyMessage(worker, { to: confirmed, kind: 'workshop_cancelled' });
    assert.ok(enNotice.subject.startsWith('Workshop cancelled'), enNotice.subject);
    assert.ok(
      enNotice.text.includes('Wednesday 2\u00a0December\u00a02037, 10:00\u00a0–\u00a012:00'),
    );
    assert.match(enNotice.attachments[0]!.content, /\r\nMETHOD:CANCEL\r\n/);
    assert.match(enNotice.attachments[0]!.content, /\r\nSTATUS:CANCELLED\r\n/);
    assert.equal(
      (await onlyMessage(worker, { to: pending, kind: 'workshop_cancelled' })).status,
      'sent',
    );
    assert.deepEqual(await outbox(worker, { to: gone, kind: 'workshop_cancelled' }), []);
    assert.equal(await heldSeats(worker.db, workshop.id), 0);

    const list = (await (await worker.fetch(seriesPath(slug))).json()) as {
      workshops: PublicWorkshop[];
    };
    assert.ok(!list.workshops.some((w) => w.id === workshop.id), 'not listed any more');
    const retry = await postRegistration(
      worker,
      slug,
      validRegistration([workshop.id], { email: uniqueEmail() }),
    );
    await expectError(retry, 409, 'registration_closed');

    for (const at of [start - 23 * HOUR, start - HOUR]) await runCron(worker, at);
    assert.deepEqual(await outbox(worker, { kind: 'reminder', workshopId: workshop.id }), []);
  });

  test('drops a reminder still waiting in the queue, and a second cancel sends nothing more', async (t) => {
    const provider = fakeMailProvider();
    const { worker, slug, workshop, start } = await setup(
      await testWorker(t, HTTP_MAIL, { outbound: provider.outbound }),
    );
    const email = uniqueEmail();
    const id = await registerConfirmed(worker, slug, [workshop.id], { email });
    // The provider is down: the reminder waits in the queue for its next try.
    provider.answer = () => 503;
    await runCron(worker, start - 23 * HOUR);
    assert.equal((await onlyMessage(worker, { to: email, kind: 'reminder' })).status, 'queued');
    provider.answer = () => 200;

    for (let i = 0; i < 2; i++) {
      const res = await worker.fetch(
        `${adminWorkshopPath(workshop.id)}/cancel`,
        asAdmin({ method: 'POST' }),
      );
      assert.equal(res.status, 200);
      await res.arrayBuffer();
      await settle(worker);
    }
    assert.deepEqual(await outbox(worker, { registrationId: id, kind: 'reminder' }), []);
    assert.equal((await outbox(worker, { to: email, kind: 'workshop_cancelled' })).length, 1);
    await runCron(worker, start - 22 * HOUR);
    assert.ok(
      !provider.accepted().some((c) => c.body.text.includes(workshop.joinUrl)),
      'the join link never went out',
    );
  });

  test('a cancelled workshop cannot be changed any more', async () => {
    const { worker, slug, workshop } = await setup();
    const res = await worker.fetch(
      `${adminWorkshopPath(workshop.id)}/cancel`,
      asAdmin({ method: 'POST' }),
    );
    await res.arrayBuffer();
    const change = await worker.fetch(
      adminWorkshopPath(workshop.id),
      asAdmin(json('PATCH', { joinUrl: NEW_LINK })),
    );
    await expectError(change, 409, 'workshop_cancelled');
    const admin = (await (await worker.fetch(adminSeriesPath(slug), asAdmin())).json()) as {
      workshops: AdminWorkshop[];
    };
    assert.equal(admin.workshops.find((w) => w.id === workshop.id)!.joinUrl, workshop.joinUrl);
  });
});
