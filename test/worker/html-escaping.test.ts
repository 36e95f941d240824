import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  confirmLink,
  confirmThroughPage,
  createSeries,
  createWorkshop,
  manageLink,
  onlyMessage,
  register,
  settle,
  unique,
  uniqueEmail,
  type OutboxMessage,
} from '../support/fixtures';

/** Every character HTML gives a meaning to, in text and in quoted attributes. */
const NASTY = `O'Brien "Q" <b>&amp;`;
const ESCAPED = 'O&#39;Brien &quot;Q&quot; &lt;b&gt;&amp;amp;';

const SERIES = `Séria ${NASTY}`;
const ORGANIZER = `Mesto ${NASTY}`;
const WORKSHOP = `Workshop ${NASTY}`;
const PERSON = `Jana ${NASTY}`;

let worker: TestWorker;
let request: OutboxMessage;
let confirmed: OutboxMessage;
let pages: Record<string, string>;

before(async () => {
  worker = await startTestWorker();
  const slug = unique('series');
  await createSeries(worker, slug, {
    title: { sk: SERIES, en: SERIES },
    organizer: { name: ORGANIZER, email: 'smart@example.sk' },
  });
  const workshop = await createWorkshop(worker, slug, { title: { sk: WORKSHOP, en: WORKSHOP } });
  const id = await register(worker, slug, [workshop.id], {
    givenName: PERSON,
    familyName: PERSON,
    email: uniqueEmail(),
  });
  request = await onlyMessage(worker, { registrationId: id, kind: 'confirm_request' });
  const confirmPage = await (await worker.fetch(confirmLink(request))).text();
  const confirmedPage = await (await confirmThroughPage(worker, confirmLink(request))).text();
  await settle(worker);
  confirmed = await onlyMessage(worker, { registrationId: id, kind: 'confirmed' });
  const managePage = await (await worker.fetch(manageLink(confirmed))).text();
  pages = { confirmPage, confirmedPage, managePage };
});
after(() => worker.dispose());

test('names with \' " < & come out escaped in the HTML part of e-mails', () => {
  for (const message of [request, confirmed]) {
    assert.ok(!message.html.includes(NASTY), `${message.kind}: nothing unescaped`);
    // The series title is in the subject (<title>), the organizer signs, the workshop is listed.
    for (const name of [SERIES, ORGANIZER, WORKSHOP]) {
      const escaped = name.replace(NASTY, ESCAPED);
      assert.ok(message.html.includes(escaped), `${message.kind}: ${escaped} in\n${message.html}`);
    }
    assert.ok(message.html.includes(`<title>${message.subject.replace(NASTY, ESCAPED)}</title>`));
    // The text part is plain text, not escaped. The registrant's name is in neither part.
    assert.ok(message.text.includes(WORKSHOP) && message.text.includes(ORGANIZER), message.kind);
    assert.ok(!message.html.includes('Jana') && !message.text.includes('Jana'), message.kind);
  }
});

test('names with \' " < & come out escaped on the link pages', () => {
  for (const [name, page] of Object.entries(pages)) {
    assert.ok(!page.includes(NASTY), `${name}: nothing unescaped`);
    for (const title of [SERIES, WORKSHOP]) {
      const escaped = title.replace(NASTY, ESCAPED);
      assert.ok(page.includes(escaped), `${name}: ${escaped} in\n${page}`);
    }
    // The pages name neither the registrant nor the organizer.
    assert.ok(!page.includes('Jana') && !page.includes('Mesto'), name);
  }
});
