import assert from 'node:assert/strict';
import { test } from 'node:test';
import ICAL from 'ical.js';
import { asAdmin, json, ORIGIN } from '../support/worker';
import {
  adminWorkshopPath,
  cancelThroughManagePage,
  createSeries,
  createWorkshop,
  HOUR,
  manageLink,
  onlyMessage,
  outbox,
  registerConfirmed,
  runCron,
  settle,
  testWorker,
  unique,
  uniqueEmail,
  type OutboxMessage,
} from '../support/fixtures';

/**
 * Every kind of calendar file the worker sends, parsed by ical.js (the parser of Thunderbird's
 * and Nextcloud's calendars), across one workshop's life: confirmation → reminder (join link
 * added) → moved → the registration cancelled (one person) or the workshop cancelled (another).
 */
interface Parsed {
  kind: string;
  method: string;
  uid: string;
  sequence: number;
  stamp: number;
  start: number;
  status: string;
  summary: string;
  description: string;
  organizer: string | null;
  url: string | null;
  contentType: string;
}

function parse(m: OutboxMessage): Parsed {
  assert.equal(m.attachments.length, 1, `${m.kind}: one file`);
  const file = m.attachments[0]!;
  const calendar = new ICAL.Component(ICAL.parse(file.content));
  const events = calendar.getAllSubcomponents('vevent');
  assert.equal(events.length, 1, `${m.kind}: one event`);
  const vevent = events[0]!;
  const event = new ICAL.Event(vevent);
  const time = (name: string) => (vevent.getFirstPropertyValue(name) as ICAL.Time).toJSDate();
  return {
    kind: m.kind,
    method: String(calendar.getFirstPropertyValue('method')),
    uid: event.uid,
    sequence: event.sequence,
    stamp: time('dtstamp').getTime(),
    start: event.startDate.toJSDate().getTime(),
    status: String(vevent.getFirstPropertyValue('status')),
    summary: event.summary,
    description: event.description,
    organizer: vevent.getFirstPropertyValue('organizer') as string | null,
    url: vevent.getFirstPropertyValue('url') as string | null,
    contentType: file.contentType,
  };
}

test('calendar files: one UID per attendee under our host, SEQUENCE rising with every change, CANCEL to cancel', async (t) => {
  const worker = await testWorker(t);
  const slug = unique('series');
  const seriesTitle = { sk: 'Akčný plán Smart Cities', en: 'Smart Cities Action Plan' };
  await createSeries(worker, slug, { title: seriesTitle });
  const workshop = await createWorkshop(worker, slug, {
    title: { sk: 'Dáta v mestách', en: 'Data in cities' },
    startsAt: '2037-12-02T10:00:00+01:00',
    endsAt: '2037-12-02T12:00:00+01:00',
  });
  const leaver = uniqueEmail('leaver');
  const stayer = uniqueEmail('stayer');
  const leaverId = await registerConfirmed(worker, slug, [workshop.id], { email: leaver });
  const stayerId = await registerConfirmed(worker, slug, [workshop.id], { email: stayer });
  await runCron(worker, Date.parse(workshop.startsAt) - 23 * HOUR);
  const moved = await worker.fetch(
    adminWorkshopPath(workshop.id),
    asAdmin(
      json('PATCH', { startsAt: '2037-12-02T11:00:00+01:00', endsAt: '2037-12-02T13:00:00+01:00' }),
    ),
  );
  assert.equal(moved.status, 200, await moved.text());
  await settle(worker);
  const confirmed = await onlyMessage(worker, { registrationId: leaverId, kind: 'confirmed' });
  const left = await cancelThroughManagePage(worker, manageLink(confirmed), 'all');
  assert.equal(left.status, 200);
  const cancel = await worker.fetch(
    `${adminWorkshopPath(workshop.id)}/cancel`,
    asAdmin({ method: 'POST' }),
  );
  assert.equal(cancel.status, 200);
  await settle(worker);

  const life = async (registrationId: string, kinds: string[]) => {
    const messages = await outbox(worker, { registrationId });
    return kinds.map((kind) => {
      const m = messages.filter((x) => x.kind === kind && x.attachments.length > 0);
      assert.equal(m.length, 1, `one ${kind} with a calendar file`);
      return { message: m[0]!, file: parse(m[0]!) };
    });
  };
  const host = new URL(ORIGIN).host;
  for (const [id, kinds] of [
    [leaverId, ['confirmed', 'reminder', 'workshop_changed', 'cancelled']],
    [stayerId, ['confirmed', 'reminder', 'workshop_changed', 'workshop_cancelled']],
  ] as const) {
    const files = await life(id, [...kinds]);
    const uids = new Set(files.map((f) => f.file.uid));
    assert.equal(uids.size, 1, 'the same UID in every file of one attendee');
    assert.ok([...uids][0]!.endsWith(`@${host}`), `UID under the deployment's host: ${[...uids]}`);
    const sequences = files.map((f) => f.file.sequence);
    for (let i = 1; i < sequences.length; i++) {
      assert.ok(sequences[i]! > sequences[i - 1]!, `SEQUENCE rises: ${sequences.join(' → ')}`);
    }
    for (const { message, file } of files) {
      const cancelled = file.kind === 'cancelled' || file.kind === 'workshop_cancelled';
      assert.equal(file.stamp, message.createdAt - (message.createdAt % 1000), 'DTSTAMP: written');
      assert.equal(file.method, cancelled ? 'CANCEL' : 'PUBLISH', file.kind);
      assert.match(file.contentType, new RegExp(`method=${file.method}$`));
      assert.equal(file.status, cancelled ? 'CANCELLED' : 'CONFIRMED', file.kind);
      // Outlook turns a file with an organizer into a meeting that replies to them.
      if (!cancelled) assert.equal(file.organizer, null, `${file.kind}: no ORGANIZER`);
      assert.ok(file.summary.includes(seriesTitle.sk), `${file.kind}: ${file.summary}`);
      assert.ok(file.summary.includes('Dáta v mestách'), file.summary);
      assert.ok(file.description.includes(manageLink(message)), `${file.kind}: manage link`);
      const withLink = file.kind === 'reminder' || file.kind === 'workshop_changed';
      assert.equal(file.url, withLink ? workshop.joinUrl : null, `${file.kind}: URL`);
      assert.equal(file.description.includes(workshop.joinUrl), withLink, file.kind);
    }
    const [, reminder, changed] = files;
    assert.equal(reminder!.file.start, Date.parse('2037-12-02T09:00:00Z'));
    assert.equal(changed!.file.start, Date.parse('2037-12-02T10:00:00Z'), 'the moved time');
  }
  const [leaverFiles, stayerFiles] = [
    await life(leaverId, ['confirmed']),
    await life(stayerId, ['confirmed']),
  ];
  assert.notEqual(leaverFiles[0]!.file.uid, stayerFiles[0]!.file.uid, 'one UID per attendee');
});
