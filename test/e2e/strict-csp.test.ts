import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startDevStackAndBrowser, type DevStack } from '../support/dev-stack';
import { registrationsOf } from './registrations-api';

/**
 * demo/csp.html is served (dist/site/_headers, written by demo/build-site.ts) with the strictest
 * policy a government CMS might use, plus a ban on framing. The widget must work fully under it,
 * with no violation reported.
 */
const POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-ancestors 'none'";

let stack: DevStack;
let browser: Browser;

before(async () => {
  ({ stack, browser } = await startDevStackAndBrowser());
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

interface Watched {
  page: Page;
  violations(): Promise<string[]>;
  consoleErrors: string[];
}

/**
 * Runs before any page script, injected by the browser, so the policy does not block it. In-page
 * code is a string: the Node-side tsconfig has no DOM types.
 */
const RECORD_VIOLATIONS = `
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.cspViolations.push((e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sample).trim()),
  );
`;

/** A page that records every CSP violation (from the start) and every console error. */
async function watchedPage(): Promise<Watched> {
  const page = await browser.newPage();
  await page.addInitScript(RECORD_VIOLATIONS);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    // Chromium asks every page for /favicon.ico; the demo has none, which is not the widget's doing.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) {
      consoleErrors.push(`${message.text()} ${message.location().url}`);
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return {
    page,
    consoleErrors,
    violations: () => page.evaluate('window.cspViolations') as Promise<string[]>,
  };
}

describe('headers of what wrangler serves from dist/site', () => {
  test('every demo page has a CSP with frame-ancestors, and nosniff', async () => {
    for (const path of ['/', '/en', '/csp', '/idsk2', '/integration', '/aggressive-css']) {
      const response = await fetch(`${stack.url}${path}`);
      await response.arrayBuffer();
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
    }
  });

  test('the widget script keeps exactly its headers: any origin, nosniff, no page policy', async () => {
    const response = await fetch(`${stack.url}/workshop-signup.js`);
    await response.arrayBuffer();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('content-security-policy'), null);
    assert.equal(response.headers.get('referrer-policy'), null);
  });
});

describe('the widget under a strict Content-Security-Policy', () => {
  test('the demo page is served with the strict policy', async () => {
    const response = await fetch(`${stack.url}/csp`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-security-policy'), POLICY);
  });

  test('registers, with no CSP violation and no console error', async () => {
    const { page, violations, consoleErrors } = await watchedPage();
    const response = await page.goto(`${stack.url}/csp`);
    assert.equal(response!.headers()['content-security-policy'], POLICY);

    await page.getByRole('checkbox', { name: /Financovanie smart projektov/ }).check();
    await page.getByLabel('Meno', { exact: false }).first().fill('Ivana');
    await page.getByLabel('Priezvisko').fill('Strážna');
    await page.getByLabel('E-mailová adresa').fill('ivana.csp@example.org');
    await page.getByRole('radio', { name: 'Štátna inštitúcia' }).check();
    await page.getByLabel('Názov organizácie').fill('Úrad vlády SR');
    await page.getByRole('button', { name: 'Odoslať registráciu' }).click();
    await page
      .getByRole('heading', { name: /Registrácia bola odoslaná|Skontrolujte e-mail/ })
      .waitFor();

    assert.equal((await registrationsOf(stack.url, 'ivana.csp@example.org')).length, 1);
    // Styles came through adoptedStyleSheets, which style-src does not govern.
    const styled = (await page.evaluate(
      `document.querySelector('workshop-signup').shadowRoot.adoptedStyleSheets.length`,
    )) as number;
    assert.ok(styled > 0);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(consoleErrors, []);
    await page.close();
  });

  test('the violation check itself works: an inline style on that page is reported', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${stack.url}/csp`);
    await page.evaluate(
      `document.body.insertAdjacentHTML('beforeend', '<p style="color: red">inline</p>')`,
    );
    await page.waitForFunction('window.cspViolations.length > 0');
    assert.match((await violations())[0]!, /^style-src-attr/);
    await page.close();
  });
});
