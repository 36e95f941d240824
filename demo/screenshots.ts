import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT, applyLocalMigrations, startDevServer } from './dev-server';
import { DEMO_SERIES_SLUG } from './content';
import { seedDemo } from './seed';
import { freePort } from './free-port';

/**
 * `npm run screenshots`: renders the demo pages in Chromium at 375 and 1280 px, in Slovak and
 * English, in the main states, into dist/screenshots/*.png; the few the README shows are copied to
 * demo/screenshots/. Runs its own worker on a fresh local D1, like the end-to-end tests.
 */
const OUT = join(ROOT, 'dist/screenshots');
const README_DIR = join(ROOT, 'demo/screenshots');
const README_PICKS = [
  'sk-375-list.png',
  'sk-1280-errors.png',
  'en-1280-success.png',
  'sk-375-waitlist.png',
  'admin-sk-1280-registrations.png',
];
const WIDTHS = [
  { width: 375, height: 812 },
  { width: 1280, height: 900 },
];
const TOKEN = 'screenshots-admin-token-0123456789';

const TEXT = {
  sk: {
    path: '/',
    submit: 'Odoslať registráciu',
    givenName: 'Meno',
    familyName: 'Priezvisko',
    email: 'E-mailová adresa',
    organizationType: 'Obec, mesto alebo mestská časť',
    organization: 'Názov organizácie',
    success: /Skontrolujte e-mail/,
    retry: 'Skúsiť znova',
    waitlist: /Chcem sa zaradiť medzi čakateľov/,
  },
  en: {
    path: '/en',
    submit: 'Send registration',
    givenName: 'First name',
    familyName: 'Last name',
    email: 'Email address',
    organizationType: 'Municipality, town or city district',
    organization: 'Name of organisation',
    success: /Check your email/,
    retry: 'Try again',
    waitlist: /Join the waiting list/,
  },
};
type Lang = keyof typeof TEXT;

let registrations = 0;

/** Scrolls the widget to the top of the viewport (where focus did not already take the page). */
const showWidget = (page: Page) =>
  page.locator('workshop-signup').evaluate((el) => el.scrollIntoView({ block: 'start' }));

/** The admin page's screens (signed in with the token, in this tab's sessionStorage). */
const ADMIN_SCREENS: Record<string, { hash: string; ready: string }> = {
  home: { hash: '#/', ready: 'ws-admin-home table' },
  series: { hash: `#/series/${DEMO_SERIES_SLUG}`, ready: 'ws-admin-series-page section' },
  registrations: {
    hash: `#/series/${DEMO_SERIES_SLUG}/registrations`,
    ready: 'ws-admin-registrations table',
  },
  embed: { hash: `#/embed?series=${DEMO_SERIES_SLUG}`, ready: 'ws-admin-embed-configurator pre' },
};

async function adminShots(browser: Browser, url: string): Promise<void> {
  for (const lang of ['sk', 'en']) {
    for (const [name, { hash, ready }] of Object.entries(ADMIN_SCREENS)) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.addInitScript(
        `sessionStorage.setItem('workshop-signup-admin-token', ${JSON.stringify(TOKEN)});` +
          `sessionStorage.setItem('workshop-signup-admin-locale', ${JSON.stringify(lang)});`,
      );
      await page.goto(`${url}/admin${hash}`);
      await page.locator(ready).first().waitFor();
      const file = `admin-${lang}-1280-${name}.png`;
      await page.screenshot({ path: join(OUT, file) });
      console.log(`dist/screenshots/${file}`);
      await page.close();
    }
  }
}

/** Each state: how to reach it on a freshly opened demo page. */
const STATES: Record<string, (page: Page, lang: Lang) => Promise<void>> = {
  async list(page, lang) {
    await page.getByRole('button', { name: TEXT[lang].submit }).waitFor();
    await showWidget(page);
  },
  async errors(page, lang) {
    await page.getByRole('button', { name: TEXT[lang].submit }).click();
    await page.locator('workshop-signup .error-summary').waitFor();
  },
  async success(page, lang) {
    const t = TEXT[lang];
    await page.getByRole('checkbox').first().check();
    await page.getByLabel(t.givenName, { exact: false }).first().fill('Jana');
    await page.getByLabel(t.familyName).fill('Nováková');
    await page.getByLabel(t.email).fill(`jana.novakova.${++registrations}@example.org`);
    await page.getByRole('radio', { name: t.organizationType }).check();
    await page.getByLabel(t.organization).fill('Mesto Trnava');
    await page.getByRole('button', { name: t.submit }).click();
    await page.getByRole('heading', { name: t.success }).waitFor();
  },
  /** A full workshop's waiting list, chosen (issue 12). */
  async waitlist(page, lang) {
    await page.getByRole('button', { name: TEXT[lang].submit }).waitFor();
    const box = page.getByRole('checkbox', { name: TEXT[lang].waitlist });
    await box.check();
    await box.evaluate((el) => el.closest('li')!.scrollIntoView({ block: 'center' }));
  },
  /** The ID-SK 2 demo page (Slovak only) after an empty submit. */
  async idsk2(page, lang) {
    await STATES.errors!(page, lang);
  },
  async unreachable(page, lang) {
    await page.getByRole('button', { name: TEXT[lang].retry }).waitFor();
    await showWidget(page);
  },
};

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  mkdirSync(README_DIR, { recursive: true });
  const persistTo = mkdtempSync(join(tmpdir(), 'workshop-signup-shots-'));
  await applyLocalMigrations(persistTo);
  const server = await startDevServer({
    port: await freePort(),
    persistTo,
    vars: { ADMIN_TOKEN: TOKEN, ENVIRONMENT: 'development' },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    await seedDemo(server.url, TOKEN);
    for (const viewport of WIDTHS) {
      for (const lang of Object.keys(TEXT) as Lang[]) {
        for (const [state, reach] of Object.entries(STATES)) {
          if (state === 'idsk2' && lang !== 'sk') continue;
          const page = await browser.newPage({ viewport });
          // The API "down": every call fails as if the network did.
          if (state === 'unreachable') await page.route('**/api/v1/**', (route) => route.abort());
          await page.goto(`${server.url}${state === 'idsk2' ? '/idsk2' : TEXT[lang].path}`);
          await reach(page, lang);
          const file = `${lang}-${viewport.width}-${state}.png`;
          await page.screenshot({ path: join(OUT, file) });
          console.log(`dist/screenshots/${file}`);
          await page.close();
        }
      }
    }
    await adminShots(browser, server.url);
    for (const file of README_PICKS) copyFileSync(join(OUT, file), join(README_DIR, file));
    console.log(`README pictures: ${README_PICKS.map((f) => `demo/screenshots/${f}`).join(', ')}`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(persistTo, { recursive: true, force: true });
  }
}

await main();
