import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AdminRegistrationResponse } from '../../worker/contract';
import { bratislavaWallClock } from '../../demo/bratislava-time';
import { adminGet, adminSend } from '../support/admin';
import { parseCsv } from '../support/csv';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  adminSeriesPath,
  adminWorkshopPath,
  createSeries,
  createWorkshop,
  expectError,
  expectFieldErrors,
  register,
  registerConfirmed,
  unique,
  uniqueEmail,
  type AdminWorkshop,
} from '../support/fixtures';

/**
 * The list for the day, as an organizer opens it in Slovak Excel: every registrant of a workshop
 * (or a series), Slovak labels, Bratislava times, and nothing a spreadsheet would run.
 */
let worker: TestWorker;
let slug: string;
let first: AdminWorkshop;
let second: AdminWorkshop;
let registeredAt: Record<string, string>;

const HOSTILE = {
  givenName: '<script>alert(1)</script>',
  familyName: '=HYPERLINK("https://evil.example";"klik")',
  organization: '+421 900 000 000',
  role: '@SUM(1+1)',
};

before(async () => {
  worker = await startTestWorker();
  slug = unique('export');
  await createSeries(worker, slug);
  first = await createWorkshop(worker, slug, {
    startsInHours: 5 * 24,
    title: { sk: 'Inteligentná samospráva: definícia', en: 'Smart government' },
  });
  second = await createWorkshop(worker, slug, { startsInHours: 6 * 24 });
  const ids = {
    zuzana: await registerConfirmed(worker, slug, [first.id, second.id], {
      email: uniqueEmail('zuzana'),
      givenName: 'Zuzana',
      familyName: 'Žiaková',
      organization: 'Mesto Šaľa',
      role: 'Vedúca oddelenia',
    }),
    hostile: await register(worker, slug, [first.id], {
      email: uniqueEmail('hostile'),
      ...HOSTILE,
    }),
    adam: await registerConfirmed(worker, slug, [first.id], {
      email: uniqueEmail('adam'),
      givenName: 'Adam',
      familyName: 'Ábelovský',
      organizationType: 'expert',
      organization: '',
      role: '',
    }),
  };
  const cancelled = await adminSend(
    worker,
    'POST',
    `/api/v1/admin/registrations/${ids.adam}/cancel`,
    {},
  );
  assert.equal(cancelled.status, 200);
  registeredAt = {};
  for (const [name, id] of Object.entries(ids)) {
    const { registration } = await adminGet<AdminRegistrationResponse>(
      worker,
      `/api/v1/admin/registrations/${id}`,
    );
    registeredAt[name] = bratislavaWallClock(Date.parse(registration.createdAt));
  }
});
after(() => worker.dispose());

/** The file's text, byte order mark included (TextDecoder drops it unless told not to). */
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

async function download(path: string) {
  const res = await adminSend(worker, 'GET', path);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, rows: () => parseCsv(decode(bytes)) };
}

describe('a workshop’s list', () => {
  test('is a CSV for Slovak Excel: BOM, UTF-8, ; and CRLF, never cached', async () => {
    const { res, bytes } = await download(`${adminWorkshopPath(first.id)}/registrations.csv`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = decode(bytes);
    assert.ok(text.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(text), 'every line break in the file is CRLF');
  });

  test('is named after the series, the day and the workshop', async () => {
    const { res } = await download(`${adminWorkshopPath(first.id)}/registrations.csv`);
    const day = bratislavaWallClock(Date.parse(first.startsAt)).slice(0, 10);
    assert.equal(
      res.headers.get('content-disposition'),
      `attachment; filename="${slug}_${day}_Inteligentna-samosprava-definicia.csv"; ` +
        `filename*=UTF-8''${slug}_${day}_Inteligentn%C3%A1%20samospr%C3%A1va%20defin%C3%ADcia.csv`,
    );
  });

  test('lists everyone with a seat: confirmed first, Slovak labels, Bratislava times, formulas neutralized', async () => {
    const rows = (await download(`${adminWorkshopPath(first.id)}/registrations.csv`)).rows();
    const title = 'Inteligentná samospráva: definícia';
    const startsAt = bratislavaWallClock(Date.parse(first.startsAt));
    assert.deepEqual(rows, [
      [
        'Workshop',
        'Začiatok workshopu',
        'Meno',
        'Priezvisko',
        'Typ organizácie',
        'Organizácia',
        'Funkcia',
        'E-mail',
        'Stav',
        'Registrácia (čas v Bratislave)',
      ],
      [
        title,
        startsAt,
        'Zuzana',
        'Žiaková',
        'Obec / mesto / mestská časť',
        'Mesto Šaľa',
        'Vedúca oddelenia',
        rows[1]![7]!,
        'potvrdená',
        registeredAt.zuzana!,
      ],
      [
        title,
        startsAt,
        HOSTILE.givenName,
        `'${HOSTILE.familyName}`,
        'Obec / mesto / mestská časť',
        `'${HOSTILE.organization}`,
        `'${HOSTILE.role}`,
        rows[2]![7]!,
        'čaká na potvrdenie',
        registeredAt.hostile!,
      ],
      [
        title,
        startsAt,
        'Adam',
        'Ábelovský',
        'Odborná verejnosť',
        '',
        '',
        rows[3]![7]!,
        'zrušená',
        registeredAt.adam!,
      ],
    ]);
    assert.match(rows[1]![7]!, /^zuzana-.*@example\.org$/);
  });

  test('speaks English when asked', async () => {
    const rows = (
      await download(`${adminWorkshopPath(first.id)}/registrations.csv?lang=en`)
    ).rows();
    assert.deepEqual(rows[0]!.slice(2, 5), ['First name', 'Last name', 'Organization type']);
    assert.deepEqual(
      rows.slice(1).map((r) => [r[0], r[4], r[8]]),
      [
        ['Smart government', 'Municipality, town or city district', 'confirmed'],
        ['Smart government', 'Municipality, town or city district', 'waiting for confirmation'],
        ['Smart government', 'Expert public', 'cancelled'],
      ],
    );
  });
});

describe('a series’ list', () => {
  test('has a row per seat, workshop by workshop, named after the series and the day', async () => {
    const { res, rows } = await download(`${adminSeriesPath(slug)}/registrations.csv`);
    assert.match(
      res.headers.get('content-disposition') ?? '',
      new RegExp(`^attachment; filename="${slug}_\\d{4}-\\d{2}-\\d{2}\\.csv"`),
    );
    assert.deepEqual(
      rows()
        .slice(1)
        .map((r) => [r[0], r[3]]),
      [
        ['Inteligentná samospráva: definícia', 'Žiaková'],
        ['Inteligentná samospráva: definícia', `'${HOSTILE.familyName}`],
        ['Inteligentná samospráva: definícia', 'Ábelovský'],
        [second.title.sk, 'Žiaková'],
      ],
    );
  });

  test('refuses an unknown language, series or workshop', async () => {
    await expectFieldErrors(
      await adminSend(worker, 'GET', `${adminSeriesPath(slug)}/registrations.csv?lang=de`),
      { lang: 'invalid_choice' },
    );
    await expectError(
      await adminSend(worker, 'GET', `${adminSeriesPath('no-such')}/registrations.csv`),
      404,
      'series_not_found',
    );
    await expectError(
      await adminSend(worker, 'GET', `${adminWorkshopPath('no-such')}/registrations.csv`),
      404,
      'workshop_not_found',
    );
  });
});
