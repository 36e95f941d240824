/**
 * Issue 11, point 5: the list renders in the same frame the data arrives. What can be checked
 * without a clock: the list request leaves before the widget's script has set itself up, it is
 * the one request a snippet's preload answers, nothing stands between its answer and the list
 * (no timer, frame or other task), no formatter is built on the way (the API words the dates),
 * and the frame that shows the list has the list alone: the person's fields follow, losing
 * nothing. The time itself is the
 * benchmark's (`npm run bench:widget`, `npm run bench:widget-cpu`).
 *
 * This file imports the widget itself, after putting an element in the page: as a host page's
 * module script runs once the page is parsed. (helpers.ts imports it statically, so it comes later.)
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { SeriesResponse } from '../../widget/src/api.js';
import type { WorkshopSignup } from '../../widget/src/workshop-signup.js';
import type { EmbedInfo } from '../../worker/contract/index.js';
import { latestSnippet } from '../../widget/admin/embed-snippets.js';
import { demoSeriesResponse, jsonResponse, stubFetch } from './fixtures.js';

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

/** Answers the list request with `body`, and runs `look` in the task after that answer. */
function afterAnswer<T>(
  answer: { resolve(response: Response): void },
  body: SeriesResponse,
  look: () => T,
): Promise<T> {
  return new Promise<T>((resolve) => {
    setTimeout(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(look());
      channel.port2.postMessage(0);
      answer.resolve(answered(body));
    });
  });
}

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

  it('renders the person’s fields the frame after the list, losing nothing chosen meanwhile', async () => {
    const answer = h.deferred<Response>();
    h.useFetch(() => answer.promise);
    const el = await h.renderSignup({ series: 'staged' });

    // In the task after the data: the list alone, and a person already ticks a workshop.
    let chosen = '';
    const first = await afterAnswer(answer, h.testSeries(), () => {
      const box = h.$<HTMLInputElement>(el, 'input[type="checkbox"]');
      chosen = box.value;
      box.focus();
      box.click();
      return {
        rows: h.workshopRows(el).length,
        fields: h.$$(el, 'input.input').length,
        button: h.root(el).querySelector('button[type="submit"]') !== null,
      };
    });
    expect(first).to.deep.equal({ rows: 5, fields: 0, button: false });

    await h.untilLoaded(el);
    const names = h.$$<HTMLInputElement>(el, 'form input').map((i) => i.name);
    expect([...new Set(names)]).to.deep.equal([
      'workshopIds',
      'givenName',
      'familyName',
      'email',
      'organizationType',
      'organization',
      'role',
    ]);
    // The ids the labels and the error summary's links point at, as always.
    expect(h.$$(el, 'form input.input').map((i) => i.id)).to.deep.equal([...h.TEXT_FIELDS]);
    expect(h.submitButton(el).type).to.equal('submit');
    // What was ticked stays ticked, in the draft too, and focus stayed where the person put it.
    expect(h.checkbox(el, chosen)!.checked).to.equal(true);
    expect(h.focused(el)).to.equal(h.checkbox(el, chosen));
    expect(JSON.stringify(Object.values(sessionStorage))).to.include(chosen);
  });

  it('has the tab’s draft in the list from the start, and keeps it when a box is ticked early', async () => {
    const draft = { ...h.JANA, workshopIds: ['few'] };
    sessionStorage.setItem(`workshop-signup:draft:${h.API}:drafted`, JSON.stringify(draft));
    const answer = h.deferred<Response>();
    h.useFetch(() => answer.promise);
    const el = await h.renderSignup({ series: 'drafted' });

    const first = await afterAnswer(answer, h.testSeries(), () => {
      const ticked = h.$$<HTMLInputElement>(el, 'input[type="checkbox"]:checked');
      h.checkbox(el, 'one')!.click();
      return ticked.map((box) => box.value);
    });
    expect(first).to.deep.equal(['few']);

    await h.untilLoaded(el);
    expect(h.input(el, 'givenName').value).to.equal(h.JANA.givenName);
    expect(h.input(el, 'email').value).to.equal(h.JANA.email);
    expect(h.checkbox(el, 'few')!.checked).to.equal(true);
    expect(h.checkbox(el, 'one')!.checked).to.equal(true);
  });

  it('shows the draft of the series it was switched to within that frame', async () => {
    const draft = { ...h.JANA, givenName: 'Druhá' };
    sessionStorage.setItem(`workshop-signup:draft:${h.API}:second`, JSON.stringify(draft));
    const answer = h.deferred<Response>();
    const second = h.deferred<Response>();
    h.useFetch((request) => (request.url.endsWith('/first') ? answer.promise : second.promise));
    const el = await h.renderSignup({ series: 'first' });
    await afterAnswer(answer, h.testSeries(), () => {
      el.series = 'second';
    });
    // The second list comes after the frame that would have shown the first one's fields.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
    second.resolve(jsonResponse(h.testSeries()));
    await h.untilLoaded(el);
    expect(h.input(el, 'givenName').value).to.equal('Druhá');
  });

  it('paints the list first when its data is in within 50 ms: no "Loading…" before it', async () => {
    h.useFetch(() => answered(h.testSeries()));
    const el = document.createElement('workshop-signup');
    el.setAttribute('series', 'quick');
    el.setAttribute('api', API);
    const added: string[] = [];
    // Watched from the moment it is attached.
    const attach = el.attachShadow.bind(el);
    el.attachShadow = (init) => {
      const shadow = attach(init);
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (node instanceof Element)
              added.push(...[node, ...node.querySelectorAll('*')].map((n) => n.className));
          }
        }
      }).observe(shadow, { childList: true, subtree: true });
      return shadow;
    };
    document.body.append(el);
    try {
      // Connected, it has no shadow root yet: that comes with the first render, so the frame
      // that ends the page's script has nothing of the widget's to style (NOT_ATTACHED).
      expect(el.shadowRoot, 'a shadow root before the first render').to.equal(null);
      await h.untilLoaded(el);
      expect(added).to.include('workshops');
      expect(added).not.to.include('loading');
    } finally {
      el.remove();
    }
  });

  it('builds no date formatter and its plural rules once per language, not per row or render', async () => {
    // By now (before()): the test data's, worded by the worker's formatters and plural rules, and
    // the widget's Slovak plural rules, built as its script ran.
    const formatters = built.dateTimeFormat.length;
    const rules = built.pluralRules.length;
    expect(built.pluralRules, 'the widget’s Slovak rules, as the script ran').to.include('sk-SK');
    h.fakeApi();
    const el = await h.renderSignup({ series: 'formatters' });
    await h.untilLoaded(el);
    h.type(el, 'givenName', 'Jana');
    h.type(el, 'familyName', 'Nováková');
    await el.updateComplete;
    // Slovak only so far, after two lists and several renders of them. The dates are the API's.
    expect(built.dateTimeFormat.length, 'date formatters built').to.equal(formatters);
    expect(built.pluralRules.slice(rules), 'plural rules built').to.deep.equal([]);

    el.lang = 'en';
    await waitUntil(() => h.widgetText(el).includes('All times are Bratislava time'));
    h.type(el, 'givenName', 'Jane');
    await el.updateComplete;
    expect(built.dateTimeFormat.length, 'date formatters built').to.equal(formatters);
    expect(built.pluralRules.slice(rules), 'plural rules built').to.deep.equal(['en-GB']);
  });
});
