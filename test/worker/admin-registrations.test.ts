import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  AdminRegistrationResponse,
  AdminRegistrationsResponse,
  CancelRegistrationResponse,
  ResendResponse,
} from '../../worker/contract';
import { dropUnlessStillTrue } from '../../worker/src/db/outbox-guards';
import { adminGet, adminSend } from '../support/admin';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  adminSeriesPath,
  adminWorkshopPath,
  confirmLink,
  confirmThroughPage,
  createSeries,
  createWorkshop,
  expectError,
  expectFieldErrors,
  fromNow,
  HOUR,
  heldSeats,
  outbox,
  register,
  registerConfirmed,
  registrationStatus,
  seriesWithTwoWorkshops,
  settle,
  unique,
  uniqueEmail,
} from '../support/fixtures';

let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

const registrationPath = (id: string, action = '') =>
  `/api/v1/admin/registrations/${id}${action ? `/${action}` : ''}`;

const list = async (slug: string, query = '') =>
  (
    await adminGet<AdminRegistrationsResponse>(
      worker,
      `${adminSeriesPath(slug)}/registrations${query}`,
    )
  ).registrations;

/** Searches by words: in the body, since names and addresses stay out of URLs. */
const search = async (slug: string, filter: Record<string, string>) => {
  const res = await adminSend(
    worker,
    'POST',
    `${adminSeriesPath(slug)}/registrations/search`,
    filter,
  );
  assert.equal(res.status, 200);
  return ((await res.json()) as AdminRegistrationsResponse).registrations;
};

/** Resends within one minute are one message: keep a pair of calls inside the same minute. */
async function awayFromMinuteBoundary() {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 55_000) await new Promise((r) => setTimeout(r, 60_500 - intoMinute));
}

const HOSTILE = {
  givenName: '<script>alert(1)</script>',
  familyName: '=HYPERLINK("https://evil.example","klik")',
  organization: '<img src=x onerror=alert(1)>',
  role: '@SUM(1+1)',
};

describe('listing and searching registrations', () => {
  let slug: string;
  let ids: Record<'jana' | 'peter' | 'hostile', string>;
  let second: string;
  before(async () => {
    const s = await seriesWithTwoWorkshops(worker);
    slug = s.slug;
    second = s.second.id;
    ids = {
      jana: await registerConfirmed(worker, slug, [s.first.id], {
        email: uniqueEmail('jana'),
        givenName: 'Jana',
        familyName: 'Nováková',
        organization: 'Mesto Trnava',
      }),
      peter: await register(worker, slug, [s.first.id, s.second.id], {
        email: uniqueEmail('peter'),
        givenName: 'Peter',
        familyName: 'Kováč',
        organizationType: 'university',
        organization: 'Slovenská technická univerzita',
      }),
      hostile: await register(worker, slug, [s.second.id], {
        email: uniqueEmail('hostile'),
        ...HOSTILE,
      }),
    };
  });

  test('finds people by any word of name, e-mail, organization or role, diacritics ignored', async () => {
    const found = async (q: string) => (await search(slug, { q })).map((r) => r.id);
    assert.deepEqual(await found('novakova'), [ids.jana]);
    assert.deepEqual(await found('TRNAVA  jana'), [ids.jana]);
    assert.deepEqual(await found('Kováč technická'), [ids.peter]);
    assert.deepEqual(await found('jana peter'), []);
    assert.deepEqual(await found('  '), [ids.jana, ids.peter, ids.hostile]);
  });

  test('filters by workshop and by status', async () => {
    assert.deepEqual(
      (await list(slug, `?workshop=${second}`)).map((r) => r.id),
      [ids.peter, ids.hostile],
    );
    assert.deepEqual(
      (await list(slug, '?status=confirmed')).map((r) => r.id),
      [ids.jana],
    );
    assert.deepEqual(
      (await search(slug, { status: 'pending', workshop: second, q: 'kovac' })).map((r) => r.id),
      [ids.peter],
    );
    assert.deepEqual(
      (await search(slug, { status: 'confirmed' })).map((r) => r.id),
      (await list(slug, '?status=confirmed')).map((r) => r.id),
      'the search and the list agree without words',
    );
  });

  test('refuses a malformed filter with 422', async () => {
    await expectFieldErrors(
      await adminSend(worker, 'GET', `${adminSeriesPath(slug)}/registrations?status=gone`),
      { status: 'invalid_choice' },
    );
    await expectFieldErrors(
      await adminSend(worker, 'POST', `${adminSeriesPath(slug)}/registrations/search`, {
        q: 'x'.repeat(201),
      }),
      { q: 'too_long' },
    );
    await expectFieldErrors(
      await adminSend(worker, 'POST', `${adminSeriesPath(slug)}/registrations/search`, {
        status: 'gone',
      }),
      { status: 'invalid_choice' },
    );
  });

  test('refuses search words in a URL: names and addresses stay out of logs', async () => {
    await expectFieldErrors(
      await adminSend(worker, 'GET', `${adminSeriesPath(slug)}/registrations?q=novakova`),
      { q: 'not_in_url' },
    );
  });

  test('names and organizations with markup or formulas come back as plain data', async () => {
    const res = await adminSend(worker, 'GET', `${adminSeriesPath(slug)}/registrations`);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const { registrations } = (await res.json()) as AdminRegistrationsResponse;
    const hostile = registrations.find((r) => r.id === ids.hostile)!;
    assert.deepEqual(
      {
        givenName: hostile.givenName,
        familyName: hostile.familyName,
        organization: hostile.organization,
        role: hostile.role,
      },
      HOSTILE,
    );
    const one = await adminGet<AdminRegistrationResponse>(worker, registrationPath(ids.hostile));
    assert.equal(one.registration.givenName, HOSTILE.givenName);
  });

  test('one registration comes with its seats and every message sent to it', async () => {
    const { registration, messages } = await adminGet<AdminRegistrationResponse>(
      worker,
      registrationPath(ids.peter),
    );
    assert.equal(registration.status, 'pending');
    assert.equal(registration.seats.length, 2);
    assert.deepEqual(
      messages.map((m) => [m.kind, m.registrationId]),
      [['confirm_request', ids.peter]],
    );
    await expectError(
      await adminSend(worker, 'GET', registrationPath('no-such-registration')),
      404,
      'registration_not_found',
    );
  });
});

describe('resending the confirmation', () => {
  test('a pending person gets a fresh link that confirms; a second click within a minute is refused', async () => {
    const { slug, first } = await seriesWithTwoWorkshops(worker);
    const id = await register(worker, slug, [first.id], { email: uniqueEmail() });
    await awayFromMinuteBoundary();
    const res = await adminSend(worker, 'POST', registrationPath(id, 'resend-confirmation'));
    assert.equal(res.status, 202);
    const { messageId } = (await res.json()) as ResendResponse;
    await expectError(
      await adminSend(worker, 'POST', registrationPath(id, 'resend-confirmation')),
      429,
      'recently_sent',
    );
    await settle(worker);
    const requests = await outbox(worker, { registrationId: id, kind: 'confirm_request' });
    assert.equal(requests.length, 2);
    assert.equal(requests[1]!.id, messageId);
    assert.notEqual(confirmLink(requests[1]!), confirmLink(requests[0]!), 'a new link');
    assert.equal((await confirmThroughPage(worker, confirmLink(requests[1]!))).status, 200);
    assert.equal(await registrationStatus(worker, id), 'confirmed');
  });

  test('a confirmed person gets the confirmation again, with the calendar files', async () => {
    const { slug, first, second } = await seriesWithTwoWorkshops(worker);
    const id = await registerConfirmed(worker, slug, [first.id, second.id], {
      email: uniqueEmail(),
    });
    assert.equal(
      (await adminSend(worker, 'POST', registrationPath(id, 'resend-confirmation'))).status,
      202,
    );
    await settle(worker);
    const confirmations = await outbox(worker, { registrationId: id, kind: 'confirmed' });
    assert.equal(confirmations.length, 2);
    assert.equal(confirmations[1]!.attachments.length, 2);
  });

  test('a cancelled registration has nothing to confirm: 409 and no mail', async () => {
    const { slug, first } = await seriesWithTwoWorkshops(worker);
    const id = await registerConfirmed(worker, slug, [first.id], { email: uniqueEmail() });
    assert.equal((await adminSend(worker, 'POST', registrationPath(id, 'cancel'), {})).status, 200);
    const before = (await outbox(worker, { registrationId: id })).length;
    await expectError(
      await adminSend(worker, 'POST', registrationPath(id, 'resend-confirmation')),
      409,
      'not_resendable',
    );
    assert.equal((await outbox(worker, { registrationId: id })).length, before);
  });
});

describe('resending the join link', () => {
  test('is refused before the reminder window opens, saying when it does', async () => {
    const { slug, first } = await seriesWithTwoWorkshops(worker);
    const id = await registerConfirmed(worker, slug, [first.id], { email: uniqueEmail() });
    const res = await adminSend(worker, 'POST', registrationPath(id, 'resend-join-link'), {
      workshopId: first.id,
    });
    const body = await expectError(res, 409, 'join_link_not_yet');
    const opensAt = new Date(Date.parse(first.startsAt) - 24 * HOUR).toISOString();
    assert.ok(body.error.message.includes(opensAt), body.error.message);
    assert.equal((await outbox(worker, { registrationId: id, kind: 'reminder' })).length, 0);
  });

  test('sends the join link again once the window is open, until the workshop ends', async () => {
    const slug = unique('soon');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 10 });
    const id = await registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail() });
    await settle(worker);
    // Confirmed within the window: the cron's reminder went out at once.
    assert.equal((await outbox(worker, { registrationId: id, kind: 'reminder' })).length, 1);

    await awayFromMinuteBoundary();
    const path = registrationPath(id, 'resend-join-link');
    const res = await adminSend(worker, 'POST', path, { workshopId: workshop.id });
    assert.equal(res.status, 202);
    await expectError(
      await adminSend(worker, 'POST', path, { workshopId: workshop.id }),
      429,
      'recently_sent',
    );
    await settle(worker);
    const reminders = await outbox(worker, { registrationId: id, kind: 'reminder' });
    assert.equal(reminders.length, 2);
    assert.ok(reminders[1]!.text.includes(workshop.joinUrl), 'the join link is in it');
    assert.equal(reminders[1]!.status, 'sent');

    // Once it is over, there is nothing to join.
    const moved = await adminSend(worker, 'PATCH', adminWorkshopPath(workshop.id), {
      startsAt: fromNow(-3 * HOUR),
      endsAt: fromNow(-1 * HOUR),
    });
    assert.equal(moved.status, 200);
    await expectError(
      await adminSend(worker, 'POST', path, { workshopId: workshop.id }),
      409,
      'join_link_closed',
    );
  });

  test('needs a confirmed seat in a workshop of the series', async () => {
    const slug = unique('soon');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 10 });
    const other = await createWorkshop(worker, slug, { startsInHours: 12 });
    const pending = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
    const path = registrationPath(pending, 'resend-join-link');
    await expectError(
      await adminSend(worker, 'POST', path, { workshopId: workshop.id }),
      409,
      'no_seat',
    );
    await expectError(
      await adminSend(worker, 'POST', path, { workshopId: other.id }),
      409,
      'no_seat',
    );
    await expectError(
      await adminSend(worker, 'POST', path, { workshopId: 'no-such-workshop' }),
      404,
      'workshop_not_found',
    );
    await expectFieldErrors(await adminSend(worker, 'POST', path, {}), { workshopId: 'required' });
  });
});

describe('cancelling on a person’s behalf', () => {
  test('frees the chosen seats, tells the person, and refuses what is not held', async () => {
    const { slug, first, second } = await seriesWithTwoWorkshops(worker);
    const email = uniqueEmail();
    const id = await registerConfirmed(worker, slug, [first.id, second.id], { email });
    const path = registrationPath(id, 'cancel');

    const res = await adminSend(worker, 'POST', path, { workshopIds: [first.id] });
    assert.equal(res.status, 200);
    const body = (await res.json()) as CancelRegistrationResponse;
    assert.deepEqual(body.cancelledWorkshopIds, [first.id]);
    assert.deepEqual(body.registration.workshopIds, [second.id]);
    assert.equal(body.registration.status, 'confirmed');
    assert.equal(await heldSeats(worker.db, first.id), 0);
    await settle(worker);
    const told = await outbox(worker, { registrationId: id, kind: 'cancelled', to: email });
    assert.equal(told.length, 1);
    assert.ok(told[0]!.text.includes('Prvý workshop'));

    await expectError(
      await adminSend(worker, 'POST', path, { workshopIds: [first.id] }),
      409,
      'nothing_to_cancel',
    );
    const rest = (await (
      await adminSend(worker, 'POST', path, {})
    ).json()) as CancelRegistrationResponse;
    assert.deepEqual(rest.cancelledWorkshopIds, [second.id]);
    assert.equal(rest.registration.status, 'cancelled');
    await expectError(
      await adminSend(worker, 'POST', registrationPath('no-such-one', 'cancel'), {}),
      404,
      'registration_not_found',
    );
  });
});

describe('a resend that a concurrent change made untrue', () => {
  test('is dropped when the batch commits, not sent', async () => {
    const { slug, first } = await seriesWithTwoWorkshops(worker);
    const id = await registerConfirmed(worker, slug, [first.id], { email: uniqueEmail() });
    const [message] = await outbox(worker, { registrationId: id, kind: 'confirmed' });
    const db = worker.db as unknown as D1Database;
    // What the resend of a "confirm your registration" checks, on a registration confirmed since.
    await dropUnlessStillTrue(db, message!.id, {
      registrationId: id,
      status: 'pending',
      heldWorkshopIds: [first.id],
    }).run();
    assert.equal((await outbox(worker, { registrationId: id, kind: 'confirmed' })).length, 0);

    // And what a join-link resend checks, on a workshop whose link changed since.
    const id2 = await registerConfirmed(worker, slug, [first.id], { email: uniqueEmail() });
    const [kept] = await outbox(worker, { registrationId: id2, kind: 'confirmed' });
    const still = {
      registrationId: id2,
      status: 'confirmed' as const,
      heldWorkshopIds: [first.id],
    };
    const facts = { id: first.id, startsAt: Date.parse(first.startsAt), joinUrl: first.joinUrl };
    await dropUnlessStillTrue(db, kept!.id, { ...still, workshop: facts }).run();
    assert.equal(
      (await outbox(worker, { registrationId: id2 })).filter((m) => m.id === kept!.id).length,
      1,
      'true: kept',
    );
    await dropUnlessStillTrue(db, kept!.id, {
      ...still,
      workshop: { ...facts, joinUrl: 'https://meet.example.gov.sk/old' },
    }).run();
    assert.equal(
      (await outbox(worker, { registrationId: id2 })).filter((m) => m.id === kept!.id).length,
      0,
      'untrue: dropped',
    );
  });
});
