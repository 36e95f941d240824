import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { D1Database } from '@cloudflare/workers-types/experimental';
import { startTestWorker, type TestWorker } from '../support/worker';

/**
 * `worker.db` is the bridge (d1-bridge.ts): it must answer every call exactly as Miniflare's own
 * D1 proxy does, on the very database the worker under test uses.
 */
let worker: TestWorker;
let proxy: D1Database;

before(async () => {
  worker = await startTestWorker();
  proxy = (await worker.mf.getD1Database('DB')) as unknown as D1Database;
  await worker.db.exec('CREATE TABLE bridge_probe (id INTEGER PRIMARY KEY, name TEXT, b BLOB)');
});
after(() => worker.dispose());

/** A D1 result without what differs from one run to the next (timings, sizes). */
const stable = (result: unknown) => {
  const { meta, ...rest } = result as { meta?: Record<string, unknown> };
  if (!meta) return rest;
  const { changes, last_row_id, changed_db, rows_read, rows_written } = meta;
  return { ...rest, meta: { changes, last_row_id, changed_db, rows_read, rows_written } };
};

/** Runs the same call on both, and checks they answer (or fail) alike. */
async function same<T>(call: (db: D1Database) => Promise<T>): Promise<T> {
  const settled = async (db: D1Database) => {
    try {
      return { value: await call(db) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  const viaBridge = await settled(worker.db);
  const viaProxy = await settled(proxy);
  if ('error' in viaProxy) {
    assert.deepEqual(viaBridge, viaProxy);
    return undefined as T;
  }
  assert.ok('value' in viaBridge, `the bridge failed: ${JSON.stringify(viaBridge)}`);
  return viaBridge.value as T;
}

describe('the tests’ D1 bridge', () => {
  test('reads what the worker wrote, and the worker reads what it wrote: one database', async () => {
    const res = await worker.fetch('/api/v1/series/no-such-series');
    assert.equal(res.status, 404);
    const tables = await worker.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'registrations'")
      .first('name');
    assert.equal(tables, 'registrations', 'the migrations ran on the worker’s database');
    await worker.db
      .prepare('INSERT INTO bridge_probe (id, name) VALUES (?1, ?2)')
      .bind(1, 'a')
      .run();
    assert.deepEqual(await proxy.prepare('SELECT name FROM bridge_probe WHERE id = 1').first(), {
      name: 'a',
    });
  });

  test('answers first, first(column), all, raw and run as D1 does', async () => {
    await worker.db.prepare("INSERT INTO bridge_probe (id, name) VALUES (2, 'b'), (3, NULL)").run();
    const select = (db: D1Database) => db.prepare('SELECT id, name FROM bridge_probe ORDER BY id');
    assert.deepEqual(await same((db) => select(db).first()), { id: 1, name: 'a' });
    assert.equal(await same((db) => select(db).first('name')), 'a');
    assert.equal(
      await same((db) => db.prepare('SELECT id FROM bridge_probe WHERE id = ?').bind(99).first()),
      null,
    );
    const all = await same(async (db) => stable(await select(db).all()));
    assert.deepEqual((all as { results: unknown[] }).results, [
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
      { id: 3, name: null },
    ]);
    assert.deepEqual(await same((db) => select(db).raw()), [
      [1, 'a'],
      [2, 'b'],
      [3, null],
    ]);
    assert.deepEqual((await same((db) => select(db).raw({ columnNames: true })))[0], [
      'id',
      'name',
    ]);
    const update = await same(async (db) =>
      stable(await db.prepare("UPDATE bridge_probe SET name = name || '' WHERE id < 3").run()),
    );
    assert.equal((update as { meta: { changes: number } }).meta.changes, 2);
  });

  test('keeps bytes as bytes, both ways', async () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    await worker.db.prepare('INSERT INTO bridge_probe (id, b) VALUES (10, ?)').bind(bytes).run();
    const viaProxy = await proxy.prepare('SELECT b FROM bridge_probe WHERE id = 10').first('b');
    const viaBridge = await worker.db
      .prepare('SELECT b FROM bridge_probe WHERE id = 10')
      .first('b');
    assert.deepEqual(viaBridge, viaProxy);
    assert.deepEqual([...new Uint8Array(viaBridge as ArrayBuffer)], [0, 1, 2, 255]);
  });

  test('a batch is one transaction: all of it, or on an error none of it', async () => {
    const results = await worker.db.batch([
      worker.db.prepare("INSERT INTO bridge_probe (id, name) VALUES (20, 'x')"),
      worker.db.prepare('SELECT name FROM bridge_probe WHERE id = ?').bind(20),
    ]);
    assert.deepEqual(results[1]!.results, [{ name: 'x' }]);
    await assert.rejects(
      worker.db.batch([
        worker.db.prepare("INSERT INTO bridge_probe (id, name) VALUES (21, 'y')"),
        worker.db.prepare('INSERT INTO no_such_table VALUES (1)'),
      ]),
      /no such table/,
    );
    assert.equal(
      await proxy.prepare('SELECT COUNT(*) AS n FROM bridge_probe WHERE id = 21').first('n'),
      0,
    );
  });

  test('fails as D1 fails: the same messages', async () => {
    await assert.rejects(worker.db.prepare('SELECT * FROM no_such_table').all(), /no such table/);
    await assert.rejects(worker.db.prepare('SELECT ?').bind(undefined).first(), /undefined/);
    await assert.rejects(worker.db.prepare('PRAGMA secure_delete = ON').run(), /not authorized/);
    await same((db) => db.prepare('SELECT * FROM no_such_table').all());
    await same((db) => db.prepare('SELECT ?').bind(undefined).first());
    await same((db) => db.prepare('SELECT id FROM bridge_probe').first('no_such_column'));
    await same((db) => db.prepare('PRAGMA secure_delete = ON').run());
  });

  test('exec runs several statements', async () => {
    const result = await worker.db.exec(
      'INSERT INTO bridge_probe (id) VALUES (30);\nINSERT INTO bridge_probe (id) VALUES (31);',
    );
    assert.equal(result.count, 2);
    assert.equal(
      await proxy.prepare('SELECT COUNT(*) AS n FROM bridge_probe WHERE id >= 30').first('n'),
      2,
    );
  });
});
