/**
 * Issue 11, point 5: the list renders in the same frame the data arrives. What can be checked
 * without a clock: the list request leaves before the widget's script has set itself up, it is
 * the one request a snippet's preload answers, nothing stands between its answer and the list
 * (no timer, frame or other task), and no formatter is built on the way. The time itself is the
 * benchmark's (`npm run bench:widget`).
 *
 * This file imports the widget itself, after putting an element in the page: as a host page's
 * module script runs once the page is parsed. (helpers.ts imports it statically, so it comes later.)
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { SeriesResponse } from '../../widget/src/api.js';
import type { WorkshopSignup } from '../../widget/src/workshop-signup.js';
import type { EmbedInfo } from '../../worker/contract/index.js';
import { latestSnippet } from '../../widget/admin/embed-snippets.js';
import { demoSeriesResponse, stubFetch } from './fixtures.js';

type Helpers = typeof import('./helpers.js');
let h: Helpers;

const API = 'https://api.example.test';

/** Counts what Intl builds for the widget's languages from here on (the demo's data builds others). */
const built = { dateTimeFormat: [] as string[], pluralRules: [] as string[] };
const spy = <T extends object>(target: T, log: string[]): T =>
  new Proxy(target, {
    construct(original, args: unknown[]) {
      if (args[0] === 'sk-SK' || args[0] === 'en-GB') log.push(args[0]);
      return Reflect.construct(original as new (...a: unknown[]) => object, args) as object;
    },
  });
Intl.DateTimeFormat = spy(Intl.DateTimeFormat, built.dateTimeFormat);
(Intl as { PluralRules: typeof Intl.PluralRules }).PluralRules = spy(
  Intl.PluralRules,
  built.pluralRules,
);

/** A Response whose body is in hand: its json() settles in a microtask, like a parsed body. */
const answered = (body: SeriesResponse) =>
  ({ ok: true, status: 200, json: () => Promise.resolve(body) }) as unknown as Response;

const early = { requests: [] as Request[], definedWhenAsked: [] as boolean[], rows: 0 };

before(async () => {
  const el = document.createElement('workshop-signup');
  el.setAttribute('series', 'early');
  el.setAttribute('api', API);
  document.body.append(el);
  const stub = stubFetch(() => {
    early.definedWhenAsked.push(customElements.get('workshop-signup') !== undefined);
    return answered(demoSeriesResponse());
  });
  early.requests = stub.requests;
  try {
    await import('../../widget/src/workshop-signup.js');
    h = await import('./helpers.js');
    await h.untilLoaded(el as WorkshopSignup);
    early.rows = h.workshopRows(el as WorkshopSignup).length;
  } finally {
    stub.restore();
    // Gone before the tests: a page shows its widgets in one language (localization.ts).
    el.remove();
  }
});

afterEach(() => h.cleanUp());

describe('<workshop-signup> first paint', () => {
  it('asks for the page’s lists as its script starts, before the element is defined, once', () => {
    expect(early.definedWhenAsked).to.deep.equal([false]);
    expect(early.requests.map((r) => r.url)).to.deep.equal([`${API}/api/v1/series/early`]);
    // What `<link rel="preload" as="fetch" crossorigin="anonymous">` of that URL sends, so the
    // browser hands a snippet's preloaded answer to this request instead of asking again.
    expect(early.requests[0]!.method).to.equal('GET');
    expect(early.requests[0]!.mode).to.equal('cors');
    expect(early.requests[0]!.credentials).to.equal('same-origin');
    // …and the configurator's snippet preloads exactly that URL.
    const snippet = latestSnippet(
      {
        scriptUrl: `${API}/workshop-signup.js`,
        seriesApiUrl: `${API}/api/v1/series/`,
      } as EmbedInfo,
      { series: 'early', lang: 'sk', theme: '', headingLevel: 2, workshops: [] },
    );
    const preload = new DOMParser()
      .parseFromString(snippet, 'text/html')
      .querySelector('link[rel="preload"][as="fetch"][crossorigin="anonymous"]');
    expect(preload?.getAttribute('href')).to.equal(early.requests[0]!.url);
    expect(early.rows).to.equal(demoSeriesResponse().workshops.length);
  });

  it('puts the list in the DOM in the task its data arrives in', async () => {
    const answer = h.deferred<Response>();
    h.useFetch(() => answer.promise);
    const el = await h.renderSignup({ series: 'later' });
    expect(h.workshopRows(el), 'not before the data').to.have.length(0);

    // The answer comes in one task; the next task looks. A timer, an animation frame or any
    // other task between data and render would leave the list out of the DOM by then.
    const seen = await new Promise<number>((resolve) => {
      setTimeout(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () =>
          resolve(h.root(el).querySelectorAll('[part~="workshop"]').length);
        channel.port2.postMessage(0);
        answer.resolve(answered(h.testSeries()));
      });
    });
    expect(seen).to.equal(5);
  });

  it('paints the list first when its data is in within 50 ms: no "Loading…" before it', async () => {
    h.useFetch(() => answered(h.testSeries()));
    const el = document.createElement('workshop-signup');
    el.setAttribute('series', 'quick');
    el.setAttribute('api', API);
    const added: string[] = [];
    document.body.append(el);
    try {
      // The shadow root is there once connected; the first render comes later.
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (node instanceof Element)
              added.push(...[node, ...node.querySelectorAll('*')].map((n) => n.className));
          }
        }
      }).observe(el.shadowRoot!, { childList: true, subtree: true });
      await h.untilLoaded(el);
      expect(added).to.include('workshops');
      expect(added).not.to.include('loading');
    } finally {
      el.remove();
    }
  });

  it('builds its date formatters and plural rules once per language, not per row or render', async () => {
    h.fakeApi();
    const el = await h.renderSignup({ series: 'formatters' });
    await h.untilLoaded(el);
    h.type(el, 'givenName', 'Jana');
    h.type(el, 'familyName', 'Nováková');
    await el.updateComplete;
    // Slovak only so far, after two lists and several renders of them.
    expect(built.dateTimeFormat).to.deep.equal(['sk-SK', 'sk-SK']);
    expect(built.pluralRules).to.deep.equal(['sk-SK']);

    el.lang = 'en';
    await waitUntil(() => h.widgetText(el).includes('All times are Bratislava time'));
    h.type(el, 'givenName', 'Jane');
    await el.updateComplete;
    expect(built.dateTimeFormat).to.deep.equal(['sk-SK', 'sk-SK', 'en-GB', 'en-GB']);
    expect(built.pluralRules).to.deep.equal(['sk-SK', 'en-GB']);
  });
});
