import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError } from '../../worker/src/http/errors';
import { BLIND_TRIES } from '../../worker/src/services/versions';
import { editWorkshop } from '../../worker/src/services/workshop-actions';
import { hasSql, pausedBefore } from '../support/interleave';
import { sharedWorker } from '../support/shared-worker';
import { asAdmin, json, type TestWorker } from '../support/worker';
import {
  adminSeriesPath,
  adminWorkshopPath,
  createSeries,
  createWorkshop,
  seriesBody,
  unique,
} from '../support/fixtures';

/**
 * A blind edit (an API script's PATCH without If-Match) is made on the version the worker reads,
 * and read and tried again when another change lands between that read and its write. Each try
 * can lose; after BLIND_TRIES lost races it gives up with 412 `edit_conflict` and has changed
 * nothing. Driven here deterministically: the worker's own edit service runs from Node against
 * its D1, and before each of its writes another organizer's edit lands through the worker.
 */
const shared = sharedWorker();

async function setup(worker: TestWorker) {
  const slug = unique('blind');
  await createSeries(worker, slug);
  return createWorkshop(worker, slug, { capacity: 20 });
}

const edit = (worker: TestWorker, id: string, body: unknown, ifMatch?: string) =>
  worker.fetch(
    adminWorkshopPath(id),
    asAdmin(json('PATCH', body, ifMatch === undefined ? {} : { 'if-match': ifMatch })),
  );

const row = (worker: TestWorker, id: string) =>
  worker.db
    .prepare('SELECT * FROM workshops WHERE id = ?')
    .bind(id)
    .first<Record<string, unknown>>();

/** The `workshop.update` entries of a workshop, oldest first: who, and which fields. */
const updates = async (worker: TestWorker, id: string) =>
  (
    await worker.db
      .prepare(
        `SELECT actor, detail FROM audit_log
         WHERE action = 'workshop.update' AND target_id = ? ORDER BY id`,
      )
      .bind(id)
      .all<{ actor: string; detail: string }>()
  ).results.map((r) => [r.actor, (JSON.parse(r.detail) as { fields: string[] }).fields]);

const isConflict = (error: unknown) => error instanceof ApiError && error.code === 'edit_conflict';

/**
 * The service as the PATCH route runs it for a script (no If-Match), each of its first `losses`
 * writes preceded by another organizer's capacity edit through the worker (21, 22, …).
 */
function blindEditLosing(worker: TestWorker, id: string, patch: object, losses: number) {
  let landed = 0;
  const db = pausedBefore(
    worker.db,
    hasSql('UPDATE workshops SET title_sk'),
    async () => {
      const other = await edit(worker, id, { capacity: 20 + ++landed });
      assert.equal(other.status, 200, await other.text());
    },
    losses,
  );
  return { db, edit: editWorkshop(db as never, id, patch as never, undefined, 'script') };
}

describe('a blind edit against concurrent edits', () => {
  test(`losing all ${BLIND_TRIES} races: it gives up with 412 and nothing of it is stored`, async (t) => {
    const worker = await shared.fresh(t);
    const workshop = await setup(worker);
    const title = { sk: 'Názov zo skriptu', en: '' };
    const { db, edit: blind } = blindEditLosing(worker, workshop.id, { title }, 10);
    await assert.rejects(blind, isConflict);
    assert.equal(db.pauses(), BLIND_TRIES, 'read and tried again after each lost race, no more');
    const stored = (await row(worker, workshop.id))!;
    assert.equal(stored.title_sk, workshop.title.sk, 'the blind title was never written');
    assert.equal(stored.capacity, 20 + BLIND_TRIES, 'every concurrent edit stands');
    assert.deepEqual(
      await updates(worker, workshop.id),
      Array.from({ length: BLIND_TRIES }, () => ['admin token', ['capacity']]),
      'only the edits that won are recorded',
    );
  });

  test('losing all but the last: it lands on the version it read last, with only its own field', async (t) => {
    const worker = await shared.fresh(t);
    const workshop = await setup(worker);
    const title = { sk: 'Názov zo skriptu', en: '' };
    const { db, edit: blind } = blindEditLosing(worker, workshop.id, { title }, BLIND_TRIES - 1);
    await blind;
    assert.equal(db.pauses(), BLIND_TRIES - 1);
    const stored = (await row(worker, workshop.id))!;
    assert.equal(stored.title_sk, title.sk);
    assert.equal(stored.capacity, 20 + BLIND_TRIES - 1, 'the concurrent capacity is kept');
    const entries = await updates(worker, workshop.id);
    assert.deepEqual(entries.at(-1), ['script', ['title']]);
    assert.equal(entries.length, BLIND_TRIES);
  });

  test('with If-Match one lost race is the conflict: 412 at once, no second try', async (t) => {
    const worker = await shared.fresh(t);
    const workshop = await setup(worker);
    const db = pausedBefore(
      worker.db,
      hasSql('UPDATE workshops SET title_sk'),
      async () => {
        assert.equal((await edit(worker, workshop.id, { capacity: 30 })).status, 200);
      },
      10,
    );
    await assert.rejects(
      editWorkshop(db as never, workshop.id, { capacity: 5 }, workshop.version, 'tab'),
      isConflict,
    );
    assert.equal(db.pauses(), 1);
    assert.equal((await row(worker, workshop.id))!.capacity, 30);
  });

  test('eight blind writers of different fields at once: each lands whole or not at all, and is recorded exactly then', async (t) => {
    const worker = await shared.fresh(t);
    const workshop = await setup(worker);
    const closes = new Date(Date.parse(workshop.startsAt) - 3_600_000).toISOString();
    // Each writer changes one column; what the stored row must then hold in it.
    const writers: [string, object, string, unknown][] = [
      ['capacity', { capacity: 31 }, 'capacity', 31],
      ['title', { title: { sk: 'Súbežný názov', en: '' } }, 'title_sk', 'Súbežný názov'],
      [
        'description',
        { description: { sk: 'Súbežný popis', en: '' } },
        'description_sk',
        'Súbežný popis',
      ],
      [
        'joinUrl',
        { joinUrl: 'https://meet.example.org/subezny' },
        'join_url',
        'https://meet.example.org/subezny',
      ],
      [
        'registrationClosesAt',
        { registrationClosesAt: closes },
        'registration_closes_at',
        Date.parse(closes),
      ],
      ['waitlist', { waitlist: false }, 'waitlist_enabled', 0],
      ['waitlistMode', { waitlistMode: 'offer' }, 'waitlist_mode', 'offer'],
      ['offerMinutes', { offerMinutes: 90 }, 'offer_minutes', 90],
    ];
    const before = (await row(worker, workshop.id))!;
    const answers = await Promise.all(writers.map(([, body]) => edit(worker, workshop.id, body)));
    const stored = (await row(worker, workshop.id))!;
    const won: string[] = [];
    for (const [i, [field, , column, value]] of writers.entries()) {
      const res = answers[i]!;
      const text = await res.text();
      if (res.status === 200) {
        won.push(field);
        assert.equal(stored[column], value, `${field}: won, so stored`);
      } else {
        assert.equal(res.status, 412, `${field}: ${text}`);
        assert.match(text, /edit_conflict/);
        assert.equal(stored[column], before[column], `${field}: gave up, so untouched`);
      }
    }
    assert.ok(won.length > 0, 'at least one writer landed');
    const recorded = (await updates(worker, workshop.id)).map(([, fields]) => fields);
    assert.deepEqual(
      recorded.map((fields) => (fields as string[]).join()).sort(),
      won.sort(),
      'one entry per writer that landed, naming only its own field',
    );
  });
});

describe('a precondition the request itself fails', () => {
  test('If-Match: * on a series that does not exist: 412 at once, not tried again as a race', async (t) => {
    const worker = await shared.fresh(t);
    const slug = unique('no-such');
    const res = await worker.fetch(
      adminSeriesPath(slug),
      asAdmin(json('PUT', seriesBody(), { 'if-match': '*' })),
    );
    assert.equal(res.status, 412);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(error.code, 'edit_conflict');
    // Not the answer of a blind save that lost BLIND_TRIES races: none landed.
    assert.doesNotMatch(error.message, /times/);
    const stored = await worker.db
      .prepare('SELECT COUNT(*) AS n FROM series WHERE slug = ?')
      .bind(slug)
      .first<{ n: number }>();
    assert.equal(stored!.n, 0, 'nothing created');
  });
});
