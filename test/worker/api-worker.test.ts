import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { Miniflare, type WorkerOptions } from 'miniflare';
import { unstable_getMiniflareWorkerOptions, unstable_readConfig } from 'wrangler';
import type { EmbedInfo, RegistrationResponse, SeriesResponse } from '../../worker/contract';
import { adminGet } from '../support/admin';
import { BRIDGE_WORKER, bridgeD1 } from '../support/d1-bridge';
import {
  createSeries,
  createWorkshop,
  outbox,
  postRegistration,
  seriesPath,
  unique,
  validRegistration,
} from '../support/fixtures';
import { applyMigrations } from '../support/migrations';
import { ADMIN_TOKEN, ORIGIN, bundleWorker, type TestWorker } from '../support/worker';

/**
 * The optional API worker (wrangler.api.jsonc, README "Deploying"): the same code as the site
 * worker (wrangler.jsonc) without static assets, on the route `<host>/api/*`. Its config must
 * share everything that makes the two one service, and the two, started from their configs the
 * way wrangler would run them, must work together.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SITE_CONFIG = join(ROOT, 'wrangler.jsonc');
const API_CONFIG = join(ROOT, 'wrangler.api.jsonc');

const read = (path: string) => unstable_readConfig({ config: path });

describe('wrangler.api.jsonc against wrangler.jsonc', () => {
  const site = read(SITE_CONFIG);
  const api = read(API_CONFIG);

  test('the same code, runtime, database, rate limiter, queue producer and vars', () => {
    assert.equal(api.main, site.main);
    assert.equal(api.compatibility_date, site.compatibility_date);
    assert.deepEqual(api.compatibility_flags, site.compatibility_flags);
    assert.deepEqual(api.d1_databases, site.d1_databases);
    // The same namespace_id: bindings sharing it share the counters across workers.
    assert.deepEqual(api.ratelimits, site.ratelimits);
    assert.deepEqual(api.queues.producers, site.queues.producers);
    assert.deepEqual(api.vars, site.vars);
    assert.deepEqual(api.send_email, site.send_email);
    assert.deepEqual(api.observability, site.observability);
    assert.notEqual(api.name, site.name);
  });

  test('no static assets; their ASSETS binding is the site worker, through its assets router', () => {
    assert.equal(api.assets, undefined);
    assert.ok(site.assets, 'the site worker keeps the static assets');
    assert.equal(site.assets.binding, 'ASSETS');
    assert.deepEqual(api.services, [{ binding: 'ASSETS', service: site.name }]);
    // The one file the API worker reads through it must reach the assets, not the site's code.
    const firstToWorker = site.assets.run_worker_first as string[];
    assert.ok(firstToWorker.includes('/api/*'));
    assert.ok(!firstToWorker.some((p) => '/embed-manifest.json'.startsWith(p.replace(/\*$/, ''))));
  });

  test('the cron and the queue consumers stay with the site worker alone', () => {
    assert.deepEqual(api.triggers.crons ?? [], []);
    assert.deepEqual(api.queues.consumers ?? [], []);
    assert.ok(site.triggers.crons.length > 0);
    assert.ok((site.queues.consumers ?? []).length > 0);
  });
});

describe('the API worker and the site worker, as their configs run them', () => {
  let assets: string;
  let mf: Miniflare;
  let worker: TestWorker;
  const logs: string[] = [];
  const integrity = `sha384-${'B'.repeat(62)}+/`;

  before(async () => {
    // The site's static assets: only the build's embed manifest matters here.
    assets = mkdtempSync(join(tmpdir(), 'api-worker-assets-'));
    writeFileSync(
      join(assets, 'embed-manifest.json'),
      JSON.stringify({ versionedPath: '/v/00112233aabbccdd/workshop-signup.js', integrity }),
    );
    const apiConfig = read(API_CONFIG);
    const siteConfig = read(SITE_CONFIG);
    siteConfig.assets = { ...siteConfig.assets!, directory: assets };
    const script = await bundleWorker();
    // What wrangler dev would give Miniflare for each config: bindings, queues, assets router.
    const fromConfig = (config: typeof siteConfig): WorkerOptions => {
      const workerOptions = unstable_getMiniflareWorkerOptions(config)
        .workerOptions as WorkerOptions;
      return {
        ...workerOptions,
        name: config.name,
        modules: true as const,
        script,
        // Development: the outbox transport, where a sent message is a row marked sent.
        bindings: { ...workerOptions.bindings, ENVIRONMENT: 'development', ADMIN_TOKEN },
      };
    };
    const api = fromConfig(apiConfig);
    const site = fromConfig(siteConfig);
    const databaseId = (api.d1Databases as Record<string, { id: string }>).DB!.id;
    mf = new Miniflare({
      cf: false,
      handleRuntimeStdio(stdout: Readable, stderr: Readable) {
        for (const stream of [stdout, stderr])
          stream.on('data', (chunk: Buffer) => logs.push(String(chunk)));
      },
      workers: [
        // First: requests go to it, as the route `<host>/api/*` sends them.
        api,
        site,
        {
          name: 'd1-bridge',
          modules: true,
          script: BRIDGE_WORKER,
          compatibilityDate: api.compatibilityDate,
          d1Databases: { DB: databaseId },
          unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }],
        },
      ],
    });
    const db = bridgeD1(await mf.unsafeGetDirectURL('d1-bridge'));
    await applyMigrations(db);
    worker = {
      db,
      mf,
      logs: () => logs.join(''),
      fetch: async (path, init) =>
        (await mf.dispatchFetch(new URL(path, ORIGIN), init as never)) as unknown as Response,
      options: {},
      dispose: () => mf.dispose(),
    };
  });
  after(async () => {
    await mf?.dispose();
    rmSync(assets, { recursive: true, force: true });
  });

  test('the public list', async () => {
    const slug = unique('split');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { capacity: 5 });
    const res = await worker.fetch(seriesPath(slug));
    assert.equal(res.status, 200);
    const { series, workshops } = (await res.json()) as SeriesResponse;
    assert.equal(series.slug, slug);
    assert.deepEqual(
      workshops.map((w) => [w.id, w.seatsLeft]),
      [[workshop.id, 5]],
    );
  });

  test('a registration, whose e-mail the site worker’s queue consumer sends', async () => {
    const slug = unique('split');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { capacity: 5 });
    const res = await postRegistration(worker, slug, validRegistration([workshop.id]));
    assert.equal(res.status, 201, await res.clone().text());
    const { registration } = (await res.json()) as RegistrationResponse;
    // The API worker only produces; the message is sent only if the site worker consumes it.
    const deadline = Date.now() + 15_000;
    let status: string | undefined;
    while (Date.now() < deadline) {
      [{ status } = { status: undefined }] = await outbox(worker, {
        registrationId: registration.id,
        kind: 'confirm_request',
      });
      if (status === 'sent') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(status, 'sent');
  });

  test('the admin’s embed info, read from the site worker’s assets through the binding', async () => {
    assert.deepEqual(await adminGet<EmbedInfo>(worker, '/api/v1/admin/embed'), {
      scriptUrl: `${ORIGIN}/workshop-signup.js`,
      versionedScriptUrl: `${ORIGIN}/v/00112233aabbccdd/workshop-signup.js`,
      integrity,
      embedPageUrl: `${ORIGIN}/embed/`,
      hostScriptUrl: `${ORIGIN}/embed-host.js`,
      seriesApiUrl: `${ORIGIN}/api/v1/series/`,
    });
  });

  test('serves no static file itself: a file path is the API’s 404', async () => {
    const res = await worker.fetch('/embed-manifest.json');
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  });
});
