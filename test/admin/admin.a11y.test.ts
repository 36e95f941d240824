import { expect } from '@open-wc/testing';
import type { AdminApp } from '../../widget/admin/admin-app.js';
import {
  HOSTILE,
  allElements,
  allText,
  cleanUpApp,
  fakeAdminApi,
  renderApp,
  screen,
  until,
} from './fixtures.js';

let restore: () => void = () => {};
afterEach(() => {
  restore();
  cleanUpApp();
});

async function submitEmpty(app: AdminApp) {
  const button = (await until(app, 'form button[type="submit"]')) as HTMLButtonElement;
  button.click();
  await until(app, '.error-summary');
}

/** Every admin screen, in the state to check; resolves once it shows. */
const SCREENS: Record<string, (lang: 'sk' | 'en') => Promise<AdminApp>> = {
  async 'sign-in'(lang) {
    const app = await renderApp('#/', lang, null);
    await until(app, '#token');
    return app;
  },
  async 'sign-in with an error'(lang) {
    const app = await renderApp('#/', lang, null);
    await submitEmpty(app);
    return app;
  },
  async home(lang) {
    const app = await renderApp('#/', lang);
    await until(app, 'table');
    return app;
  },
  async 'series form with errors'(lang) {
    const app = await renderApp('#/series/new', lang);
    await submitEmpty(app);
    return app;
  },
  async 'series edit'(lang) {
    const app = await renderApp('#/series/smart/edit', lang);
    await until(app, '#title-sk');
    return app;
  },
  async 'series page'(lang) {
    const app = await renderApp('#/series/smart', lang);
    await until(app, 'section table');
    return app;
  },
  async 'workshop form with errors'(lang) {
    const app = await renderApp('#/series/smart/workshops/new', lang);
    await submitEmpty(app);
    return app;
  },
  async 'workshop edit'(lang) {
    const app = await renderApp('#/series/smart/workshops/w1/edit', lang);
    await until(app, '#start-date');
    return app;
  },
  async 'cancel workshop'(lang) {
    const app = await renderApp('#/series/smart/workshops/w1/cancel', lang);
    await until(app, '.notice--warning');
    return app;
  },
  async registrations(lang) {
    const app = await renderApp('#/series/smart/registrations', lang);
    await until(app, 'table');
    return app;
  },
  async 'registrations, erase asked'(lang) {
    const app = await renderApp('#/series/smart/registrations', lang);
    await until(app, 'table');
    const buttons = [...screen(app).shadowRoot.querySelectorAll<HTMLButtonElement>('td button')];
    buttons.at(-1)!.click();
    await until(app, '.confirm');
    return app;
  },
  async 'one registration'(lang) {
    const app = await renderApp('#/series/smart/registrations/r1', lang);
    await until(app, 'table');
    return app;
  },
  async 'series form, second reminder with errors'(lang) {
    const app = await renderApp('#/series/smart/edit', lang);
    const lead = (await until(app, '#lead-hours')) as HTMLInputElement;
    lead.value = '0,5';
    lead.dispatchEvent(new Event('input'));
    await submitEmpty(app);
    return app;
  },
  async 'workshop form, offers and follow-up with errors'(lang) {
    const app = await renderApp('#/series/smart/workshops/new', lang);
    ((await until(app, '#waitlist-offer')) as HTMLInputElement).click();
    ((await until(app, '#followup')) as HTMLInputElement).click();
    await until(app, '#link-url-0');
    await submitEmpty(app);
    return app;
  },
  async 'waiting list'(lang) {
    const app = await renderApp('#/series/smart/workshops/w1/waitlist', lang);
    await until(app, 'table');
    return app;
  },
  async 'waiting list, promote asked'(lang) {
    const app = await renderApp('#/series/smart/workshops/w1/waitlist', lang);
    await until(app, 'table');
    screen(app).shadowRoot.querySelector<HTMLButtonElement>('td button')!.click();
    await until(app, '.confirm');
    return app;
  },
  async 'embed configurator'(lang) {
    const app = await renderApp('#/embed?series=smart', lang);
    await until(app, '#snippet-iframe');
    return app;
  },
  async 'audit log'(lang) {
    const app = await renderApp('#/audit', lang);
    await until(app, 'table');
    return app;
  },
  async 'not found'(lang) {
    const app = await renderApp('#/nothing/here', lang);
    return app;
  },
};

for (const lang of ['sk', 'en'] as const) {
  describe(`admin page accessibility (${lang})`, () => {
    for (const [name, reach] of Object.entries(SCREENS)) {
      it(`passes axe: ${name}`, async () => {
        restore = fakeAdminApi().restore;
        const app = await reach(lang);
        expect(document.documentElement.lang).to.equal(lang);
        await expect(app).to.be.accessible();
      });

      it(`shows what people typed as text: ${name}`, async () => {
        restore = fakeAdminApi().restore;
        const app = await reach(lang);
        const tags = allElements(app.shadowRoot!).map((el) => el.localName);
        expect(tags).not.to.include('img');
        expect(tags).not.to.include('script');
        expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
        const text = allText(app);
        if (name.startsWith('waiting list')) expect(text).to.include(HOSTILE.name);
        if (['registrations', 'registrations, erase asked', 'one registration'].includes(name)) {
          expect(text).to.include(HOSTILE.name);
          expect(text).to.include(HOSTILE.formula);
        }
        if (['home', 'series page', 'registrations', 'embed configurator'].includes(name)) {
          expect(text).to.include(HOSTILE.script);
        }
      });
    }
  });
}

describe('admin page accessibility check itself', () => {
  it('sees problems inside the screens’ shadow roots (so the checks above are not vacuous)', async () => {
    restore = fakeAdminApi().restore;
    const app = await SCREENS['series form with errors']!('sk');
    screen(app).shadowRoot.querySelector('label[for="title-sk"]')!.remove();
    await expect(app).not.to.be.accessible();
  });
});
