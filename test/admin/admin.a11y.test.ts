import { expect } from '@open-wc/testing';
import type { AdminApp } from '../../widget/admin/admin-app.js';
import { HOSTILE, allElements, allText, renderApp, screen, until } from './fixtures.js';
import { dropsFirst, fill, useFakeAdminApi } from './harness.js';

const fakeAdminApi = useFakeAdminApi();

async function submitEmpty(app: AdminApp) {
  const button = (await until(app, 'form button[type="submit"]')) as HTMLButtonElement;
  button.click();
  await until(app, '.error-summary');
}

const click = async (app: AdminApp, selector: string, last = false) => {
  await until(app, selector);
  const found = [...screen(app).shadowRoot.querySelectorAll<HTMLElement>(selector)];
  (last ? found.at(-1) : found[0])!.click();
};

/** What registrants typed, which a screen must show (as text). */
type Typed = keyof typeof HOSTILE;

/**
 * Every admin screen in the state to check: opened at `hash` (signed in unless `signedOut`), with
 * the fake API's answers changed by `api`, ready once `ready` shows, then brought into its state
 * by `then`; `shows` lists what registrants typed that it must show as text.
 */
interface Screen {
  name: string;
  hash: string;
  signedOut?: true;
  api?: Parameters<typeof fakeAdminApi>[0];
  ready?: string;
  then?: (app: AdminApp) => Promise<unknown>;
  shows?: Typed[];
}

const SCREENS: Screen[] = [
  { name: 'sign-in', hash: '#/', signedOut: true, ready: '#token' },
  { name: 'sign-in with an error', hash: '#/', signedOut: true, then: submitEmpty },
  { name: 'home', hash: '#/', ready: 'table', shows: ['script'] },
  { name: 'series form with errors', hash: '#/series/new', then: submitEmpty },
  { name: 'series edit', hash: '#/series/smart/edit', ready: '#title-sk' },
  { name: 'series page', hash: '#/series/smart', ready: 'section table', shows: ['script'] },
  { name: 'workshop form with errors', hash: '#/series/smart/workshops/new', then: submitEmpty },
  { name: 'workshop edit', hash: '#/series/smart/workshops/w1/edit', ready: '#start-date' },
  {
    name: 'cancel workshop',
    hash: '#/series/smart/workshops/w1/cancel',
    ready: '.notice--warning',
  },
  {
    name: 'registrations',
    hash: '#/series/smart/registrations',
    ready: 'table',
    shows: ['name', 'formula', 'script'],
  },
  {
    name: 'registrations, erase asked',
    hash: '#/series/smart/registrations',
    ready: 'table',
    then: async (app) => {
      await click(app, 'td button', true);
      await until(app, '.confirm');
    },
    shows: ['name', 'formula'],
  },
  {
    name: 'one registration',
    hash: '#/series/smart/registrations/r1',
    ready: 'table',
    shows: ['name', 'formula'],
  },
  {
    name: 'series form, second reminder with errors',
    hash: '#/series/smart/edit',
    then: async (app) => {
      await fill(app, { 'lead-hours': '0,5' });
      await submitEmpty(app);
    },
  },
  {
    name: 'workshop form, offers and follow-up with errors',
    hash: '#/series/smart/workshops/new',
    then: async (app) => {
      await click(app, '#waitlist-offer');
      await click(app, '#followup');
      await until(app, '#link-url-0');
      await submitEmpty(app);
    },
  },
  {
    name: 'waiting list',
    hash: '#/series/smart/workshops/w1/waitlist',
    ready: 'table',
    shows: ['name'],
  },
  {
    name: 'waiting list, promote asked',
    hash: '#/series/smart/workshops/w1/waitlist',
    ready: 'table',
    then: async (app) => {
      await click(app, 'td button');
      await until(app, '.confirm');
    },
    shows: ['name'],
  },
  {
    name: 'series page, server unreachable',
    hash: '#/series/smart',
    api: { 'GET /series/smart': dropsFirst(Infinity, () => new Response()) },
    ready: '.failure button',
  },
  {
    name: 'embed configurator',
    hash: '#/embed?series=smart',
    ready: '#snippet-iframe',
    shows: ['script'],
  },
  { name: 'audit log', hash: '#/audit', ready: 'table' },
  { name: 'not found', hash: '#/nothing/here' },
];

/** Opens `s` in `lang`; resolves once it shows, in its state. */
async function reach(s: Screen, lang: 'sk' | 'en'): Promise<AdminApp> {
  fakeAdminApi(s.api);
  const app = await renderApp(s.hash, lang, s.signedOut ? null : undefined);
  if (s.ready) await until(app, s.ready);
  await s.then?.(app);
  return app;
}

for (const lang of ['sk', 'en'] as const) {
  describe(`admin page accessibility (${lang})`, () => {
    for (const s of SCREENS) {
      it(`passes axe: ${s.name}`, async () => {
        const app = await reach(s, lang);
        expect(document.documentElement.lang).to.equal(lang);
        await expect(app).to.be.accessible();
      });

      it(`shows what people typed as text: ${s.name}`, async () => {
        const app = await reach(s, lang);
        const tags = allElements(app.shadowRoot!).map((el) => el.localName);
        expect(tags).not.to.include('img');
        expect(tags).not.to.include('script');
        expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
        const text = allText(app);
        for (const typed of s.shows ?? []) expect(text).to.include(HOSTILE[typed]);
      });
    }
  });
}

describe('admin page accessibility check itself', () => {
  it('sees problems inside the screens’ shadow roots (so the checks above are not vacuous)', async () => {
    const app = await reach(
      SCREENS.find((s) => s.name === 'series form with errors')!,
      'sk',
    );
    screen(app).shadowRoot.querySelector('label[for="title-sk"]')!.remove();
    await expect(app).not.to.be.accessible();
  });
});
