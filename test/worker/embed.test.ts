import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { EmbedInfo } from '../../worker/contract';
import { adminGet, adminSend } from '../support/admin';
import { ORIGIN, startTestWorker, type TestWorker } from '../support/worker';
import { createSeries, expectError, expectFieldErrors, unique } from '../support/fixtures';
import { sharedWorker } from '../support/shared-worker';

/** One worker without static assets, for the iframe page and for the admin API without them. */
const withoutAssets = sharedWorker();

/** The iframe fallback: /embed/:slug, the widget alone on a page of its own. */
describe('the iframe page', () => {
  let worker: TestWorker;
  before(async () => {
    worker = await withoutAssets.fresh();
  });

  const policyOf = (res: Response) =>
    Object.fromEntries(
      (res.headers.get('content-security-policy') ?? '')
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values.join(' ')]),
    );

  test('shows the widget alone, with the chosen attributes, and no inline script', async () => {
    const slug = unique('framed');
    await createSeries(worker, slug);
    const res = await worker.fetch(
      `/embed/${slug}?lang=en&theme=idsk2&workshops=abc234,def567%20ghi&heading-level=3`,
    );
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    const page = await res.text();
    assert.match(page, /<html lang="en">/);
    assert.ok(
      page.includes(
        `<workshop-signup series="${slug}" lang="en" theme="idsk2" workshops="abc234 def567 ghi" heading-level="3"></workshop-signup>`,
      ),
      page,
    );
    const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, [
      '<script type="module" src="/workshop-signup.js">',
      '<script src="/embed-frame.js" defer>',
    ]);
    assert.ok(!/<script[^>]*>[^<]+<\/script>/.test(page), 'no inline script');
    assert.ok(!/ style=/.test(page), 'no inline style');
    const policy = policyOf(res);
    assert.equal(policy['script-src'], "'self'");
    assert.equal(policy['default-src'], "'none'");
    assert.equal(policy['connect-src'], "'self'");
  });

  test('defaults: Slovak, ID-SK 3, every workshop', async () => {
    const slug = unique('framed');
    await createSeries(worker, slug);
    const page = await (await worker.fetch(`/embed/${slug}`)).text();
    assert.match(page, /<html lang="sk">/);
    assert.match(page, /<title>Registrácia na workshopy<\/title>/);
    assert.ok(page.includes(`<workshop-signup series="${slug}" lang="sk"></workshop-signup>`));
  });

  test('may be framed by any https: page when the series lists no origins', async () => {
    const slug = unique('open');
    await createSeries(worker, slug);
    const res = await worker.fetch(`/embed/${slug}`);
    assert.equal(policyOf(res)['frame-ancestors'], "'self' https:");
  });

  test('may be framed only by the listed origins when there are some', async () => {
    const slug = unique('listed');
    await createSeries(worker, slug, {
      allowedOrigins: ['https://www.obec.sk', 'http://localhost:8080'],
    });
    const res = await worker.fetch(`/embed/${slug}`);
    assert.equal(
      policyOf(res)['frame-ancestors'],
      "'self' https://www.obec.sk http://localhost:8080",
    );
  });

  test('refuses anything but the documented values, so nothing else reaches the page', async () => {
    const slug = unique('strict');
    await createSeries(worker, slug);
    const cases: [string, Record<string, string>][] = [
      ['lang=en%22%3E%3Cscript%3Ealert(1)%3C/script%3E', { lang: 'invalid_choice' }],
      ['lang=de', { lang: 'invalid_choice' }],
      ['theme=%22onload=alert(1)', { theme: 'invalid_choice' }],
      ['workshops=a%22b', { workshops: 'invalid_format' }],
      ['heading-level=7', { 'heading-level': 'too_large' }],
      ['heading-level=x', { 'heading-level': 'invalid_type' }],
    ];
    for (const [query, fields] of cases) {
      await expectFieldErrors(await worker.fetch(`/embed/${slug}?${query}`), fields);
    }
    await expectError(await worker.fetch('/embed/no-such-series'), 404, 'series_not_found');
    await expectFieldErrors(await worker.fetch('/embed/Not%20A%20Slug'), {
      slug: 'invalid_format',
    });
  });
});

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
      // What a snippet may preload (`<link rel="preload" as="fetch" crossorigin>`), plus the slug.
      seriesApiUrl: `${ORIGIN}/api/v1/series/`,
    });
  });

  test('says so when the widget was not built', async (t) => {
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
    const none = await withoutAssets.fresh(t);
    await expectError(await adminSend(none, 'GET', '/api/v1/admin/embed'), 503, 'embed_not_built');
  });
});
