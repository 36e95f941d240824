import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { CONFIRM_LINK_MS, HOLD_MS, PENDING_PER_CLIENT } from '../../worker/src/domain/holds';
import { confirmByToken } from '../../worker/src/services/confirm';
import { hasSql, pausedBefore } from '../support/interleave';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  type AdminWorkshop,
  confirmLink,
  createSeries,
  createWorkshop,
  expectError,
  heldSeats,
  HOUR,
  MINUTE,
  nextClientIp,
  onlyMessage,
  outbox,
  postConfirmation,
  postRegistration,
  publicWorkshop,
  register,
  registrationStatus,
  runCron,
  settle,
  tokenOf,
  unique,
  uniqueEmail,
  validRegistration,
} from '../support/fixtures';

let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

const postConfirm = (token: string) => postConfirmation(worker, token);

async function series(capacities: number[]) {
  const slug = unique('holds');
  await createSeries(worker, slug);
  const workshops: AdminWorkshop[] = [];
  for (const [i, capacity] of capacities.entries()) {
    const title = { sk: `Workshop č. ${i + 1}`, en: `Workshop no. ${i + 1}` };
    workshops.push(
      await createWorkshop(worker, slug, { startsInHours: 72 + 24 * i, capacity, title }),
    );
  }
  return { slug, workshops };
}

/** A registration from `ip`, with an invented address: its status and (if accepted) id. */
async function registerFrom(slug: string, workshopIds: string[], ip: string) {
  const res = await postRegistration(
    worker,
    slug,
    validRegistration(workshopIds, { email: uniqueEmail('invented') }),
    { 'cf-connecting-ip': ip },
  );
  const body = (await res.json()) as { registration?: { id: string }; error?: { code: string } };
  return { status: res.status, id: body.registration?.id, code: body.error?.code };
}

describe('the hold model', () => {
  test(`the numbers: an hour's hold, a day's link, ${PENDING_PER_CLIENT} waiting per client`, () => {
    assert.equal(HOLD_MS, HOUR);
    assert.equal(CONFIRM_LINK_MS, 24 * HOUR);
    assert.equal(PENDING_PER_CLIENT, 5);
  });

  test('three addresses hold at most 3 × 5 seats; the holds lapse in an hour; then a person gets the seat', async () => {
    const { slug, workshops } = await series([3 * PENDING_PER_CLIENT + 5]);
    const [workshop] = workshops;
    // Two IPv4 addresses, and a third client rotating through addresses of its IPv6 /64.
    let rotation = 0;
    const clients: (() => string)[] = [
      () => '203.0.113.10',
      () => '203.0.113.20',
      () => `2001:db8:a:b::${(++rotation).toString(16)}`,
    ];
    const accepted: string[] = [];
    for (const ip of clients) {
      for (let i = 0; i < PENDING_PER_CLIENT + 2; i++) {
        const result = await registerFrom(slug, [workshop!.id], ip());
        if (i < PENDING_PER_CLIENT) {
          assert.equal(result.status, 201, `${ip()} #${i + 1}`);
          accepted.push(result.id!);
        } else {
          assert.equal(result.status, 429, `${ip()} #${i + 1}`);
          assert.equal(result.code, 'too_many_pending');
        }
      }
    }
    await settle(worker);
    assert.equal(accepted.length, 3 * PENDING_PER_CLIENT);
    assert.equal(await heldSeats(worker.db, workshop!.id), 3 * PENDING_PER_CLIENT);
    assert.equal((await publicWorkshop(worker, slug, workshop!.id)).seatsLeft, 5, 'the rest free');

    // The database knows no address: a keyed hash while pending, nothing after.
    const rows = await worker.db
      .prepare(
        'SELECT client_key FROM registrations WHERE series_id = (SELECT id FROM series WHERE slug = ?)',
      )
      .bind(slug)
      .all<{ client_key: string | null }>();
    const unkeyed = createHash('sha256').update('203.0.113.10').digest('hex');
    for (const { client_key } of rows.results) {
      assert.match(client_key ?? '', /^[0-9a-f]{64}$/);
      assert.notEqual(client_key, unkeyed);
    }
    assert.equal(new Set(rows.results.map((r) => r.client_key)).size, 3, 'one key per client');
    for (const table of ['registrations', 'seats', 'outbox', 'tokens']) {
      const all = await worker.db.prepare(`SELECT * FROM ${table}`).all();
      assert.doesNotMatch(JSON.stringify(all.results), /203\.0\.113|2001:db8/i, table);
    }

    // An hour later every hold has lapsed (at the cron run after it, every quarter of an hour).
    const { latest } = (await worker.db
      .prepare(
        `SELECT MAX(created_at) AS latest FROM registrations WHERE id IN (${accepted.map(() => '?').join(', ')})`,
      )
      .bind(...accepted)
      .first<{ latest: number }>())!;
    await runCron(worker, latest + HOLD_MS);
    for (const id of accepted) assert.equal(await registrationStatus(worker, id), 'expired');
    assert.equal(await heldSeats(worker.db, workshop!.id), 0);

    const person = await register(worker, slug, [workshop!.id], { email: uniqueEmail('real') });
    const request = await onlyMessage(worker, { registrationId: person, kind: 'confirm_request' });
    assert.equal((await postConfirm(tokenOf(confirmLink(request)))).status, 200);
    assert.equal(await registrationStatus(worker, person), 'confirmed');
  });

  test('an office registers five colleagues from one address; once they confirm, more may follow', async () => {
    const { slug, workshops } = await series([50]);
    const office = nextClientIp();
    const ids: string[] = [];
    for (let i = 0; i < PENDING_PER_CLIENT; i++) {
      const { status, id } = await registerFrom(slug, [workshops[0]!.id], office);
      assert.equal(status, 201);
      ids.push(id!);
    }
    const refused = await postRegistration(
      worker,
      slug,
      validRegistration([workshops[0]!.id], { email: uniqueEmail('sixth') }),
      { 'cf-connecting-ip': office },
    );
    const body = await expectError(refused, 429, 'too_many_pending');
    assert.match(body.error.message, /Confirm them/);
    await settle(worker);
    const request = await onlyMessage(worker, { registrationId: ids[0]!, kind: 'confirm_request' });
    assert.equal((await postConfirm(tokenOf(confirmLink(request)))).status, 200);
    const row = await worker.db
      .prepare('SELECT client_key FROM registrations WHERE id = ?')
      .bind(ids[0])
      .first<{ client_key: string | null }>();
    assert.equal(row!.client_key, null, 'a confirmed registration keeps nothing of its client');
    assert.equal((await registerFrom(slug, [workshops[0]!.id], office)).status, 201);
    // Another series is counted on its own.
    const other = await series([10]);
    assert.equal((await registerFrom(other.slug, [other.workshops[0]!.id], office)).status, 201);
  });
});

describe('a person who confirms within the hour keeps the seat', () => {
  test('at 59 minutes nothing has lapsed, and confirming keeps every seat for good', async () => {
    const { slug, workshops } = await series([1]);
    const id = await register(worker, slug, [workshops[0]!.id], { email: uniqueEmail() });
    const { created_at } = (await worker.db
      .prepare('SELECT created_at FROM registrations WHERE id = ?')
      .bind(id)
      .first<{ created_at: number }>())!;
    await runCron(worker, created_at + 59 * MINUTE);
    const request = await onlyMessage(worker, { registrationId: id, kind: 'confirm_request' });
    assert.equal((await postConfirm(tokenOf(confirmLink(request)))).status, 200);
    await runCron(worker, created_at + 3 * HOUR);
    assert.equal(await registrationStatus(worker, id), 'confirmed');
    assert.equal(await heldSeats(worker.db, workshops[0]!.id), 1);
  });
});

describe('a confirmation after the hold', () => {
  /** A registration whose hold has run out (the cron ran an hour later). */
  async function lapsed(slug: string, workshopIds: string[], locale = 'sk') {
    const id = await register(worker, slug, workshopIds, { email: uniqueEmail(), locale });
    const request = await onlyMessage(worker, { registrationId: id, kind: 'confirm_request' });
    assert.match(
      request.text,
      /(Ak registráciu potvrdíte neskôr|If you confirm later)/,
      'the mail says so',
    );
    await runCron(worker, Date.now() + HOLD_MS + MINUTE);
    assert.equal(await registrationStatus(worker, id), 'expired');
    return { id, token: tokenOf(confirmLink(request)) };
  }

  test('takes the seats back when they are still free', async () => {
    const { slug, workshops } = await series([1, 1]);
    const ids = workshops.map((w) => w.id);
    const { id, token } = await lapsed(slug, ids);
    const res = await postConfirm(token);
    const page = await res.text();
    assert.ok(page.includes('Registrácia je potvrdená'), page);
    assert.ok(!page.includes('pre vás už nie'));
    await settle(worker);
    assert.equal(await registrationStatus(worker, id), 'confirmed');
    for (const w of ids) assert.equal(await heldSeats(worker.db, w), 1);
    const confirmed = await onlyMessage(worker, { registrationId: id, kind: 'confirmed' });
    assert.equal(confirmed.attachments.length, 2);
  });

  test('keeps what is free and says clearly which could not be kept', async () => {
    const { slug, workshops } = await series([1, 1]);
    const [kept, taken] = workshops;
    const { id, token } = await lapsed(slug, [kept!.id, taken!.id], 'en');
    await register(worker, slug, [taken!.id], { email: uniqueEmail('faster') });

    const shown = await (await worker.fetch(`/api/v1/registrations/confirm?token=${token}`)).text();
    assert.ok(shown.includes('We held your seats until'), shown);
    assert.ok(shown.includes('no seat left'), 'the taken one is marked');
    const res = await postConfirm(token);
    const page = await res.text();
    assert.ok(page.includes('Registration confirmed'), page);
    const notKept = page.slice(page.indexOf('There is no seat left for you at this workshop'));
    assert.ok(notKept.includes(taken!.title.en) && !notKept.includes(kept!.title.en), page);
    assert.ok(page.includes(`/api/v1/series/${slug}/register?lang=en`), 'a way to register again');
    await settle(worker);
    assert.equal(await registrationStatus(worker, id), 'confirmed');
    const confirmed = await onlyMessage(worker, { registrationId: id, kind: 'confirmed' });
    assert.deepEqual(
      confirmed.attachments.map((a) => a.filename),
      [`workshop-${kept!.id}.ics`],
      'the mail lists what is kept only',
    );
  });

  test('confirms nothing when no seat is free, and says so with a way to register again', async () => {
    const { slug, workshops } = await series([1]);
    const { id, token } = await lapsed(slug, [workshops[0]!.id]);
    await register(worker, slug, [workshops[0]!.id], { email: uniqueEmail('faster') });
    const res = await postConfirm(token);
    const page = await res.text();
    assert.equal(res.status, 200);
    assert.ok(page.includes('Miesto je už obsadené'), page);
    assert.ok(page.includes(workshops[0]!.title.sk));
    assert.ok(page.includes(`/api/v1/series/${slug}/register?lang=sk`));
    await settle(worker);
    assert.equal(await registrationStatus(worker, id), 'expired');
    assert.deepEqual(await outbox(worker, { registrationId: id, kind: 'confirmed' }), []);
  });

  test('loses the race for the last seat cleanly: the trigger refuses, the page says why', async () => {
    const { slug, workshops } = await series([1]);
    const { id, token } = await lapsed(slug, [workshops[0]!.id]);
    const db = pausedBefore(worker.db, hasSql("SET status = 'held'"), async () => {
      await register(worker, slug, [workshops[0]!.id], { email: uniqueEmail('faster') });
    });
    const result = await confirmByToken(db as never, token, Date.now());
    assert.ok(db.paused(), 'the other registration came in between');
    assert.equal(result?.outcome, 'lapsed_full');
    assert.equal(await registrationStatus(worker, id), 'expired');
    assert.equal(await heldSeats(worker.db, workshops[0]!.id), 1, 'no seat over capacity');
    assert.deepEqual(await outbox(worker, { registrationId: id, kind: 'confirmed' }), []);
  });
});

describe('the series’ registration page', () => {
  test('serves the widget for the series in the asked language, under a strict policy', async () => {
    const { slug } = await series([5]);
    const res = await worker.fetch(`/api/v1/series/${slug}/register?lang=en`);
    const page = await res.text();
    assert.equal(res.status, 200);
    assert.match(page, /<html lang="en">/);
    assert.ok(page.includes(`<workshop-signup series="${slug}" lang="en"`), page);
    assert.ok(page.includes('<script type="module" src="/workshop-signup.js"></script>'));
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /challenges\.cloudflare\.com/, 'no Turnstile where it is off');
    const unknown = await worker.fetch('/api/v1/series/no-such-series/register');
    assert.equal(unknown.status, 404);
    await unknown.arrayBuffer();
  });
});
