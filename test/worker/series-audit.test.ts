import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError } from '../../worker/src/http/errors';
import { seriesInput } from '../../worker/src/schemas/series';
import { saveSeries } from '../../worker/src/services/series';
import { BLIND_TRIES } from '../../worker/src/services/versions';
import { hasSql, pausedBefore } from '../support/interleave';
import { sharedWorker } from '../support/shared-worker';
import { asAdmin, json, type TestWorker } from '../support/worker';
import { adminSeriesPath, createSeries, seriesBody, unique } from '../support/fixtures';

/**
 * A series save's audit entry names what it changed (`detail.fields`, as the API spells the
 * fields), as a workshop edit's does, and a save that changes nothing records nothing. The names
 * are computed from the series as read, so the save is made on that read's version — blind saves
 * too, which are read again and retried when another save lands first.
 */
const shared = sharedWorker();

const put = (
  worker: TestWorker,
  slug: string,
  body: unknown,
  headers: Record<string, string> = {},
) => worker.fetch(adminSeriesPath(slug), asAdmin(json('PUT', body, headers)));

/** The series' `series.update` entries, oldest first: who, and which fields. */
const updates = async (worker: TestWorker, slug: string) =>
  (
    await worker.db
      .prepare(
        `SELECT actor, detail FROM audit_log
         WHERE action = 'series.update' AND target_id = ? ORDER BY id`,
      )
      .bind(slug)
      .all<{ actor: string; detail: string }>()
  ).results.map((r) => [r.actor, (JSON.parse(r.detail) as { fields?: string[] }).fields]);

const fieldsRecorded = async (worker: TestWorker, slug: string) =>
  (await updates(worker, slug)).map(([, fields]) => fields);

const saved = async (res: Response) => {
  assert.ok(res.status === 200 || res.status === 201, `${res.status} ${await res.clone().text()}`);
};

const keys = {
  siteKey: '1x00000000000000000000AA',
  secretKey: '1x0000000000000000000000000000000AA',
};

describe('the audit entry of a series save', () => {
  test('names each field that changed, and only those', async (t) => {
    const worker = await shared.fresh(t);
    const slug = unique('series-fields');
    await createSeries(worker, slug);
    const base = seriesBody();
    await saved(
      await put(worker, slug, { ...base, title: { sk: 'Nový názov', en: '' }, retentionDays: 90 }),
    );
    await saved(await put(worker, slug, { ...base, title: { sk: 'Nový názov', en: '' } }));
    await saved(
      await put(worker, slug, {
        ...base,
        title: { sk: 'Nový názov', en: '' },
        organizer: { ...base.organizer, email: 'ina@mirri.gov.sk' },
        reminders: { leadMinutes: 1440, secondLeadMinutes: 60 },
      }),
    );
    await saved(
      await put(worker, slug, {
        ...base,
        title: { sk: 'Nový názov', en: '' },
        organizer: { ...base.organizer, email: 'ina@mirri.gov.sk' },
        turnstile: keys,
        allowedOrigins: ['https://www.obec.sk'],
      }),
    );
    assert.deepEqual(await fieldsRecorded(worker, slug), [
      ['title', 'retentionDays'],
      // The second save left the retention out (kept) and changed nothing else: no entry.
      ['organizer', 'reminders'],
      ['allowedOrigins', 'turnstile'],
    ]);
    // The secret is named, never recorded.
    const details = await worker.db
      .prepare(`SELECT detail FROM audit_log WHERE target_id = ?`)
      .bind(slug)
      .all<{ detail: string }>();
    assert.ok(!JSON.stringify(details.results).includes(keys.secretKey));
  });

  test('a save that changes nothing writes no entry, whatever it leaves out or repeats', async (t) => {
    const worker = await shared.fresh(t);
    const slug = unique('series-same');
    await createSeries(worker, slug, { retentionDays: 60, turnstile: keys });
    const body = seriesBody({ retentionDays: 60, turnstile: keys });
    await saved(await put(worker, slug, body));
    await saved(await put(worker, slug, seriesBody()));
    assert.deepEqual(await updates(worker, slug), []);
    // A description left out is stored empty: that is a change of a series that had one.
    await saved(await put(worker, slug, { ...seriesBody(), description: undefined }));
    assert.deepEqual(await fieldsRecorded(worker, slug), [['description']]);
  });
});

describe('a blind series save against concurrent saves', () => {
  const isConflict = (error: unknown) =>
    error instanceof ApiError && error.code === 'edit_conflict';

  /** The service as the route runs it for a script (no precondition), from here. */
  function blindSave(worker: TestWorker, slug: string, body: object, losses: number) {
    let landed = 0;
    const db = pausedBefore(
      worker.db,
      hasSql('INSERT INTO series'),
      async () => {
        const title = { sk: `Súbežný názov ${++landed}`, en: '' };
        await saved(await put(worker, slug, seriesBody({ title })));
      },
      losses,
    );
    const input = seriesInput.parse(body);
    return { db, save: saveSeries(db as never, slug, input, 'script', Date.now()) };
  }

  test('another save lands between its read and its write: read again, and it records what it really changed', async (t) => {
    const worker = await shared.fresh(t);
    const slug = unique('series-blind');
    await createSeries(worker, slug);
    // The script sends the whole series with a new retention; meanwhile an organizer renamed it.
    const { db, save } = blindSave(worker, slug, seriesBody({ retentionDays: 45 }), 1);
    await save;
    assert.equal(db.pauses(), 1);
    assert.deepEqual(await updates(worker, slug), [
      ['admin token', ['title']],
      // A PUT replaces: its title overwrote the organizer's, and the entry says so.
      ['script', ['title', 'retentionDays']],
    ]);
  });

  test(`losing all ${BLIND_TRIES} races: 412, nothing of it stored or recorded`, async (t) => {
    const worker = await shared.fresh(t);
    const slug = unique('series-blind-lost');
    await createSeries(worker, slug);
    const { db, save } = blindSave(worker, slug, seriesBody({ retentionDays: 45 }), 10);
    await assert.rejects(save, isConflict);
    assert.equal(db.pauses(), BLIND_TRIES);
    const row = await worker.db
      .prepare('SELECT title_sk, retention_days FROM series WHERE slug = ?')
      .bind(slug)
      .first<{ title_sk: string; retention_days: number }>();
    assert.deepEqual(row, { title_sk: `Súbežný názov ${BLIND_TRIES}`, retention_days: 30 });
    assert.equal((await updates(worker, slug)).filter(([actor]) => actor === 'script').length, 0);
  });

  test('with If-Match a lost race is a 412 at once; a blind create that loses to a create updates instead', async (t) => {
    const worker = await shared.fresh(t);
    const slug = unique('series-pinned');
    const { version } = (await createSeries(worker, slug)) as unknown as { version: string };
    const db = pausedBefore(worker.db, hasSql('INSERT INTO series'), async () => {
      await saved(await put(worker, slug, seriesBody({ retentionDays: 20 })));
    });
    const precondition = {
      holds: (v: number | null) => `"${v}"` === version,
      createOnly: false,
      pinned: true,
    };
    await assert.rejects(
      saveSeries(
        db as never,
        slug,
        seriesInput.parse(seriesBody({ retentionDays: 45 })),
        'tab',
        Date.now(),
        precondition,
      ),
      isConflict,
    );
    assert.equal(db.pauses(), 1);

    const fresh = unique('series-created-meanwhile');
    const creating = pausedBefore(worker.db, hasSql('INSERT INTO series'), async () => {
      await saved(await put(worker, fresh, seriesBody()));
    });
    const result = await saveSeries(
      creating as never,
      fresh,
      seriesInput.parse(seriesBody({ retentionDays: 45 })),
      'script',
      Date.now(),
    );
    assert.equal(result.created, false);
    assert.equal(result.series.retentionDays, 45);
    assert.deepEqual(await updates(worker, fresh), [['script', ['retentionDays']]]);
  });
});
