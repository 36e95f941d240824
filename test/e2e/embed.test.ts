import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { EmbedInfo } from '../../worker/contract';
import { DEMO_SERIES_SLUG, demoSeries } from '../../demo/content';
import { E2E_ADMIN_TOKEN, startDevStackAndBrowser, type DevStack } from '../support/dev-stack';
import { startHostSite, type HostSite } from '../support/host-site';
import { integrityOf, readReleases } from '../../widget/scripts/releases';

/**
 * The snippets an editor pastes, on a town hall's page on its own origin: the versioned script
 * with its integrity hash (and what the browser does with a tampered one), and the iframe page
 * that grows with its content.
 */
let stack: DevStack;
let browser: Browser;
let host: HostSite;
/** The town hall's page: "localhost" vs the worker's "127.0.0.1", so another origin. */
let hostUrl: string;
let embed: EmbedInfo;
const pages = new Map<string, string>();

const SERIES_TITLE = demoSeries.title.sk;

async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(`${stack.url}/api/v1/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(res.ok, `${method} ${path}: ${res.status}`);
  return res.json();
}

const html = (body: string) =>
  `<!doctype html><html lang="sk"><head><meta charset="utf-8"><title>Obec Veľké Úľany</title></head><body><main><h1>Obec Veľké Úľany</h1>${body}</main></body></html>`;

before(async () => {
  ({ stack, browser } = await startDevStackAndBrowser());
  host = await startHostSite(pages);
  hostUrl = host.url;
  // The organizer lets this town hall embed the series (and only it: framing included).
  await admin('PUT', `/series/${DEMO_SERIES_SLUG}`, { ...demoSeries, allowedOrigins: [hostUrl] });
  embed = (await admin('GET', '/embed')) as EmbedInfo;
});

after(async () => {
  await browser?.close();
  await host?.close();
  await stack?.stop();
});

/** A page on the host that collects errors from every frame. */
async function open(path: string, body: string): Promise<{ page: Page; errors: string[] }> {
  pages.set(path, html(body));
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text());
  });
  await page.goto(`${hostUrl}${path}`);
  return { page, errors };
}

const snippet = (integrity: string, src = embed.versionedScriptUrl) =>
  `<script type="module" src="${src}" integrity="${integrity}" crossorigin="anonymous"></script>
   <workshop-signup series="${DEMO_SERIES_SLUG}"></workshop-signup>`;

const widgetDefined = (page: Page) =>
  page.evaluate(`Boolean(customElements.get('workshop-signup'))`) as Promise<boolean>;

describe('the versioned script with Subresource Integrity', () => {
  test('is served immutable, with CORS, and the hash matches', async () => {
    assert.match(embed.versionedScriptUrl, /\/v\/[0-9a-f]{16}\/workshop-signup\.js$/);
    assert.ok(embed.versionedScriptUrl.startsWith(stack.url));
    const res = await fetch(embed.versionedScriptUrl);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    // The unversioned URL stays, for those who want every update.
    const latest = await fetch(embed.scriptUrl);
    assert.equal(latest.status, 200);
    assert.notEqual(latest.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  test('pasted into a blank page on another origin, the widget works', async () => {
    const { page, errors } = await open('/sri', snippet(embed.integrity));
    await page.getByRole('heading', { name: SERIES_TITLE }).waitFor();
    await page.getByRole('button', { name: 'Odoslať registráciu' }).click();
    await page.getByRole('heading', { name: 'Vo formulári sú chyby' }).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('every kept release, pinned as pages pinned it, still works with this API', async () => {
    const releases = readReleases();
    assert.ok(releases.length >= 1);
    for (const { version, bytes } of releases) {
      const src = `${stack.url}/v/${version}/workshop-signup.js`;
      const { page, errors } = await open(`/release-${version}`, snippet(integrityOf(bytes), src));
      await page.getByRole('heading', { name: SERIES_TITLE }).waitFor();
      await page.getByRole('button', { name: 'Odoslať registráciu' }).click();
      await page.getByRole('heading', { name: 'Vo formulári sú chyby' }).waitFor();
      assert.deepEqual(errors, [], version);
      await page.close();
    }
  });

  test('with a wrong hash, the browser refuses the script', async () => {
    const wrong = `sha384-${Buffer.alloc(48, 7).toString('base64')}`;
    const { page, errors } = await open('/sri-wrong', snippet(wrong));
    await page.waitForLoadState('load');
    assert.equal(await widgetDefined(page), false);
    assert.ok(
      errors.some((e) => /integrity/i.test(e)),
      errors.join('\n'),
    );
    await page.close();
  });

  test('with altered bytes under the right hash, the browser refuses the script', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    // Someone between the worker and the reader changes one byte of the script.
    await page.route(embed.versionedScriptUrl, async (route) => {
      const original = await route.fetch();
      const body = (await original.text()).replace('workshop-signup', 'workshop-signuq');
      await route.fulfill({ response: original, body });
    });
    pages.set('/sri-tampered', html(snippet(embed.integrity)));
    await page.goto(`${hostUrl}/sri-tampered`);
    await page.waitForLoadState('load');
    assert.equal(await widgetDefined(page), false);
    assert.equal(await page.evaluate(`Boolean(customElements.get('workshop-signuq'))`), false);
    assert.ok(
      errors.some((e) => /integrity/i.test(e)),
      errors.join('\n'),
    );
    await page.close();
  });
});

describe('the iframe page', () => {
  const iframe = (src: string) =>
    `<iframe src="${src}" title="Registrácia na workshopy" style="width: 100%; height: 300px; border: 0"></iframe>
     <script src="${embed.hostScriptUrl}" async></script>`;

  const frameHeight = (page: Page) =>
    page.locator('iframe').evaluate((el) => Math.round(el.getBoundingClientRect().height));
  const contentHeight = (page: Page) =>
    page
      .frameLocator('iframe')
      .locator('html')
      .evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  /**
   * The whole form in the frame, and the frame as tall as it: the person's fields come a frame
   * after the list, and the resizer follows the content as it settles.
   */
  async function settledHeight(page: Page): Promise<number> {
    await page
      .frameLocator('iframe')
      .getByRole('button', { name: 'Odoslať registráciu' })
      .waitFor();
    let height = await frameHeight(page);
    for (let i = 0; i < 200 && height !== (await contentHeight(page)); i++) {
      await page.waitForTimeout(100);
      height = await frameHeight(page);
    }
    return height;
  }

  test('takes its content’s height in the host page, and grows when errors appear', async () => {
    const { page, errors } = await open(
      '/iframe',
      iframe(`${embed.embedPageUrl}${DEMO_SERIES_SLUG}?lang=sk&heading-level=2`),
    );
    const frame = page.frameLocator('iframe');
    await frame.getByRole('heading', { name: SERIES_TITLE }).waitFor();
    const listed = await settledHeight(page);
    assert.ok(listed > 300, `grew from its 300 px (${listed})`);
    assert.equal(listed, await contentHeight(page), 'as tall as its content');

    await frame.getByRole('button', { name: 'Odoslať registráciu' }).click();
    await frame.getByRole('heading', { name: 'Vo formulári sú chyby' }).waitFor();
    await page.waitForFunction(
      `document.querySelector('iframe').getBoundingClientRect().height > ${listed}`,
    );
    assert.equal(await frameHeight(page), await contentHeight(page), 'grew with the errors');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('cannot be framed by a site the organizer did not list', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    pages.set('/iframe-elsewhere', html(iframe(`${embed.embedPageUrl}${DEMO_SERIES_SLUG}`)));
    // The same page from 127.0.0.1: an origin not on the series' list.
    await page.goto(`${hostUrl.replace('localhost', '127.0.0.1')}/iframe-elsewhere`);
    await page.waitForLoadState('load');
    const framed = page.frames().find((f) => f !== page.mainFrame());
    assert.ok(framed);
    await assert.rejects(
      framed.getByRole('heading', { name: SERIES_TITLE }).waitFor({ timeout: 2000 }),
    );
    assert.ok(
      errors.some((e) => /frame-ancestors/.test(e)),
      errors.join('\n'),
    );
    await page.close();
  });

  test('ignores height messages from other origins', async () => {
    const { page } = await open(
      '/iframe-forged',
      iframe(`${embed.embedPageUrl}${DEMO_SERIES_SLUG}`) + '<div id="after"></div>',
    );
    await page.frameLocator('iframe').getByRole('heading', { name: SERIES_TITLE }).waitFor();
    // Settled first, or the form's own growth would pass for the forged message's doing.
    const before = await settledHeight(page);
    assert.equal(before, await contentHeight(page));
    // The host page itself (another origin than the worker) posts a height: not from the frame.
    await page.evaluate(`window.postMessage({ type: 'workshop-signup:height', height: 5 }, '*')`);
    await page.waitForTimeout(200);
    assert.equal(await frameHeight(page), before);
    await page.close();
  });
});
