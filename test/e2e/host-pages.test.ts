import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startDevStackAndBrowser, type DevStack } from '../support/dev-stack';
import { registrationsOf } from './registrations-api';

/** The demo pages that put the widget in awkward places, served by the running worker. */
let stack: DevStack;
let browser: Browser;

before(async () => {
  ({ stack, browser } = await startDevStackAndBrowser());
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A page that collects uncaught errors and console errors. */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // Chromium asks every page for /favicon.ico; the demo has none, which is not the widget's doing.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) {
      errors.push(`${m.text()} ${m.location().url}`);
    }
  });
  await page.goto(`${stack.url}${path}`);
  return { page, errors };
}

const SUCCESS = /Skontrolujte e-mail/;

/** Fills and sends the form inside `scope` (a section of the page, or the page). */
async function register(scope: Page | ReturnType<Page['locator']>, email: string) {
  await scope.getByRole('checkbox').first().check();
  await scope.getByLabel('Meno').fill('Peter');
  await scope.getByLabel('Priezvisko').fill('Hostiteľ');
  await scope.getByLabel('E-mailová adresa').fill(email);
  await scope.getByLabel('Názov organizácie').fill('Obec Hostie');
  if (!(await scope.getByRole('radio', { checked: true }).count())) {
    await scope.getByRole('radio', { name: 'Obec, mesto alebo mestská časť' }).check();
  }
  await scope.getByRole('button', { name: 'Odoslať registráciu' }).click();
  await scope.getByRole('heading', { name: SUCCESS }).waitFor();
}

/** What the page's event log (demo/integration.js) recorded, one "type detail" per line. */
const eventLog = (page: Page) => page.locator('#events li').allTextContents();

describe('a page with the script twice and widgets made from JavaScript', () => {
  test('defines the element once, and every widget loads, whenever it was made', async () => {
    const { page, errors } = await open('/integration');
    // A locator, not a string to evaluate: the page's CSP forbids eval, Playwright's included.
    await page.locator('#events li').nth(2).waitFor({ timeout: 10_000 });
    const ready = (await eventLog(page)).filter((line) => line.startsWith('workshop-signup-ready'));
    assert.equal(ready.length, 3);
    // The second copy of the script (another URL) was loaded and ran without breaking anything.
    const scripts = (await page.evaluate(
      `performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname + new URL(e.name).search)`,
    )) as string[];
    assert.ok(scripts.includes('/workshop-signup.js?copy=2'), scripts.join());

    for (const section of ['#in-html', '#before-upgrade', '#after-define']) {
      const title = page
        .locator(section)
        .getByRole('heading', { name: 'Akčný plán inteligentných miest a regiónov 2023 – 2025' });
      assert.equal(await title.count(), 1, section);
    }
    // Made after the definition, with attributes: two workshops, the organization type chosen.
    const late = page.locator('#after-define');
    assert.equal(
      await late
        .locator('workshop-signup')
        .evaluate((el) => el.shadowRoot!.querySelectorAll('.workshop').length),
      2,
    );
    assert.equal(
      await late.getByRole('radio', { name: 'Obec, mesto alebo mestská časť' }).isChecked(),
      true,
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('registers through the widget made before the script loaded; the event names no one', async () => {
    const { page, errors } = await open('/integration');
    const early = page.locator('#before-upgrade');
    await early.getByRole('button', { name: 'Odoslať registráciu' }).waitFor();
    await register(early, 'peter.integration@example.org');
    const [stored] = await registrationsOf(stack.url, 'peter.integration@example.org');
    assert.equal(stored!.workshopIds.length, 1);

    const registered = (await eventLog(page)).filter((l) =>
      l.startsWith('workshop-signup-registered'),
    );
    assert.equal(registered.length, 1);
    const detail = JSON.parse(registered[0]!.slice('workshop-signup-registered '.length));
    assert.deepEqual(Object.keys(detail), ['series', 'workshopIds']);
    assert.deepEqual(detail.workshopIds, stored!.workshopIds);
    assert.doesNotMatch(registered[0]!, /Peter|peter|Hostie/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

/**
 * Computed styles of the widget's pieces, read through its shadow root. In-page code is a string:
 * the Node-side tsconfig has no DOM types (and tsx would wrap named functions in a helper).
 */
const WIDGET_STYLES = `(() => {
  const host = document.querySelector('workshop-signup');
  const read = (selector) => {
    const node = host.shadowRoot.querySelector(selector);
    const s = getComputedStyle(node);
    return {
      fontSize: s.fontSize,
      letterSpacing: s.letterSpacing,
      textTransform: s.textTransform,
      fontStyle: s.fontStyle,
      whiteSpace: s.whiteSpace,
      textAlign: s.textAlign,
      textIndent: s.textIndent,
      color: s.color,
      height: Math.round(node.getBoundingClientRect().height),
    };
  };
  return {
    host: getComputedStyle(host).display,
    label: read('label[for="email"]'),
    input: read('input[name="email"]'),
    button: read('button[type="submit"]'),
    title: read('.title'),
  };
})()`;

const widgetStyles = (page: Page) => page.evaluate(WIDGET_STYLES);

describe('a page with aggressive global CSS', () => {
  test('looks as on a plain page (but for the font) and registers', async () => {
    const plain = await open('/');
    await plain.page.getByRole('button', { name: 'Odoslať registráciu' }).waitFor();
    const expected = await widgetStyles(plain.page);
    await plain.page.close();

    const { page, errors } = await open('/aggressive-css');
    await page.getByRole('button', { name: 'Odoslať registráciu' }).waitFor();
    assert.equal(
      await page
        .locator('body')
        .evaluate((b) => b.ownerDocument.defaultView!.getComputedStyle(b).textTransform),
      'uppercase',
      'the hostile stylesheet is in force',
    );
    assert.deepEqual(await widgetStyles(page), expected);
    await register(page, 'peter.aggressive@example.org');
    assert.equal((await registrationsOf(stack.url, 'peter.aggressive@example.org')).length, 1);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('the ID-SK 2 page', () => {
  test('shows the ID-SK 2 look', async () => {
    const { page, errors } = await open('/idsk2');
    const button = page.getByRole('button', { name: 'Odoslať registráciu' });
    await button.waitFor();
    const look = await button.evaluate((b) => {
      const s = b.ownerDocument.defaultView!.getComputedStyle(b);
      return [s.backgroundColor, s.borderRadius];
    });
    assert.deepEqual(look, ['rgb(0, 112, 60)', '0px']);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
