import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { WorkshopSignup } from '../../widget/src/workshop-signup.js';
import { jsonResponse } from './fixtures.js';
import {
  $,
  $$,
  API,
  JANA,
  SLUG,
  cleanUp,
  nodeName,
  deferred,
  fakeApi,
  fillForm,
  radio,
  renderInside,
  root,
  submit,
  testSeries,
  textOf,
  until,
  untilLoaded,
  useFetch,
  workshop,
  workshopRows,
} from './helpers.js';

afterEach(cleanUp);

/** Collects the widget's events of one type until stop(). */
function collect(type: string) {
  const events: CustomEvent[] = [];
  const listener = (e: Event) => events.push(e as CustomEvent);
  document.addEventListener(type, listener);
  return { events, stop: () => document.removeEventListener(type, listener) };
}

describe('<workshop-signup> filter and prefill attributes', () => {
  it('shows only the workshops named in `workshops`, and reports only those as ready', async () => {
    fakeApi();
    const ready = collect('workshop-signup-ready');
    try {
      const el = await fixture<WorkshopSignup>(
        html`<workshop-signup series=${SLUG} api=${API} workshops="many, full"></workshop-signup>`,
      );
      await untilLoaded(el);
      expect(workshopRows(el).map((w) => w.title)).to.deep.equal([
        'Obsadený workshop',
        'Veľa miest',
      ]);
      await waitUntil(() => ready.events.length === 1);
      expect(ready.events[0]!.detail).to.deep.equal({
        series: SLUG,
        workshopIds: ['full', 'many'],
      });
    } finally {
      ready.stop();
    }
  });

  it('says nothing can be chosen when every workshop shown is full or closed', async () => {
    fakeApi();
    const el = await fixture<WorkshopSignup>(
      html`<workshop-signup series=${SLUG} api=${API} workshops="full closed"></workshop-signup>`,
    );
    await untilLoaded(el);
    expect(nodeName(root(el).querySelector('form'))).to.equal(null);
    expect(textOf($(el, '.notice'))).to.equal(
      'Na žiadny z workshopov sa momentálne nemožno zaregistrovať: sú obsadené alebo je registrácia na ne uzavretá. ' +
        'Ďalšie informácie vám poskytne organizátor: Ministerstvo, info@example.gov.sk',
    );
    expect(workshopRows(el).map((w) => w.availability)).to.deep.equal([
      'Registrácia je uzavretá',
      'Obsadené',
    ]);
  });

  it('preselects the organization type from `organization-type`, and sends it', async () => {
    const api = fakeApi();
    const el = await fixture<WorkshopSignup>(
      html`<workshop-signup
        series=${SLUG}
        api=${API}
        organization-type="region"
      ></workshop-signup>`,
    );
    await untilLoaded(el);
    expect(radio(el, 'region').checked).to.equal(true);
    await fillForm(el, { ...JANA, organizationType: undefined, workshopIds: ['one'] });
    await submit(el);
    await until(el, '.success-title');
    expect((await api.postBodies())[0]!.organizationType).to.equal('region');
  });

  it('ignores an organization type it does not know', async () => {
    fakeApi();
    const el = await fixture<WorkshopSignup>(
      html`<workshop-signup
        series=${SLUG}
        api=${API}
        organization-type="church"
      ></workshop-signup>`,
    );
    await untilLoaded(el);
    expect(nodeName(root(el).querySelector('input[type="radio"]:checked'))).to.equal(null);
  });
});

describe('<workshop-signup> created from JavaScript', () => {
  it('works when created with createElement and given properties before it is attached', async () => {
    fakeApi();
    const el = document.createElement('workshop-signup');
    el.series = SLUG;
    el.api = API;
    el.headingLevel = 4;
    document.body.append(el);
    try {
      await untilLoaded(el);
      expect($(el, '.title').getAttribute('aria-level')).to.equal('4');
      expect(workshopRows(el)).to.have.length(5);
    } finally {
      el.remove();
    }
  });

  it('keeps properties set before the element was upgraded', async () => {
    fakeApi();
    // An element from a document without our definition is a plain HTMLElement until adopted.
    const inert = document.implementation.createHTMLDocument('');
    const plain = inert.createElement('workshop-signup') as unknown as Record<string, unknown>;
    plain.series = SLUG;
    plain.api = API;
    plain.lang = 'en';
    const el = document.adoptNode(plain as unknown as WorkshopSignup);
    document.body.append(el);
    try {
      expect(el instanceof customElements.get('workshop-signup')!, 'upgraded').to.equal(true);
      await untilLoaded(el);
      expect(textOf($(el, '.title'))).to.equal('Data workshop series');
    } finally {
      el.remove();
    }
  });

  it('loads again when moved in the page while loading', async () => {
    const first = deferred<Response>();
    let calls = 0;
    useFetch(() => (calls++ === 0 ? first.promise : jsonResponse(testSeries())));
    const wrapper = await fixture<HTMLElement>(html`<div><section></section></div>`);
    const el = document.createElement('workshop-signup');
    el.series = SLUG;
    el.api = API;
    wrapper.append(el);
    await el.updateComplete;
    wrapper.querySelector('section')!.append(el);
    await untilLoaded(el);
    expect(calls).to.equal(2);
    first.resolve(jsonResponse(testSeries([workshop('stale')])));
    expect(workshopRows(el)).to.have.length(5);
  });

  it('says the series attribute is missing instead of loading forever', async () => {
    const consoleError = console.error;
    const logged: unknown[] = [];
    console.error = (message: unknown) => logged.push(message);
    try {
      const api = fakeApi();
      const el = await fixture<WorkshopSignup>(
        html`<workshop-signup api=${API}></workshop-signup>`,
      );
      await until(el, '.notice--error');
      expect(api.requests).to.have.length(0);
      expect(logged).to.deep.equal(['<workshop-signup>: the "series" attribute is required.']);
    } finally {
      console.error = consoleError;
    }
  });
});

describe('<workshop-signup> language of the page', () => {
  it("follows a change of an ancestor's lang after the first render", async () => {
    fakeApi();
    const el = await renderInside(
      html`<div lang="sk">
        <section><workshop-signup series=${SLUG} api=${API}></workshop-signup></section>
      </div>`,
    );
    await untilLoaded(el);
    expect(textOf($(el, '.title'))).to.equal('Séria dátových workshopov');

    el.closest('div')!.setAttribute('lang', 'en');
    await waitUntil(() => textOf($(el, '.title')) === 'Data workshop series', 'English');
    expect($(el, '.root').getAttribute('lang')).to.equal('en');

    // A nearer ancestor getting a lang wins over the farther one.
    el.closest('section')!.setAttribute('lang', 'sk');
    await waitUntil(() => textOf($(el, '.title')) === 'Séria dátových workshopov', 'Slovak');
  });

  it('marks Slovak text on an English page with lang="sk"', async () => {
    const data = testSeries([
      workshop('untranslated', { title: { sk: 'Len po slovensky', en: '' } }),
      workshop('full', { seatsLeft: 0 }),
    ]);
    fakeApi({ series: data });
    const el = await fixture<WorkshopSignup>(
      html`<workshop-signup
        series=${SLUG}
        api=${API}
        lang="en"
        workshops="full"
      ></workshop-signup>`,
    );
    await untilLoaded(el);
    // The organizer is a Slovak body, named in Slovak.
    const organizer = $(el, '.contact [lang]');
    expect(organizer.getAttribute('lang')).to.equal('sk');
    expect(textOf(organizer)).to.equal('Ministerstvo');

    el.workshops = 'untranslated';
    await el.updateComplete;
    const title = $(el, '.workshop-title [lang]');
    expect(title.getAttribute('lang')).to.equal('sk');
    expect(textOf(title)).to.equal('Len po slovensky');
    // English text is not marked: the root's lang="en" covers it.
    expect($$(el, '[lang="en"]').map((n) => n.className)).to.deep.equal(['root idsk2']);
  });
});

describe('<workshop-signup> twice on one page, in two languages', () => {
  const shown = (el: WorkshopSignup) => root(el).querySelector('.root')?.getAttribute('lang');

  it('both render, in the language asked for last, and the page keeps running', async () => {
    fakeApi();
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <workshop-signup series=${SLUG} api=${API} lang="sk"></workshop-signup>
        <workshop-signup series=${SLUG} api=${API} lang="en"></workshop-signup>
      </div>`,
    );
    const [sk, en] = [...page.querySelectorAll('workshop-signup')] as WorkshopSignup[];
    await untilLoaded(sk!);
    await untilLoaded(en!);
    // Before, each render switched the page's language back: an endless chain of renders that
    // never let a timer run, so this wait never ended.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([shown(sk!), shown(en!)]).to.deep.equal(['en', 'en']);

    // A language change on one widget is a new ask: both follow it.
    en!.lang = 'sk';
    await waitUntil(() => shown(sk!) === 'sk' && shown(en!) === 'sk', 'both in Slovak');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([shown(sk!), shown(en!)]).to.deep.equal(['sk', 'sk']);
  });
});
