import { expect } from '@open-wc/testing';
import type { WorkshopSignup } from '../../widget/src/workshop-signup.js';
import {
  JANA,
  fakeApi,
  fillForm,
  renderSignup,
  restoreFetch,
  root,
  submit,
  testSeries,
  until,
  untilLoaded,
  useFetch,
} from './helpers.js';

afterEach(restoreFetch);

/** Each state the widget can be in, reached in `lang`; resolves once it shows. */
const STATES: Record<string, (lang: string) => Promise<WorkshopSignup>> = {
  async loading(lang) {
    useFetch(() => new Promise<Response>(() => {}));
    const el = await renderSignup({ lang });
    await until(el, '.loading');
    return el;
  },
  async list(lang) {
    fakeApi();
    const el = await renderSignup({ lang });
    await untilLoaded(el);
    await until(el, 'form');
    return el;
  },
  async 'validation errors'(lang) {
    fakeApi();
    const el = await renderSignup({ lang });
    await untilLoaded(el);
    await fillForm(el, { email: 'jana@' });
    await submit(el);
    await until(el, '.error-summary');
    return el;
  },
  async success(lang) {
    fakeApi();
    const el = await renderSignup({ lang });
    await untilLoaded(el);
    await fillForm(el, { ...JANA, workshopIds: ['one'] });
    await submit(el);
    await until(el, '.success-title');
    return el;
  },
  async 'registration not sent'(lang) {
    fakeApi({ register: () => Promise.reject(new TypeError('Failed to fetch')) });
    const el = await renderSignup({ lang });
    await untilLoaded(el);
    await fillForm(el, { ...JANA, workshopIds: ['one'] });
    await submit(el);
    await until(el, '.submit-failed');
    return el;
  },
  async 'load error'(lang) {
    useFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const el = await renderSignup({ lang });
    await until(el, '.notice--error button');
    return el;
  },
  async 'empty series'(lang) {
    fakeApi({ series: testSeries([]) });
    const el = await renderSignup({ lang });
    await untilLoaded(el);
    return el;
  },
};

for (const lang of ['sk', 'en']) {
  describe(`<workshop-signup> accessibility (${lang})`, () => {
    for (const [state, reach] of Object.entries(STATES)) {
      it(`passes axe: ${state}`, async () => {
        const el = await reach(lang);
        expect(root(el).querySelector('.root')!.getAttribute('lang')).to.equal(lang);
        await expect(el).to.be.accessible();
      });
    }
  });
}

describe('<workshop-signup> accessibility check itself', () => {
  it('sees problems inside the shadow root (so the checks above are not vacuous)', async () => {
    const el = await STATES.list!('sk');
    root(el).querySelector('label[for="givenName"]')!.remove();
    await expect(el).not.to.be.accessible();
  });
});
