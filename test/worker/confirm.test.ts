import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestWorker, asAdmin, type TestWorker } from '../support/worker';
import {
  adminWorkshopPath,
  cancelThroughManagePage,
  confirmLink,
  confirmThroughPage,
  createSeries,
  createWorkshop,
  everythingIn,
  HOUR,
  manageLink,
  onlyMessage,
  outbox,
  publicWorkshop,
  register,
  registrationStatus,
  settle,
  unique,
  uniqueEmail,
  type AdminWorkshop,
} from '../support/fixtures';

let worker: TestWorker;
let slug: string;
let first: AdminWorkshop;
let second: AdminWorkshop;

before(async () => {
  worker = await startTestWorker();
  slug = unique('series');
  await createSeries(worker, slug);
  first = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 1000 });
  second = await createWorkshop(worker, slug, { startsInHours: 96, capacity: 1000 });
});
after(() => worker.dispose());

const confirmedAt = async (id: string) =>
  (await worker.db
    .prepare('SELECT confirmed_at FROM registrations WHERE id = ?')
    .bind(id)
    .first<{ confirmed_at: number | null }>())!.confirmed_at;

async function confirmRequestOf(id: string) {
  return onlyMessage(worker, { registrationId: id, kind: 'confirm_request' });
}

const CONFIRM_PATH = '/api/v1/registrations/confirm';
const FORM = 'application/x-www-form-urlencoded';
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

/** Submits the confirm form the way a browser would, with the given fields. */
const postConfirm = (fields: Record<string, string>) =>
  worker.fetch(CONFIRM_PATH, {
    method: 'POST',
    headers: { 'content-type': FORM },
    body: new URLSearchParams(fields).toString(),
  });

/** What confirming could change: statuses and times of registrations, seats, messages. */
async function snapshot() {
  const [registrations, seats, messages] = await Promise.all([
    worker.db
      .prepare('SELECT id, status, confirmed_at, expires_at FROM registrations ORDER BY id')
      .all(),
    worker.db.prepare('SELECT registration_id, workshop_id, status FROM seats ORDER BY 1, 2').all(),
    worker.db.prepare('SELECT id, kind FROM outbox ORDER BY id').all(),
  ]);
  return {
    registrations: registrations.results,
    seats: seats.results,
    messages: messages.results,
  };
}

const confirmButton = /<button type="submit">Potvrdiť registráciu<\/button>/;
const confirmForm = /<form method="post" action="\/api\/v1\/registrations\/confirm">/;

describe('a new registration', () => {
  test('is pending, holds its seats and gets a confirm link by e-mail', async () => {
    const seatsBefore = (await publicWorkshop(worker, slug, first.id)).seatsLeft;
    const email = uniqueEmail();
    const id = await register(worker, slug, [first.id], { email });

    assert.equal(await registrationStatus(worker, id), 'pending');
    assert.equal((await publicWorkshop(worker, slug, first.id)).seatsLeft, seatsBefore - 1);
    const request = await confirmRequestOf(id);
    assert.equal(request.to, email);
    assert.equal(request.status, 'sent');
    assert.match(
      confirmLink(request),
      /^http:\/\/worker\.test\/api\/v1\/registrations\/confirm\?token=[\w-]{43}$/,
    );
    assert.ok(manageLink(request), 'and a link to cancel');
    assert.ok(!everythingIn(request).includes(first.joinUrl));
  });
});

describe('GET /api/v1/registrations/confirm', () => {
  test('shows the series, the workshops and one button, and confirms nothing', async () => {
    const id = await register(worker, slug, [first.id, second.id], { email: uniqueEmail() });
    const link = confirmLink(await confirmRequestOf(id));
    const before = await snapshot();

    const res = await worker.fetch(link);
    const page = await res.text();
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page, /<html lang="sk">/);
    assert.ok(page.includes('Potvrďte registráciu'), page);
    assert.ok(page.includes(first.title.sk) && page.includes(second.title.sk));
    const series = (await (await worker.fetch(`/api/v1/series/${slug}`)).json()) as {
      series: { title: { sk: string } };
    };
    assert.ok(page.includes(series.series.title.sk), 'the series title');
    assert.match(page, confirmForm);
    assert.equal(page.match(/<button/g)?.length, 1, 'one button');
    assert.match(page, confirmButton);
    assert.ok(
      page.includes(`<input type="hidden" name="token" value="${tokenOf(link)}" />`),
      'the form carries the token',
    );
    assert.ok(!page.includes('Registrácia je potvrdená'));
    await settle(worker);

    assert.equal(await registrationStatus(worker, id), 'pending');
    assert.equal(await confirmedAt(id), null);
    assert.deepEqual(await outbox(worker, { registrationId: id, kind: 'confirmed' }), []);
    assert.deepEqual(await snapshot(), before, 'nothing changed');
  });

  test('a mail scanner opening the link (GET, HEAD, several times) confirms nothing', async () => {
    const id = await register(worker, slug, [first.id], { email: uniqueEmail() });
    const link = confirmLink(await confirmRequestOf(id));
    const before = await snapshot();

    const responses = await Promise.all([
      worker.fetch(link),
      worker.fetch(link, { method: 'HEAD' }),
      worker.fetch(link),
    ]);
    assert.deepEqual(
      responses.map((r) => r.status),
      [200, 200, 200],
    );
    for (const r of responses) await r.arrayBuffer();
    const head = await worker.fetch(link, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '', 'HEAD has no body');
    await settle(worker);

    assert.equal(await registrationStatus(worker, id), 'pending');
    assert.deepEqual(await outbox(worker, { registrationId: id, kind: 'confirmed' }), []);
    assert.deepEqual(await snapshot(), before);
  });

  test('answers in the registrant’s language', async () => {
    const id = await register(worker, slug, [first.id], { email: uniqueEmail(), locale: 'en' });
    const res = await worker.fetch(confirmLink(await confirmRequestOf(id)));
    const page = await res.text();
    assert.match(page, /<html lang="en">/);
    assert.ok(page.includes('Confirm your registration'), page);
    assert.match(page, /<button type="submit">Confirm registration<\/button>/);
    assert.ok(page.includes(first.title.en));
    assert.ok(!page.includes(first.title.sk));
    assert.equal(await registrationStatus(worker, id), 'pending');
  });

  test('of a confirmed registration shows "already confirmed", without a button', async () => {
    const id = await register(worker, slug, [first.id], { email: uniqueEmail() });
    const link = confirmLink(await confirmRequestOf(id));
    assert.equal((await confirmThroughPage(worker, link)).status, 200);
    await settle(worker);
    const before = await snapshot();

    const res = await worker.fetch(link);
    const page = await res.text();
    assert.equal(res.status, 200);
    assert.ok(page.includes('Registrácia už bola potvrdená'), page);
    assert.ok(page.includes(first.title.sk));
    assert.ok(!page.includes('<form') && !page.includes('<button'), 'no button');
    assert.deepEqual(await snapshot(), before);
  });

  test('sends the page headers: no-referrer, no-store, a CSP that allows posting the form', async () => {
    const id = await register(worker, slug, [first.id], { email: uniqueEmail() });
    const link = confirmLink(await confirmRequestOf(id));
    const requests: [string, RequestInit?][] = [
      [link],
      [`${CONFIRM_PATH}?token=nope`],
      [
        CONFIRM_PATH,
        {
          method: 'POST',
          headers: { 'content-type': FORM },
          body: new URLSearchParams({ token: tokenOf(link) }).toString(),
        },
      ],
      [
        CONFIRM_PATH,
        {
          method: 'POST',
          headers: { 'content-type': FORM },
          body: 'token=nope',
        },
      ],
    ];
    for (const [url, init] of requests) {
      const what = `${init?.method ?? 'GET'} ${url}`;
      const res = await worker.fetch(url, init);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/, what);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', what);
      assert.equal(res.headers.get('cache-control'), 'no-store', what);
      assert.equal(res.headers.get('x-robots-tag'), 'noindex', what);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/, what);
      assert.match(csp, /form-action 'self'/, what);
      await res.arrayBuffer();
    }
    await settle(worker);
  });

  test('an unknown, malformed or missing token shows the 404 page and confirms nothing', async () => {
    const id = await register(worker, slug, [first.id], { email: uniqueEmail() });
    const request = await confirmRequestOf(id);
    const realToken = tokenOf(confirmLink(request));
    const manageToken = tokenOf(manageLink(request));
    const outboxBefore = (await outbox(worker)).length;
    for (const query of [
      `?token=${'A'.repeat(43)}`,
      `?token=${realToken.slice(0, -1)}`,
      `?token=${manageToken}`, // a manage link's token is not a confirm token
      '?token=%3Cscript%3E',
      '?token=',
      '',
    ]) {
      const res = await worker.fetch(`${CONFIRM_PATH}${query}`);
      const page = await res.text();
      assert.equal(res.status, 404, query);
      assert.ok(page.includes('Odkaz nie je platný') && page.includes('This link is not valid'));
      assert.ok(!page.includes('<form'), query);
    }
    assert.equal(await registrationStatus(worker, id), 'pending');
    assert.equal((await outbox(worker)).length, outboxBefore);
  });

  test('does not revive a registration the person cancelled', async () => {
    const id = await register(worker, slug, [first.id], { email: uniqueEmail() });
    const request = await confirmRequestOf(id);
    assert.equal((await cancelThroughManagePage(worker, manageLink(request), 'all')).status, 200);
    await settle(worker);

    const res = await worker.fetch(confirmLink(request));
    const page = await res.text();
    assert.ok(page.includes('Registrácia bola zrušená'), page);
    assert.ok(!page.includes('<form'), 'no button');

    const posted = await postConfirm({ token: tokenOf(confirmLink(request)) });
    assert.equal(posted.status, 200);
    assert.ok((await posted.text()).includes('Registrácia bola zrušená'));
    await settle(worker);
    assert.equal(await registrationStatus(worker, id), 'cancelled');
    assert.deepEqual(await outbox(worker, { registrationId: id, kind: 'confirmed' }), []);
  });

  test('does not confirm a registration whose only workshop was cancelled meanwhile', async () => {
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72 });
    const id = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
    const request = await confirmRequestOf(id);
    const cancel = await worker.fetch(
      `${adminWorkshopPath(workshop.id)}/cancel`,
      asAdmin({ method: 'POST' }),
    );
    assert.equal(cancel.status, 200);
    await settle(worker);

    for (const res of [
      await worker.fetch(confirmLink(request)),
      await postConfirm({ token: tokenOf(confirmLink(request)) }),
    ]) {
      const page = await res.text();
      assert.equal(res.status, 200);
      assert.ok(!page.includes('Registrácia je potvrdená'), page);
      assert.ok(!page.includes('<form'), 'no button');
      assert.ok(page.includes('Nemáte už registráciu na žiadny workshop.'), page);
    }
    await settle(worker);
    assert.notEqual(await registrationStatus(worker, id), 'confirmed');
    assert.deepEqual(await outbox(worker, { registrationId: id, kind: 'confirmed' }), []);
  });

  test('of a registration past its hold offers to confirm what is still free; posting does', async () => {
    const id = await register(worker, slug, [first.id], { email: uniqueEmail() });
    const link = confirmLink(await confirmRequestOf(id));
    // The hold ran out (the cron has not expired it yet); the link still works for a day.
    await worker.db
      .prepare('UPDATE registrations SET expires_at = ? WHERE id = ?')
      .bind(Date.now() - 1, id)
      .run();

    const shown = await (await worker.fetch(link)).text();
    assert.ok(shown.includes('sme pre vás rezervovali do'), shown);
    assert.match(shown, confirmForm);
    const res = await postConfirm({ token: tokenOf(link) });
    const page = await res.text();
    assert.equal(res.status, 200);
    assert.ok(page.includes('Registrácia je potvrdená'), page);
    await settle(worker);
    assert.equal(await registrationStatus(worker, id), 'confirmed');
    assert.equal((await outbox(worker, { registrationId: id, kind: 'confirmed' })).length, 1);
  });

  test('a day after registering the link shows the expired page, posting confirms nothing', async () => {
    const id = await register(worker, slug, [first.id], { email: uniqueEmail() });
    const link = confirmLink(await confirmRequestOf(id));
    await worker.db
      .prepare('UPDATE registrations SET expires_at = ?1, created_at = ?2 WHERE id = ?3')
      .bind(Date.now() - 23 * HOUR, Date.now() - 24 * HOUR - 1, id)
      .run();

    for (const res of [await worker.fetch(link), await postConfirm({ token: tokenOf(link) })]) {
      const page = await res.text();
      assert.equal(res.status, 200);
      assert.ok(page.includes('Platnosť odkazu uplynula'), page);
      // What happened: the hour's hold ran out unconfirmed (the link's day is not the hold).
      assert.ok(page.includes('Miesto sme pre vás rezervovali hodinu.'), page);
      assert.ok(!page.includes('24 hodín'), page);
      assert.ok(!page.includes('<form'), 'no button');
      assert.ok(
        page.includes(`/api/v1/series/${slug}/register?lang=sk`),
        'a way to register again',
      );
    }
    await settle(worker);
    assert.equal(await registrationStatus(worker, id), 'expired');
    assert.deepEqual(await outbox(worker, { registrationId: id, kind: 'confirmed' }), []);
  });
});

describe('POST /api/v1/registrations/confirm', () => {
  test('confirms, and sends one confirmation with an .ics per workshop, a cancel link and no join link', async () => {
    const email = uniqueEmail();
    const id = await register(worker, slug, [first.id, second.id], { email });

    const res = await confirmThroughPage(worker, confirmLink(await confirmRequestOf(id)));
    const page = await res.text();
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.ok(page.includes('Registrácia je potvrdená'), page);
    assert.ok(page.includes(first.title.sk) && page.includes(second.title.sk));
    assert.ok(!page.includes('<form'), 'no button any more');
    await settle(worker);

    assert.equal(await registrationStatus(worker, id), 'confirmed');
    assert.ok((await confirmedAt(id))! > 0);
    const confirmed = await onlyMessage(worker, { registrationId: id, kind: 'confirmed' });
    assert.equal(confirmed.to, email);
    assert.equal(confirmed.status, 'sent');
    assert.deepEqual(
      confirmed.attachments.map((a) => a.filename).sort(),
      [`workshop-${first.id}.ics`, `workshop-${second.id}.ics`].sort(),
    );
    for (const a of confirmed.attachments) assert.match(a.content, /BEGIN:VEVENT/);
    for (const joinUrl of [first.joinUrl, second.joinUrl]) {
      assert.ok(!everythingIn(confirmed).includes(joinUrl), 'no join link yet');
    }
    assert.ok(manageLink(confirmed));
    // Outside the 24-hour window: no reminder yet.
    assert.deepEqual(await outbox(worker, { registrationId: id, kind: 'reminder' }), []);
  });

  test('is idempotent: posting twice says so, changes nothing more and sends one mail', async () => {
    const id = await register(worker, slug, [first.id], { email: uniqueEmail() });
    const token = tokenOf(confirmLink(await confirmRequestOf(id)));

    const once = await postConfirm({ token });
    assert.equal(once.status, 200);
    assert.ok((await once.text()).includes('Registrácia je potvrdená'));
    await settle(worker);
    const at = await confirmedAt(id);

    const again = await postConfirm({ token });
    const page = await again.text();
    assert.equal(again.status, 200);
    assert.ok(page.includes('Registrácia už bola potvrdená'), page);
    assert.ok(page.includes(first.title.sk));
    await settle(worker);
    assert.equal(await registrationStatus(worker, id), 'confirmed');
    assert.equal(await confirmedAt(id), at);
    assert.equal((await outbox(worker, { registrationId: id, kind: 'confirmed' })).length, 1);
  });

  test('two submits at the same moment (a double click) send one confirmation', async () => {
    const id = await register(worker, slug, [first.id], { email: uniqueEmail() });
    const token = tokenOf(confirmLink(await confirmRequestOf(id)));
    const pages = await Promise.all([1, 2, 3].map(() => postConfirm({ token })));
    assert.deepEqual(
      pages.map((p) => p.status),
      [200, 200, 200],
    );
    for (const p of pages) await p.arrayBuffer();
    await settle(worker);
    assert.equal(await registrationStatus(worker, id), 'confirmed');
    assert.equal((await outbox(worker, { registrationId: id, kind: 'confirmed' })).length, 1);
  });

  test('answers in the registrant’s language', async () => {
    const id = await register(worker, slug, [first.id], { email: uniqueEmail(), locale: 'en' });
    const res = await confirmThroughPage(worker, confirmLink(await confirmRequestOf(id)));
    const page = await res.text();
    assert.match(page, /<html lang="en">/);
    assert.ok(page.includes('Registration confirmed'), page);
    assert.ok(page.includes(first.title.en));
    await settle(worker);
  });

  test('an unknown, malformed or missing token shows the 404 page and confirms nothing', async () => {
    const id = await register(worker, slug, [first.id], { email: uniqueEmail() });
    const request = await confirmRequestOf(id);
    const realToken = tokenOf(confirmLink(request));
    const manageToken = tokenOf(manageLink(request));
    const before = await snapshot();
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const attempts: [string, string, string, string][] = [
      // what, where, content type, body
      ['unknown', CONFIRM_PATH, FORM, form({ token: 'A'.repeat(43) })],
      ['cut short', CONFIRM_PATH, FORM, form({ token: realToken.slice(0, -1) })],
      ['a manage token', CONFIRM_PATH, FORM, form({ token: manageToken })],
      ['markup', CONFIRM_PATH, FORM, form({ token: '<script>' })],
      ['empty', CONFIRM_PATH, FORM, form({ token: '' })],
      ['missing', CONFIRM_PATH, FORM, ''],
      ['twice', CONFIRM_PATH, FORM, `token=${realToken}&token=${realToken}`],
      ['as JSON', CONFIRM_PATH, 'application/json', JSON.stringify({ token: realToken })],
      ['as plain text', CONFIRM_PATH, 'text/plain', form({ token: realToken })],
      ['in the query only', `${CONFIRM_PATH}?token=${realToken}`, FORM, ''],
    ];
    for (const [what, url, type, body] of attempts) {
      const res = await worker.fetch(url, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
      const page = await res.text();
      assert.equal(res.status, 404, what);
      assert.ok(page.includes('Odkaz nie je platný') && page.includes('This link is not valid'));
    }
    await settle(worker);
    assert.equal(await registrationStatus(worker, id), 'pending');
    assert.deepEqual(await snapshot(), before);
  });
});
