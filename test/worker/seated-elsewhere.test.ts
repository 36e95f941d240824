import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { confirmByToken } from '../../worker/src/services/confirm';
import { formatLead } from '../../worker/src/mail/format';
import { T } from '../../worker/src/pages/wording';
import { hasSql, pausedBefore } from '../support/interleave';
import { lapse, liveSeats } from '../support/lapsed-line';
import {
  createSeries,
  createWorkshop,
  MINUTE,
  outbox,
  postConfirmation,
  received,
  register,
  registrationStatus,
  runCron,
  settle,
  unique,
  uniqueEmail,
} from '../support/fixtures';
import { sharedWorker } from '../support/shared-worker';
import {
  cancelAllByLink,
  confirmByLink,
  confirmTokenOf,
  fullWorkshop,
  seatStatus,
} from '../support/waitlist-fixtures';
import type { TestWorker } from '../support/worker';

/**
 * A late confirmation of a lapsed registration whose address has the seat through another
 * registration of its own, typically its own place in line, which the line rule gave the seat the
 * lapsed hold released (README "Waiting lists"). The pages say what is true — the person has the
 * seat — instead of "no seat left"; nothing is confirmed and no mail goes for the lapsed one.
 */
const shared = sharedWorker();
let worker: TestWorker;

type Locale = 'sk' | 'en';
const FULL = { sk: 'Plný workshop', en: 'Full workshop' };
const ROOMY = { sk: 'Workshop s voľnými miestami', en: 'Roomy workshop' };
/** The series' reminder lead as the pages say it (the default, 24 hours). */
const lead = (locale: Locale) => formatLead(24 * 60, locale);

/**
 * A person confirmed in a full workshop's line, whose other registration (same address) holds a
 * seat there, unconfirmed; its hold lapsed a minute ago. `alsoFree`: that registration holds a
 * seat in a second workshop too, with room to spare.
 */
async function lapsedBesideOwnPlace(
  locale: Locale = 'sk',
  { alsoFree = false, workshop = {} as Record<string, unknown> } = {},
) {
  const {
    slug,
    workshop: full,
    holders,
  } = await fullWorkshop(worker, 1, {
    title: FULL,
    ...workshop,
  });
  const email = uniqueEmail('both');
  const waiting = await register(worker, slug, [full.id], {
    email,
    locale,
    waitlistWorkshopIds: [full.id],
  });
  // The seat frees while the place is unconfirmed: nobody moves in; the same address takes it.
  await cancelAllByLink(worker, holders[0]!);
  const roomy = alsoFree
    ? await createWorkshop(worker, slug, { startsInHours: 96, capacity: 5, title: ROOMY })
    : null;
  const pending = await register(worker, slug, roomy ? [full.id, roomy.id] : [full.id], {
    email,
    locale,
  });
  await confirmByLink(worker, waiting);
  await lapse(worker, pending, Date.now() - MINUTE);
  return { slug, full, roomy, waiting, pending };
}

/**
 * The confirm link's page (GET) and the page after confirming (POST, as the button would, or a
 * form opened earlier).
 */
async function linkAndConfirm(registrationId: string) {
  const token = await confirmTokenOf(worker, registrationId);
  const link = await worker.fetch(`/api/v1/registrations/confirm?token=${token}`);
  const opened = await link.text();
  assert.equal(link.status, 200, opened);
  const res = await postConfirmation(worker, token);
  const done = await res.text();
  assert.equal(res.status, 200, done);
  await settle(worker);
  return { opened, done };
}

/** Page text with the markup and its no-break spaces out of the way. */
const text = (page: string) => page.replace(/<[^>]+>/g, ' ').replace(/\u00a0/g, ' ');
const has = (page: string, phrase: string) =>
  text(page)
    .replace(/\s+/g, ' ')
    .includes(phrase.replace(/\u00a0/g, ' '));

/** What the lapsed registration's confirmation sent: nothing of its own. */
async function confirmedMails(registrationId: string) {
  return outbox(worker, { registrationId, kind: 'confirmed' });
}

before(async () => {
  worker = await shared.fresh();
});

describe('a late confirmation whose address has the seat through its own place in line', () => {
  for (const locale of ['sk', 'en'] as const) {
    test(`after the cron moved them in: "you already have a seat", no mail (${locale})`, async () => {
      const { full, waiting, pending } = await lapsedBesideOwnPlace(locale);
      await runCron(worker, Date.now());
      assert.equal(await seatStatus(worker, waiting, full.id), 'held', 'moved in from the line');

      const { opened, done } = await linkAndConfirm(pending);
      const t = T[locale];
      // Opening the link says it at once: nothing is left to confirm, so there is no button.
      for (const page of [opened, done]) {
        assert.ok(has(page, t.alreadySeatedTitle.one), page);
        assert.ok(has(page, t.seatedText.confirmed.one(lead(locale))), page);
        assert.ok(has(page, FULL[locale]), 'names the workshop');
        for (const untrue of [t.lapsedFullTitle.one, t.noSeatLeft, t.registerAgain]) {
          assert.ok(!has(page, untrue), `does not say "${untrue}"`);
        }
        // Nothing in a URL but the token the link already carried.
        assert.ok(!/href="[^"]*@/.test(page), page);
      }
      assert.ok(!opened.includes('<form'), 'no confirm button');

      assert.equal(await registrationStatus(worker, pending), 'expired', 'nothing confirmed');
      await runCron(worker, Date.now());
      assert.deepEqual(await confirmedMails(pending), [], 'no confirmation mail');
      assert.equal(await seatStatus(worker, waiting, full.id), 'held');
      assert.equal(await liveSeats(worker, full.id, Date.now()), 1);
    });
  }

  test('before the cron: the link says the seat is theirs; confirming moves them in, told once', async () => {
    const { full, waiting, pending } = await lapsedBesideOwnPlace();
    const { opened, done } = await linkAndConfirm(pending);
    // The line owes them the seat their own lapsed hold still sits on (db/seats-elsewhere.ts).
    assert.equal(await seatStatus(worker, waiting, full.id), 'held', 'moved in by confirming');
    assert.ok(has(opened, T.sk.alreadySeatedTitle.one), opened);
    assert.ok(has(done, T.sk.alreadySeatedTitle.one), done);
    assert.equal(await seatStatus(worker, waiting, full.id), 'held');
    await runCron(worker, Date.now());
    assert.equal((await outbox(worker, { registrationId: waiting, kind: 'promoted' })).length, 1);
    assert.deepEqual(await confirmedMails(pending), []);
    assert.equal(await liveSeats(worker, full.id, Date.now()), 1);
  });

  test('an offer from the line: the pages say the seat is held for them, to accept', async () => {
    const { full, waiting, pending } = await lapsedBesideOwnPlace('en', {
      workshop: { waitlistMode: 'offer', offerMinutes: 120 },
    });
    await runCron(worker, Date.now());
    assert.equal(await seatStatus(worker, waiting, full.id), 'held');
    const { opened, done } = await linkAndConfirm(pending);
    for (const page of [opened, done]) assert.ok(has(page, T.en.seatedText.offered.one('')), page);
    assert.deepEqual(await confirmedMails(pending), []);
  });

  test('a newer, unconfirmed registration holds the seat: the page says to confirm that one', async () => {
    const slug = unique('again');
    await createSeries(worker, slug);
    const email = uniqueEmail('again');
    const roomy = await createWorkshop(worker, slug, { startsInHours: 80, capacity: 3 });
    const old = await register(worker, slug, [roomy.id], { email });
    await lapse(worker, old, Date.now() - MINUTE);
    const again = await register(worker, slug, [roomy.id], { email });
    assert.equal(await seatStatus(worker, again, roomy.id), 'held');

    const { done } = await linkAndConfirm(old);
    assert.ok(has(done, T.sk.seatedText.unconfirmed.one('')), done);
    assert.equal(await registrationStatus(worker, again), 'pending', 'left for its own link');
    assert.deepEqual(await confirmedMails(old), []);
  });

  test('with a free seat elsewhere too: that one is confirmed, the page lists both, the mail one', async () => {
    const { full, roomy, pending } = await lapsedBesideOwnPlace('sk', { alsoFree: true });
    await runCron(worker, Date.now());
    const { opened, done } = await linkAndConfirm(pending);
    // Something is left to confirm: the form, the seat had elsewhere noted instead of "no seat left".
    assert.ok(opened.includes('<form'), opened);
    assert.ok(has(opened, T.sk.seatedNote.confirmed), opened);
    assert.ok(!has(opened, T.sk.noSeatLeft), opened);
    assert.ok(has(done, T.sk.confirmedTitle), done);
    assert.ok(has(done, T.sk.seatedText.confirmed.one(lead('sk'))), done);
    assert.equal(await registrationStatus(worker, pending), 'confirmed');
    assert.equal(await seatStatus(worker, pending, roomy!.id), 'held');
    assert.equal(await seatStatus(worker, pending, full.id), 'released');
    await runCron(worker, Date.now());
    const [mail] = await confirmedMails(pending);
    const body = (await received(worker, mail!)).text;
    assert.ok(body.includes(ROOMY.sk), body);
    assert.ok(!body.includes(FULL.sk), 'the mail lists only what this confirmed');
  });
});

describe('raced', () => {
  test('against the cron expiring the hold mid-confirmation: "you already have a seat"', async () => {
    const { full, waiting, pending } = await lapsedBesideOwnPlace();
    const token = await confirmTokenOf(worker, pending);
    // The confirmation is about to expire its own lapsed hold when the cron does it first.
    const db = pausedBefore(worker.db, hasSql(`SET status = 'expired'`), () =>
      runCron(worker, Date.now()),
    );
    const result = await confirmByToken(db as never, token, Date.now());
    assert.ok(db.paused(), 'the cron came in between');
    assert.equal(result?.outcome, 'already_seated');
    assert.deepEqual(
      result.seatedElsewhere.map((s) => [s.workshop.id, s.how]),
      [[full.id, 'confirmed']],
    );
    assert.equal(result.outboxIds.length, 0);
    assert.equal(await seatStatus(worker, waiting, full.id), 'held');
    assert.equal(await liveSeats(worker, full.id, Date.now()), 1);
  });

  test('the other registration cancelled first: the seat is free, and confirming takes it', async () => {
    const { full, waiting, pending } = await lapsedBesideOwnPlace();
    await runCron(worker, Date.now());
    await cancelAllByLink(worker, waiting, 'promoted');
    const { done } = await linkAndConfirm(pending);
    assert.ok(has(done, T.sk.confirmedTitle), done);
    assert.ok(!has(done, T.sk.alreadySeatedTitle.one), 'no longer says it is had elsewhere');
    assert.equal(await seatStatus(worker, pending, full.id), 'held');
    await runCron(worker, Date.now());
    assert.equal((await confirmedMails(pending)).length, 1);
    assert.equal(await liveSeats(worker, full.id, Date.now()), 1);
  });

  test('the other registration cancelled between the read and the write: it looks again, takes both', async () => {
    const { full, roomy, waiting, pending } = await lapsedBesideOwnPlace('sk', { alsoFree: true });
    await runCron(worker, Date.now());
    const token = await confirmTokenOf(worker, pending);
    const db = pausedBefore(worker.db, hasSql(`SET status = 'confirmed'`), () =>
      cancelAllByLink(worker, waiting, 'promoted'),
    );
    const result = await confirmByToken(db as never, token, Date.now());
    assert.ok(db.paused(), 'the cancellation came in between');
    assert.equal(result?.outcome, 'confirmed');
    assert.deepEqual(result.seatedElsewhere, [], 'says nothing of a seat that went meanwhile');
    assert.deepEqual(result.workshops.map((w) => w.id).sort(), [full.id, roomy!.id].sort());
    assert.equal(await seatStatus(worker, pending, full.id), 'held');
    assert.equal(await liveSeats(worker, full.id, Date.now()), 1);
    await runCron(worker, Date.now());
    const [mail] = await confirmedMails(pending);
    const body = (await received(worker, mail!)).text;
    assert.ok(body.includes(FULL.sk) && body.includes(ROOMY.sk), body);
  });
});
