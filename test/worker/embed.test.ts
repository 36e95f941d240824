import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { EmbedInfo } from '../../worker/contract';
import { adminGet, adminSend } from '../support/admin';
import { ORIGIN, startTestWorker, type TestWorker } from '../support/worker';
import { expectError } from '../support/fixtures';

describe('GET /api/v1/admin/embed', () => {
  let assets: string;
  let worker: TestWorker;
  const integrity = `sha384-${'A'.repeat(62)}+/`;
  before(async () => {
    assets = mkdtempSync(join(tmpdir(), 'embed-assets-'));
    writeFileSync(
      join(assets, 'embed-manifest.json'),
      JSON.stringify({ versionedPath: '/v/0123456789abcdef/workshop-signup.js', integrity }),
    );
    worker = await startTestWorker({}, { assets });
  });
  after(async () => {
    await worker.dispose();
    rmSync(assets, { recursive: true, force: true });
  });

  test('gives the configurator the script URLs and the integrity hash of this build', async () => {
    assert.deepEqual(await adminGet<EmbedInfo>(worker, '/api/v1/admin/embed'), {
      scriptUrl: `${ORIGIN}/workshop-signup.js`,
      versionedScriptUrl: `${ORIGIN}/v/0123456789abcdef/workshop-signup.js`,
      integrity,
      embedPageUrl: `${ORIGIN}/embed/`,
      hostScriptUrl: `${ORIGIN}/embed-host.js`,
    });
  });

  test('says so when the widget was not built', async () => {
    writeFileSync(join(assets, 'embed-manifest.json'), '{"versionedPath": "/elsewhere.js"}');
    const broken = await startTestWorker({}, { assets });
    try {
      await expectError(
        await adminSend(broken, 'GET', '/api/v1/admin/embed'),
        503,
        'embed_not_built',
      );
    } finally {
      await broken.dispose();
    }
    const none = await startTestWorker();
    try {
      await expectError(
        await adminSend(none, 'GET', '/api/v1/admin/embed'),
        503,
        'embed_not_built',
      );
    } finally {
      await none.dispose();
    }
  });
});
