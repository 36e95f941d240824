import assert from 'node:assert/strict';
import { test } from 'node:test';
import { retrySyncProxyFlake } from '../support/sync-proxy-retry';

/** Miniflare's error, as its sync proxy throws it. */
function flake(): Error {
  const error = Object.assign(new Error('false == true'), { code: 'ERR_ASSERTION' });
  error.stack = `AssertionError: false == true\n    at SynchronousFetcher.fetch (miniflare/src/plugins/core/proxy/fetch-sync.ts:147:3)`;
  return error;
}

test('a call that meets the sync-proxy flake once is made again, and its result wrapped too', () => {
  let calls = 0;
  const statement = {
    first: () =>
      ++calls === 1
        ? (() => {
            throw flake();
          })()
        : 'row',
  };
  const db = retrySyncProxyFlake({ prepare: () => statement });
  assert.equal(db.prepare().first(), 'row');
  assert.equal(calls, 2);
});

test('any other error goes through untouched, and is not retried', () => {
  let calls = 0;
  const db = retrySyncProxyFlake({
    run: () => {
      calls++;
      throw new Error('no such table');
    },
  });
  assert.throws(() => db.run(), /no such table/);
  assert.equal(calls, 1);
});

test('objects handed back in (a batch of statements) reach the target unwrapped', () => {
  const statement = { kind: 'statement' };
  let received: unknown[] = [];
  const db = retrySyncProxyFlake({
    prepare: () => statement,
    batch: (list: unknown[]) => (received = list),
  });
  db.batch([db.prepare(), db.prepare()]);
  assert.equal(received[0], statement);
  assert.equal(received[1], statement);
});
