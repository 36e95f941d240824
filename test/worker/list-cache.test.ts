import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  createSeries,
  createWorkshop,
  expectError,
  postRegistration,
  seriesPath,
  unique,
  validRegistration,
  type PublicWorkshop,
} from '../support/fixtures';
import { sharedWorker } from '../support/shared-worker';
import { Response as MiniflareResponse } from 'miniflare';
import { ORIGIN, type TestWorker } from '../support/worker';
import { LIST_TTL_SECONDS } from '../../worker/src/http/list-cache';

/** The public list from the Cache API (Miniflare runs it in workerd), with ETags. */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function list(worker: TestWorker, slug: string, headers: Record<string, string> = {}) {
  const res = await worker.fetch(seriesPath(slug), { headers });
  const body =
    res.status === 200 ? ((await res.json()) as { workshops: PublicWorkshop[] }) : undefined;
  return { res, body };
}

const seatsLeft = (body: { workshops: PublicWorkshop[] } | undefined, id: string) =>
  body?.workshops.find((w) => w.id === id)?.seatsLeft;

describe('the public list, cached for a few seconds', () => {
  /** One worker with the Cache API; each test reads a series of its own (the cache key). */
  const cached = sharedWorker({}, { listCache: true });

  test(`seat counts are at most ${LIST_TTL_SECONDS} s old, then fresh`, async (t) => {
    const worker = await cached.fresh(t);
    const slug = unique('cached');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 3 });
    assert.equal(seatsLeft((await list(worker, slug)).body, workshop.id), 3);
    const registeredAt = Date.now();
    assert.equal(
      (await postRegistration(worker, slug, validRegistration([workshop.id]))).status,
      201,
    );
    // Within the TTL the copy may be the one from before (it is here: read right away)…
    const soon = seatsLeft((await list(worker, slug)).body, workshop.id);
    if (Date.now() - registeredAt < LIST_TTL_SECONDS * 1000 - 500) assert.equal(soon, 3);
    // …and after it never.
    await sleep(LIST_TTL_SECONDS * 1000 + 200);
    assert.equal(seatsLeft((await list(worker, slug)).body, workshop.id), 2);
  });

  test('a 409 refusal is the truth: the reload after it shows the workshop full', async (t) => {
    const worker = await cached.fresh(t);
    const slug = unique('cached');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 1 });
    assert.equal(seatsLeft((await list(worker, slug)).body, workshop.id), 1);
    await postRegistration(worker, slug, validRegistration([workshop.id]));
    // The cached list still offers the seat; the registration is refused by the database.
    assert.equal(seatsLeft((await list(worker, slug)).body, workshop.id), 1);
    await expectError(
      await postRegistration(worker, slug, validRegistration([workshop.id])),
      409,
      'workshop_full',
    );
    // The widget's reload (fetch with cache: 'no-cache') and any other request both see it.
    const reload = await list(worker, slug, { 'cache-control': 'no-cache', pragma: 'no-cache' });
    assert.equal(seatsLeft(reload.body, workshop.id), 0);
    assert.equal(seatsLeft((await list(worker, slug)).body, workshop.id), 0);
  });

  test('If-None-Match with the ETag: 304 without a body; a change: 200 with a new ETag', async (t) => {
    const worker = await cached.fresh(t);
    const slug = unique('cached');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 1 });
    const first = await list(worker, slug);
    const etag = first.res.headers.get('etag')!;
    assert.match(etag, /^"[0-9a-f]{24}"$/);
    assert.equal(first.res.headers.get('cache-control'), 'no-cache');
    const again = await list(worker, slug, { 'if-none-match': etag });
    assert.equal(again.res.status, 304);
    assert.equal(await again.res.text(), '');
    assert.equal(again.res.headers.get('etag'), etag);
    // CORS on the 304 too: the browser revalidates cross-origin.
    assert.equal(
      (
        await list(worker, slug, { 'if-none-match': etag, origin: 'https://obec.sk' })
      ).res.headers.get('access-control-allow-origin'),
      '*',
    );
    await postRegistration(worker, slug, validRegistration([workshop.id]));
    await expectError(
      await postRegistration(worker, slug, validRegistration([workshop.id])),
      409,
      'workshop_full',
    );
    const changed = await list(worker, slug, { 'if-none-match': etag });
    assert.equal(changed.res.status, 200);
    assert.notEqual(changed.res.headers.get('etag'), etag);
    assert.equal(seatsLeft(changed.body, workshop.id), 0);
  });

  test('a copy an earlier deploy cached, without the fields the widget now reads, is not served', async (t) => {
    const worker = await cached.fresh(t);
    const slug = unique('cached');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 72 });
    // What the list's key was before it named the list's shape: an answer with no `when`.
    const earlier = { series: { slug }, workshops: [{ ...workshop, when: undefined }] };
    const cache = (await worker.mf.getCaches()).default;
    await cache.put(
      new URL(seriesPath(slug), ORIGIN).href,
      new MiniflareResponse(JSON.stringify(earlier), {
        headers: { 'content-type': 'application/json', 'cache-control': 'max-age=60' },
      }),
    );
    const { body } = await list(worker, slug);
    assert.ok(body?.workshops[0]?.when?.sk, 'the list as it is now, with its when');
  });

  test('an unknown series is a 404 and is not cached', async (t) => {
    const worker = await cached.fresh(t);
    const slug = unique('cached');
    await expectError((await list(worker, slug)).res, 404, 'series_not_found');
    await createSeries(worker, slug);
    assert.equal((await list(worker, slug)).res.status, 200);
  });
});
