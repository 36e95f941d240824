import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startDevStackAndBrowser, type DevStack } from '../support/dev-stack';
import { registrationsOf } from './registrations-api';

/**
 * A whole registration on the demo page with the keyboard alone (WCAG 2.1.1), including the
 * error summary's links, as a person who does not use a mouse would do it.
 */
let stack: DevStack;
let browser: Browser;

before(async () => {
  ({ stack, browser } = await startDevStackAndBrowser());
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

interface Focus {
  tag: string;
  name: string | null;
  type: string | null;
  className: string;
  text: string;
  outline: string;
}

/**
 * The focused element, looking into shadow roots. In-page code is a string: the Node-side
 * tsconfig has no DOM types.
 */
const FOCUSED = `(() => {
  let active = document.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) {
    active = active.shadowRoot.activeElement;
  }
  const style = getComputedStyle(active);
  return {
    tag: active.tagName.toLowerCase(),
    name: active.getAttribute('name'),
    type: active.getAttribute('type'),
    className: String(active.className),
    text: (active.textContent || '').replace(/\\s+/g, ' ').trim(),
    outline: style.outlineStyle + ' ' + style.outlineWidth,
  };
})()`;

const focus = (page: Page) => page.evaluate(FOCUSED) as Promise<Focus>;

/** Presses Tab until `matches` holds for the focused element (at most `limit` times). */
async function tabTo(page: Page, what: string, matches: (f: Focus) => boolean, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const current = await focus(page);
    if (matches(current)) return current;
  }
  throw new Error(`Tab never reached ${what}`);
}

/**
 * Waits (up to 10 s: a busy machine renders slowly) until focus lands where `matches` says; focus
 * moves after a render.
 */
async function untilFocused(page: Page, what: string, matches: (f: Focus) => boolean) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (matches(await focus(page))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`focus never reached ${what}: ${JSON.stringify(await focus(page))}`);
}

describe('keyboard only', () => {
  test('registers on the demo page with Tab, Space, arrows, typing and Enter', async () => {
    const page = await browser.newPage();
    await page.goto(`${stack.url}/`);
    await page.getByRole('button', { name: 'Odoslať registráciu' }).waitFor();

    // Submitting the empty form: focus goes to the error summary.
    await tabTo(page, 'the submit button', (f) => f.type === 'submit');
    await page.keyboard.press('Enter');
    await untilFocused(page, 'the error summary', (f) => f.className === 'error-summary');

    // The summary's first link leads to the first workshop that can be chosen.
    const link = await tabTo(page, 'the first summary link', (f) => f.tag === 'a');
    assert.equal(link.text, 'Vyberte aspoň jeden workshop.');
    await page.keyboard.press('Enter');
    const box = await focus(page);
    assert.deepEqual([box.name, box.type], ['workshopIds', 'checkbox']);
    await page.keyboard.press('Space');

    const given = await tabTo(page, 'the first name', (f) => f.name === 'givenName');
    // The focus is visible: ID-SK's 3 px ring.
    assert.equal(given.outline, 'solid 3px');
    await page.keyboard.type('Klára');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Klávesová');
    await page.keyboard.press('Tab');
    assert.equal((await focus(page)).name, 'email');
    await page.keyboard.type('klara.keyboard@example.org');

    // Radios: Tab enters the group, the arrows choose.
    const radio = await tabTo(page, 'the organization types', (f) => f.type === 'radio');
    assert.equal(radio.name, 'organizationType');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    assert.equal((await focus(page)).name, 'organization');
    await page.keyboard.type('Univerzita Komenského');

    await tabTo(page, 'the submit button', (f) => f.type === 'submit');
    await page.keyboard.press('Enter');
    await page
      .getByRole('heading', { name: /Registrácia bola odoslaná|Skontrolujte e-mail/ })
      .waitFor();
    await untilFocused(page, 'the success heading', (f) => f.className === 'success-title');

    const stored = await registrationsOf(stack.url, 'klara.keyboard@example.org');
    assert.deepEqual(
      stored.map((r) => [r.organizationType, r.workshopIds.length]),
      [['university', 1]],
    );
    await page.close();
  });
});
