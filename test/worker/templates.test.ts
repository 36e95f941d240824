import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asAdmin, json, startTestWorker, type TestWorker } from '../support/worker';
import {
  adminWorkshopPath,
  cancelThroughManagePage,
  createSeries,
  createWorkshop,
  everythingIn,
  HOUR,
  manageLink,
  onlyMessage,
  outbox,
  postRegistration,
  registerConfirmed,
  runCron,
  settle,
  unique,
  uniqueEmail,
  validRegistration,
  type AdminWorkshop,
  type OutboxMessage,
} from '../support/fixtures';

const ORGANIZER = { name: 'Mesto Trnava, oddelenie „Smart“', email: 'smart@trnava.example.sk' };
const SERIES_TITLE = { sk: 'Dáta & <mestá>', en: 'Data & <cities>' };
const NEW_LINK = 'https://meet.example.gov.sk/moved-room';

/**
 * One scenario produces every kind of message, for a Slovak and an English registrant:
 * confirm_request, confirmed, already_registered, cancelled (the second workshop), reminder (the
 * first, on Wednesday 2 December 2037 10:00–12:00 in Bratislava), workshop_changed without the
 * link (the third workshop moved before its reminder) and with it (the first workshop's link
 * changed after the reminder), and workshop_cancelled (the third workshop).
 */
let worker: TestWorker;
let main: AdminWorkshop;
let dropped: AdminWorkshop;
let moved: AdminWorkshop;
const sk = uniqueEmail('sk');
const en = uniqueEmail('en');
let messages: OutboxMessage[];

before(async () => {
  worker = await startTestWorker();
  const slug = unique('series');
  await createSeries(worker, slug, { organizer: ORGANIZER, title: SERIES_TITLE });
  const at = (day: number, time: string) => `2037-12-0${day}T${time}:00+01:00`;
  main = await createWorkshop(worker, slug, {
    startsAt: at(2, '10:00'),
    endsAt: at(2, '12:00'),
    title: { sk: 'Hlavný workshop', en: 'Main workshop' },
  });
  dropped = await createWorkshop(worker, slug, {
    startsAt: at(3, '10:00'),
    endsAt: at(3, '12:00'),
    title: { sk: 'Zrušený workshop', en: 'Dropped workshop' },
  });
  moved = await createWorkshop(worker, slug, {
    startsAt: at(4, '10:00'),
    endsAt: at(4, '12:00'),
    title: { sk: 'Presunutý workshop', en: 'Moved workshop' },
  });
  const all = [main.id, dropped.id, moved.id];
  for (const [email, locale] of [
    [sk, 'sk'],
    [en, 'en'],
  ] as const) {
    const id = await registerConfirmed(worker, slug, all, { email, locale });
    const again = await postRegistration(worker, slug, validRegistration([main.id], { email }));
    assert.equal(again.status, 201);
    const link = manageLink(await onlyMessage(worker, { registrationId: id, kind: 'confirmed' }));
    await cancelThroughManagePage(worker, link, { workshopIds: [dropped.id] });
    await settle(worker);
  }
  const patch = async (id: string, body: object) => {
    const res = await worker.fetch(adminWorkshopPath(id), asAdmin(json('PATCH', body)));
    assert.equal(res.status, 200, await res.text());
    await settle(worker);
  };
  await patch(moved.id, { startsAt: at(5, '13:00'), endsAt: at(5, '14:00') });
  await runCron(worker, Date.parse(main.startsAt) - 23 * HOUR);
  await patch(main.id, { joinUrl: NEW_LINK });
  const cancel = await worker.fetch(
    `${adminWorkshopPath(moved.id)}/cancel`,
    asAdmin({ method: 'POST' }),
  );
  assert.equal(cancel.status, 200);
  await settle(worker);
  messages = await outbox(worker);
});
after(() => worker.dispose());

const KINDS = [
  'confirm_request',
  'confirmed',
  'already_registered',
  'cancelled',
  'reminder',
  'workshop_changed',
  'workshop_cancelled',
];

function only(to: string, kind: string, workshopId?: string): OutboxMessage {
  const found = messages.filter(
    (m) => m.to === to && m.kind === kind && (!workshopId || m.workshopId === workshopId),
  );
  assert.equal(found.length, 1, `one ${kind} to ${to}`);
  return found[0]!;
}

describe('e-mail content', () => {
  test('the scenario produced every kind of message for both registrants', () => {
    for (const to of [sk, en]) {
      const kinds = new Set(messages.filter((m) => m.to === to).map((m) => m.kind));
      assert.deepEqual([...kinds].sort(), [...KINDS].sort(), to);
    }
  });

  test('Slovak: dates and times in Europe/Bratislava, Slovak wording', () => {
    const when = 'streda 2. decembra 2037 o 10:00 – 12:00';
    for (const kind of ['confirm_request', 'confirmed', 'already_registered', 'reminder']) {
      const m = only(sk, kind, kind === 'reminder' ? main.id : undefined);
      assert.ok(m.text.includes(when), `${kind}:\n${m.text}`);
      assert.ok(m.html.includes(when), kind);
      assert.ok(m.text.startsWith('Dobrý deň,\n\n'), kind);
      assert.match(m.html, /^<!doctype html>\n<html lang="sk">/);
    }
    const reminder = only(sk, 'reminder');
    assert.equal(
      reminder.subject,
      'Odkaz na pripojenie: Hlavný workshop (2. decembra 2037 o 10:00)',
    );
    assert.ok(reminder.text.includes('sa začína o necelých 24 hodín'));
    assert.equal(only(sk, 'confirmed').subject, `Registrácia potvrdená: ${SERIES_TITLE.sk}`);
    const changed = only(sk, 'workshop_changed', moved.id);
    assert.ok(changed.text.includes('sobota 5. decembra 2037 o 13:00 – 14:00'), changed.text);
    assert.ok(only(sk, 'cancelled').text.includes('štvrtok 3. decembra 2037 o 10:00 – 12:00'));
    assert.ok(only(sk, 'confirmed').text.includes(`S pozdravom\n${ORGANIZER.name}`));
  });

  test('English: dates and times in Europe/Bratislava, English wording', () => {
    const when = 'Wednesday 2 December 2037, 10:00 – 12:00';
    for (const kind of ['confirm_request', 'confirmed', 'reminder']) {
      const m = only(en, kind, kind === 'reminder' ? main.id : undefined);
      assert.ok(m.text.includes(when), `${kind}:\n${m.text}`);
      assert.ok(m.text.startsWith('Hello,\n\n'), kind);
      assert.match(m.html, /<html lang="en">/);
      // Nothing left in Slovak (the organizer's name has no diacritics).
      assert.ok(!/[áäčďéíľĺňóôŕšťúýž]/i.test(m.text), `${kind}:\n${m.text}`);
    }
    assert.equal(
      only(en, 'reminder').subject,
      'Join link: Main workshop (2 December 2037 at 10:00)',
    );
    assert.ok(
      only(en, 'workshop_changed', moved.id).text.includes(
        'Saturday 5 December 2037, 13:00 – 14:00',
      ),
    );
    assert.equal(only(en, 'workshop_cancelled').subject, 'Workshop cancelled: Moved workshop');
  });

  test('the join link is only in the reminder (text, HTML, .ics) and never in any other message', () => {
    const links = [main.joinUrl, dropped.joinUrl, moved.joinUrl, NEW_LINK];
    for (const to of [sk, en]) {
      const reminder = only(to, 'reminder');
      assert.ok(reminder.text.includes(main.joinUrl) && reminder.html.includes(main.joinUrl));
      assert.equal(reminder.attachments.length, 1);
      assert.ok(reminder.attachments[0]!.content.includes(`\r\nURL:${main.joinUrl}\r\n`));
      for (const m of messages.filter((m) => m.to === to && m.kind !== 'reminder')) {
        // The one exception: a changed link goes to those who already had the reminder.
        if (m.kind === 'workshop_changed' && m.workshopId === main.id) continue;
        for (const link of links) {
          assert.ok(!everythingIn(m).includes(link), `${m.kind} must not carry ${link}`);
        }
      }
    }
  });

  test('a change notice to someone who had the reminder carries the new link, in the text and the .ics', () => {
    const notice = only(sk, 'workshop_changed', main.id);
    assert.ok(notice.text.includes(`Platný odkaz na pripojenie:\n${NEW_LINK}`), notice.text);
    assert.ok(notice.attachments[0]!.content.includes(`\r\nURL:${NEW_LINK}\r\n`));
    assert.ok(!everythingIn(notice).includes(main.joinUrl), 'not the old one');
    const beforeReminder = only(sk, 'workshop_changed', moved.id);
    assert.ok(!/\r\nURL:/.test(beforeReminder.attachments[0]!.content));
  });

  test('every e-mail has a cancel (manage) link; only the confirm request has a confirm link', () => {
    for (const m of messages) {
      assert.ok(manageLink(m), `${m.kind} has a manage link`);
      assert.equal(
        m.text.includes('/api/v1/registrations/confirm?token='),
        m.kind === 'confirm_request',
        m.kind,
      );
      assert.ok(m.html.includes(`href="${manageLink(m)}"`), `${m.kind}: the link is clickable`);
    }
  });

  test('From name and Reply-To are the series organizer’s', () => {
    for (const m of messages) {
      assert.equal(m.fromName, ORGANIZER.name, m.kind);
      assert.equal(m.replyTo, ORGANIZER.email, m.kind);
    }
  });

  test('calendar files: one per workshop in confirmed, none in confirm_request and already_registered', () => {
    assert.equal(only(sk, 'confirmed').attachments.length, 3);
    assert.equal(only(sk, 'confirm_request').attachments.length, 0);
    assert.equal(only(sk, 'already_registered').attachments.length, 0);
    assert.equal(only(sk, 'cancelled').attachments.length, 1);
    assert.match(only(sk, 'cancelled').attachments[0]!.contentType, /method=CANCEL/);
    assert.match(only(sk, 'workshop_cancelled').attachments[0]!.contentType, /method=CANCEL/);
  });

  test('the HTML part escapes what organizers typed', () => {
    for (const m of messages) {
      assert.ok(!m.html.includes('<mestá>') && !m.html.includes('<cities>'), m.kind);
    }
    const request = only(sk, 'confirm_request');
    assert.ok(request.html.includes('„Dáta &amp; &lt;mestá&gt;“'), request.html);
    // The text part is plain text: no escaping there.
    assert.ok(request.text.includes('„Dáta & <mestá>“'), request.text);
  });

  test('the confirm request says until when the seat is held, in Bratislava time', () => {
    const request = only(sk, 'confirm_request');
    const match = request.text.match(
      /Miesto vám podržíme do (\d{1,2})\. (\S+) (\d{4}) o (\d{1,2}):(\d\d)\./,
    );
    assert.ok(match, request.text);
    const held = request.createdAt + HOUR;
    // Slovak writes the hour without a leading zero ("0:05", "9:30"): compare numbers.
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Bratislava',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    }).formatToParts(held);
    const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
    assert.deepEqual([Number(match[4]), Number(match[5])], [part('hour'), part('minute')]);
  });
});
