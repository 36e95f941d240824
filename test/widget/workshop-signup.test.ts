import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { WorkshopSignup } from '../../widget/src/workshop-signup.js';
import { demoSeriesResponse, jsonResponse } from './fixtures.js';
import {
  $,
  $$,
  API,
  SLUG,
  deferred,
  fakeApi,
  renderInside,
  renderSignup,
  cleanUp,
  nodeName,
  root,
  submitButton,
  testSeries,
  textOf,
  untilAnnounced,
  untilLoaded,
  useFetch,
  widgetText,
  workshopRows,
} from './helpers.js';

afterEach(cleanUp);

const SK = {
  title: 'Séria dátových workshopov',
  button: 'Odoslať registráciu',
  givenName: 'Meno',
  legend: 'Workshopy, na ktoré sa chcete zaregistrovať',
  workshops: [
    {
      title: 'Uzavretý workshop',
      when: 'pondelok 30. novembra 2026, 10:00 – 12:00',
      availability: 'Registrácia je uzavretá',
    },
    {
      title: 'Obsadený workshop',
      when: 'utorok 1. decembra 2026, 10:00 – 12:00',
      availability: 'Obsadené',
    },
    {
      title: 'Posledné miesto',
      when: 'streda 2. decembra 2026, 10:00 – 12:00',
      availability: '1 voľné miesto',
    },
    {
      title: 'Zopár miest',
      when: 'štvrtok 3. decembra 2026, 13:30 – 15:05',
      availability: '4 voľné miesta',
    },
    {
      title: 'Veľa miest',
      when: 'piatok 4. decembra 2026, 9:00 – 11:00',
      availability: '21 voľných miest',
    },
  ],
};

const EN = {
  title: 'Data workshop series',
  button: 'Send registration',
  givenName: 'First name',
  legend: 'Workshops to register for',
  workshops: [
    {
      title: 'Closed workshop',
      when: 'Monday 30 November 2026, 10:00 – 12:00',
      availability: 'Registration closed',
    },
    {
      title: 'Full workshop',
      when: 'Tuesday 1 December 2026, 10:00 – 12:00',
      availability: 'Full',
    },
    {
      title: 'Last seat',
      when: 'Wednesday 2 December 2026, 10:00 – 12:00',
      availability: '1 seat left',
    },
    {
      title: 'A few seats',
      when: 'Thursday 3 December 2026, 13:30 – 15:05',
      availability: '4 seats left',
    },
    {
      title: 'Many seats',
      when: 'Friday 4 December 2026, 9:00 – 11:00',
      availability: '21 seats left',
    },
  ],
};

/** Asserts the whole list reads as `expected` says, in one language. */
function expectLanguage(el: WorkshopSignup, expected: typeof SK, lang: 'sk' | 'en') {
  expect($(el, '.root').getAttribute('lang')).to.equal(lang);
  expect(textOf($(el, '.title'))).to.equal(expected.title);
  expect(textOf(submitButton(el))).to.equal(expected.button);
  expect(textOf($(el, 'label[for="givenName"]'))).to.equal(expected.givenName);
  expect(textOf($(el, 'legend'))).to.include(expected.legend);
  expect(
    workshopRows(el).map(({ title, when, availability }) => ({ title, when, availability })),
  ).to.deep.equal(expected.workshops);
}

describe('<workshop-signup> loading', () => {
  it('shows the loading state, with a live region that is empty first and then announces', async () => {
    const answer = deferred<Response>();
    const api = useFetch(() => answer.promise);
    const el = await renderSignup();

    expect(textOf($(el, '.loading'))).to.equal('Načítavajú sa workshopy…');
    const status = $(el, '[role="status"]');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    // Rendered empty, so that screen readers notice when the text arrives.
    expect(textOf(status)).to.equal('');
    expect(nodeName(root(el).querySelector('form'))).to.equal(null);
    expect(api.requests).to.have.length(1);
    await untilAnnounced(el, 'Načítavajú sa workshopy…');

    answer.resolve(jsonResponse(testSeries()));
    await untilLoaded(el);
    expect(nodeName(root(el).querySelector('.loading'))).to.equal(null);
    // The same live region, now announcing what was loaded.
    expect($(el, '[role="status"]')).to.equal(status);
    await untilAnnounced(el, 'Načítalo sa 5 workshopov. Otvorené na registráciu: 3.');
  });

  it('fires workshop-signup-ready with the series and workshop ids once loaded', async () => {
    const answer = deferred<Response>();
    useFetch(() => answer.promise);
    const events: CustomEvent[] = [];
    const listener = (e: Event) => events.push(e as CustomEvent);
    document.addEventListener('workshop-signup-ready', listener);
    try {
      const el = await renderSignup();
      await aTimeout(20);
      expect(events, 'not before the data arrived').to.have.length(0);

      answer.resolve(jsonResponse(testSeries()));
      await untilLoaded(el);
      expect(events).to.have.length(1);
      expect(events[0]!.bubbles).to.equal(true);
      expect(events[0]!.composed).to.equal(true);
      expect(events[0]!.detail).to.deep.equal({
        series: SLUG,
        workshopIds: ['closed', 'full', 'one', 'few', 'many'],
      });
    } finally {
      document.removeEventListener('workshop-signup-ready', listener);
    }
  });

  it('requests the series from the `api` attribute', async () => {
    const api = fakeApi();
    const el = await renderSignup({ api: 'https://workshops.example.gov.sk/' });
    await untilLoaded(el);
    expect(api.requests.map((r) => r.url)).to.deep.equal([
      `https://workshops.example.gov.sk/api/v1/series/${SLUG}`,
    ]);
    expect(api.requests[0]!.method).to.equal('GET');
    // No cookies to another origin: the widget must not track or be tracked. 'same-origin' sends
    // none across origins and is what `<link rel="preload" as="fetch" crossorigin>` uses, so a
    // snippet's preload of this URL is taken.
    expect(api.requests[0]!.credentials).to.equal('same-origin');
    expect(api.requests[0]!.mode).to.equal('cors');
    expect(api.requests[0]!.cache).to.equal('default');
  });

  it('encodes the series slug in the URL', async () => {
    const api = fakeApi();
    const el = await renderSignup({ series: 'mesto/ä b' });
    await untilLoaded(el);
    expect(api.requests[0]!.url).to.equal(`${API}/api/v1/series/mesto%2F%C3%A4%20b`);
  });

  it('defaults to the origin the module was loaded from', async () => {
    const api = fakeApi();
    const el = await fixture<WorkshopSignup>(
      html`<workshop-signup series=${SLUG}></workshop-signup>`,
    );
    await untilLoaded(el);
    expect(api.requests.map((r) => r.url)).to.deep.equal([
      `${window.location.origin}/api/v1/series/${SLUG}`,
    ]);
  });

  it('loads again when `api` or `series` changes', async () => {
    const api = fakeApi();
    const el = await renderSignup();
    await untilLoaded(el);
    el.api = 'https://other.example.test';
    await waitUntil(() => api.requests.length === 2);
    el.series = 'another';
    await waitUntil(() => api.requests.length === 3);
    expect(api.requests.map((r) => r.url)).to.deep.equal([
      `${API}/api/v1/series/${SLUG}`,
      `https://other.example.test/api/v1/series/${SLUG}`,
      'https://other.example.test/api/v1/series/another',
    ]);
  });
});

describe('<workshop-signup> list', () => {
  it('shows the series, each workshop with its Bratislava time and seats left, in Slovak', async () => {
    fakeApi();
    const el = await renderSignup();
    await untilLoaded(el);
    expectLanguage(el, SK, 'sk');
    expect(widgetText(el)).to.include('Popis one');
  });

  it('offers a checkbox only for workshops that are open and not full', async () => {
    fakeApi();
    const el = await renderSignup();
    await untilLoaded(el);
    expect(workshopRows(el).map((w) => w.checkbox?.value ?? null)).to.deep.equal([
      null,
      null,
      'one',
      'few',
      'many',
    ]);
    for (const { checkbox } of workshopRows(el).filter((w) => w.checkbox)) {
      expect(checkbox!.checked).to.equal(false);
    }
  });

  it('shows the demo series as the demo page does', async () => {
    const data = demoSeriesResponse(Date.parse('2026-05-04T08:00:00Z'));
    fakeApi({ series: data });
    const el = await renderSignup();
    await untilLoaded(el);
    expect(textOf($(el, '.title'))).to.equal(data.series.title.sk);
    const rows = workshopRows(el);
    expect(rows.map((r) => r.title)).to.deep.equal(data.workshops.map((w) => w.title.sk));
    // Every demo session is at 10:00–12:00 in Bratislava.
    for (const row of rows) expect(row.when).to.match(/^\S+ \d{1,2}\. \S+ 2026, 10:00 – 12:00$/);
    const expected = data.workshops.map((w) =>
      !w.registrationOpen
        ? 'Registrácia je uzavretá'
        : w.seatsLeft === 0
          ? 'Obsadené'
          : w.seatsLeft === 1
            ? '1 voľné miesto'
            : `${w.seatsLeft} voľných miest`,
    );
    expect(rows.map((r) => r.availability)).to.deep.equal(expected);
    expect(expected).to.include('Registrácia je uzavretá').and.include('1 voľné miesto');
    // The full one offers its waiting list (issue 12).
    expect(expected).to.include('Obsadené');
  });

  it('uses the heading level the host asks for', async () => {
    fakeApi();
    const el = await fixture<WorkshopSignup>(
      html`<workshop-signup series=${SLUG} api=${API} heading-level="3"></workshop-signup>`,
    );
    await untilLoaded(el);
    expect($(el, '.title').getAttribute('aria-level')).to.equal('3');
    expect($$(el, '.workshop-title').map((h) => h.getAttribute('aria-level'))).to.deep.equal(
      Array(5).fill('4'),
    );
  });
});

describe('<workshop-signup> language', () => {
  it('is Slovak when no lang is set anywhere', async () => {
    expect(document.documentElement.hasAttribute('lang')).to.equal(false);
    fakeApi();
    const el = await renderSignup();
    await untilLoaded(el);
    expectLanguage(el, SK, 'sk');
  });

  it('is English with lang="en" on the element', async () => {
    fakeApi();
    const el = await renderSignup({ lang: 'en' });
    await untilLoaded(el);
    expectLanguage(el, EN, 'en');
    await untilAnnounced(el, '5 workshops loaded. Open for registration: 3.');
  });

  it("is English when an ancestor's lang is en-GB", async () => {
    fakeApi();
    const el = await renderInside(
      html`<div lang="en-GB">
        <section><workshop-signup series=${SLUG} api=${API}></workshop-signup></section>
      </div>`,
    );
    await untilLoaded(el);
    expectLanguage(el, EN, 'en');
  });

  it("prefers its own lang to an ancestor's, and reads sk-SK as Slovak", async () => {
    fakeApi();
    const el = await renderInside(
      html`<div lang="en">
        <workshop-signup series=${SLUG} api=${API} lang="sk-SK"></workshop-signup>
      </div>`,
    );
    await untilLoaded(el);
    expectLanguage(el, SK, 'sk');
  });

  it('falls back to Slovak for a language it does not speak', async () => {
    fakeApi();
    const el = await renderSignup({ lang: 'de' });
    await untilLoaded(el);
    expectLanguage(el, SK, 'sk');
  });

  it('re-renders in the other language when the lang attribute changes', async () => {
    fakeApi();
    const el = await renderSignup();
    await untilLoaded(el);
    expectLanguage(el, SK, 'sk');

    el.setAttribute('lang', 'en');
    await waitUntil(() => textOf(root(el).querySelector('.title')) === EN.title);
    await el.updateComplete;
    expectLanguage(el, EN, 'en');

    el.setAttribute('lang', 'sk');
    await waitUntil(() => textOf(root(el).querySelector('.title')) === SK.title);
    await el.updateComplete;
    expectLanguage(el, SK, 'sk');
  });

  it('names the organization types and fields in Slovak', async () => {
    fakeApi();
    const el = await renderSignup();
    await untilLoaded(el);
    expect($$(el, '.choice--radio label').map(textOf)).to.deep.equal([
      'Obec, mesto alebo mestská časť',
      'Samosprávny kraj (VÚC)',
      'Univerzita alebo výskumná inštitúcia',
      'Štátna inštitúcia',
      'Odborná verejnosť',
      'Inovatívny podnik alebo firma',
      'Iné',
    ]);
    expect($$(el, 'label.label').map(textOf)).to.deep.equal([
      'Meno',
      'Priezvisko',
      'E-mailová adresa',
      'Názov organizácie',
      'Funkcia (nepovinné)',
    ]);
    expect(textOf($(el, '.privacy a'))).to.equal(
      'Ako spracúvame vaše osobné údaje (otvorí sa v novom okne)',
    );
    expect($(el, '.privacy a').getAttribute('href')).to.equal(testSeries().series.privacyUrl);
  });
});

describe('<workshop-signup> stale answers', () => {
  it('ignores a stale answer when the series changes while loading', async () => {
    const first = deferred<Response>();
    let calls = 0;
    useFetch(() => (calls++ === 0 ? first.promise : jsonResponse(testSeries())));
    const el = await renderSignup();
    el.series = 'another';
    await untilLoaded(el);
    const stale = testSeries();
    stale.series.title.sk = 'Stará séria';
    first.resolve(jsonResponse(stale));
    await aTimeout(20);
    expect(textOf($(el, '.title'))).to.equal(SK.title);
  });
});
