import { expect, fixture, html } from '@open-wc/testing';
import type { WorkshopSignup } from '../../widget/src/workshop-signup.js';
import { jsonResponse } from './fixtures.js';
import {
  API,
  JANA,
  SLUG,
  cleanUp,
  nodeName,
  fakeApi,
  fillForm,
  root,
  submit,
  testSeries,
  until,
  untilLoaded,
  useFetch,
  workshop,
} from './helpers.js';

afterEach(cleanUp);

interface Options {
  lang: string;
  theme: string;
}

const render = ({ lang, theme }: Options) =>
  fixture<WorkshopSignup>(
    html`<workshop-signup
      series=${SLUG}
      api=${API}
      lang=${lang}
      theme=${theme}
      organizer-name="Ministerstvo"
      organizer-email="info@example.gov.sk"
    ></workshop-signup>`,
  );

async function filledAndSent(options: Options): Promise<WorkshopSignup> {
  const el = await render(options);
  await untilLoaded(el);
  await fillForm(el, { ...JANA, workshopIds: ['one'] });
  await submit(el);
  return el;
}

const refuse = (status: number, code: string) => () =>
  jsonResponse({ error: { code, message: 'x' } }, status);

/** Each state the widget can be in; resolves once it shows. */
const STATES: Record<string, (options: Options) => Promise<WorkshopSignup>> = {
  async loading(options) {
    useFetch(() => new Promise<Response>(() => {}));
    const el = await render(options);
    await until(el, '.loading');
    return el;
  },
  async list(options) {
    fakeApi();
    const el = await render(options);
    await untilLoaded(el);
    await until(el, 'form');
    return el;
  },
  async 'all full'(options) {
    fakeApi({
      series: testSeries([workshop('a', { seatsLeft: 0 }), workshop('b', { seatsLeft: 0 })]),
    });
    const el = await render(options);
    await until(el, '.notice--info');
    return el;
  },
  async 'all closed'(options) {
    fakeApi({ series: testSeries([workshop('a', { registrationOpen: false })]) });
    const el = await render(options);
    await until(el, '.notice--info');
    return el;
  },
  async 'validation errors'(options) {
    fakeApi();
    const el = await render(options);
    await untilLoaded(el);
    await fillForm(el, { email: 'jana@' });
    await submit(el);
    await until(el, '.error-summary');
    return el;
  },
  async 'workshop full on submit'(options) {
    fakeApi({
      register: () =>
        jsonResponse({ error: { code: 'workshop_full', message: 'x', workshopIds: ['one'] } }, 409),
    });
    const el = await filledAndSent(options);
    await until(el, '.error-summary');
    return el;
  },
  async 'success, e-mail to confirm'(options) {
    fakeApi();
    const el = await filledAndSent(options);
    await until(el, '.success-title');
    return el;
  },
  async 'registration not sent'(options) {
    fakeApi({ register: () => Promise.reject(new TypeError('Failed to fetch')) });
    const el = await filledAndSent(options);
    await until(el, '.submit-failed');
    return el;
  },
  async 'registration refused'(options) {
    fakeApi({ register: refuse(400, 'invalid_json') });
    const el = await filledAndSent(options);
    await until(el, '.submit-failed');
    return el;
  },
  async 'API unreachable'(options) {
    useFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const el = await render(options);
    await until(el, '.load-failed .contact');
    return el;
  },
  async 'unknown series'(options) {
    const consoleError = console.error;
    console.error = () => {};
    try {
      useFetch(refuse(404, 'series_not_found'));
      const el = await render(options);
      await until(el, '.notice--error');
      return el;
    } finally {
      console.error = consoleError;
    }
  },
  async 'empty series'(options) {
    fakeApi({ series: testSeries([]) });
    const el = await render(options);
    await untilLoaded(el);
    return el;
  },
};

for (const theme of ['', 'idsk2']) {
  for (const lang of ['sk', 'en']) {
    describe(`<workshop-signup> accessibility (${lang}, ${theme || 'idsk3'})`, () => {
      for (const [state, reach] of Object.entries(STATES)) {
        it(`passes axe: ${state}`, async () => {
          const el = await reach({ lang, theme });
          expect(root(el).querySelector('.root')!.getAttribute('lang')).to.equal(lang);
          await expect(el).to.be.accessible();
          // Strict CSP (style-src without 'unsafe-inline') refuses style attributes.
          expect(nodeName(root(el).querySelector('[style]')), 'a style attribute').to.equal(null);
        });
      }
    });
  }
}

describe('<workshop-signup> accessibility check itself', () => {
  it('sees problems inside the shadow root (so the checks above are not vacuous)', async () => {
    const el = await STATES.list!({ lang: 'sk', theme: '' });
    root(el).querySelector('label[for="givenName"]')!.remove();
    await expect(el).not.to.be.accessible();
  });

  it('sees poor contrast inside the shadow root', async () => {
    const el = await STATES.list!({ lang: 'sk', theme: '' });
    el.style.setProperty('--workshop-signup-color-secondary', '#bbbbbb');
    await expect(el).not.to.be.accessible();
  });
});
