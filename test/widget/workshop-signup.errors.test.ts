import { expect, waitUntil } from '@open-wc/testing';
import type { RegistrationRequest } from '../../widget/src/api.js';
import type { WorkshopSignup } from '../../widget/src/workshop-signup.js';
import { jsonResponse } from './fixtures.js';
import {
  $,
  JANA,
  SLUG,
  checkbox,
  fakeApi,
  fillForm,
  nodeName,
  focused,
  inlineErrors,
  input,
  radio,
  renderSignup,
  cleanUp,
  registrationAccepted,
  root,
  submit,
  summaryLinks,
  testSeries,
  textOf,
  type,
  until,
  untilAnnounced,
  untilLoaded,
  useFetch,
  widgetText,
  workshop,
  workshopRows,
} from './helpers.js';

afterEach(cleanUp);

/** Collects the widget's events of one type for the duration of a test. */
function collect(type: string) {
  const events: CustomEvent[] = [];
  const listener = (e: Event) => events.push(e as CustomEvent);
  document.addEventListener(type, listener);
  return { events, stop: () => document.removeEventListener(type, listener) };
}

const LOAD_FAILED =
  'Workshopy sa nepodarilo načítať. Skontrolujte pripojenie na internet a skúste to znova.';
const NOT_SENT =
  'Registráciu sa nepodarilo odoslať. Vaše údaje zostali vo formulári. Skontrolujte pripojenie na internet a registráciu odošlite znova.';

describe('<workshop-signup> when loading fails', () => {
  it('offers to try again when the API cannot be reached, and then shows the list', async () => {
    const errors = collect('workshop-signup-error');
    let reachable = false;
    const api = useFetch(() =>
      reachable ? jsonResponse(testSeries()) : Promise.reject(new TypeError('Failed to fetch')),
    );
    try {
      const el = await renderSignup();
      const retry = await until(el, '.notice--error button');
      expect(textOf($(el, '.notice--error p'))).to.equal(LOAD_FAILED);
      expect(textOf(retry)).to.equal('Skúsiť znova');
      expect(nodeName(root(el).querySelector('form'))).to.equal(null);
      expect(errors.events.map((e) => e.detail)).to.deep.equal([
        { series: SLUG, code: 'load_failed' },
      ]);

      reachable = true;
      retry.click();
      await untilLoaded(el);
      expect(api.requests).to.have.length(2);
      expect(nodeName(root(el).querySelector('.notice--error'))).to.equal(null);
      expect(workshopRows(el)).to.have.length(5);
      expect(root(el).querySelector('form')).to.not.equal(null);
    } finally {
      errors.stop();
    }
  });

  it('treats a server error like an unreachable API', async () => {
    useFetch(() => new Response('<h1>502 Bad Gateway</h1>', { status: 502 }));
    const el = await renderSignup({ lang: 'en' });
    await until(el, '.notice--error button');
    expect(textOf($(el, '.notice--error p'))).to.equal(
      'The workshops could not be loaded. Check your internet connection and try again.',
    );
    expect(textOf($(el, '.notice--error button'))).to.equal('Try again');
  });

  it('says registration is not available for an unknown series, without a retry', async () => {
    const consoleError = console.error;
    const logged: unknown[][] = [];
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      useFetch(() =>
        jsonResponse({ error: { code: 'series_not_found', message: 'Series not found.' } }, 404),
      );
      const el = await renderSignup({ series: 'nope' });
      await until(el, '.notice--error');
      expect(widgetText(el)).to.equal('Registrácia momentálne nie je dostupná.');
      expect(nodeName(root(el).querySelector('button'))).to.equal(null);
      expect(nodeName(root(el).querySelector('form'))).to.equal(null);
      // The page's developer learns why.
      expect(logged.map((args) => String(args[0]))).to.deep.equal([
        '<workshop-signup>: no series "nope" at https://api.example.test.',
      ]);
    } finally {
      console.error = consoleError;
    }
  });

  it('says when a series has no workshops, without a form', async () => {
    fakeApi({ series: testSeries([]) });
    const el = await renderSignup();
    await untilLoaded(el);
    expect(textOf($(el, '.title'))).to.equal('Séria dátových workshopov');
    expect(widgetText(el)).to.include('Momentálne nie sú naplánované žiadne workshopy.');
    expect(nodeName(root(el).querySelector('form'))).to.equal(null);
    await untilAnnounced(el, 'Momentálne nie sú naplánované žiadne workshopy.');
  });
});

/** A loaded widget whose POSTs are answered by `register`. */
async function withRegister(
  register: (body: RegistrationRequest, index: number) => Response | Promise<Response>,
  options: { lang?: string; series?: (index: number) => ReturnType<typeof testSeries> } = {},
) {
  const api = fakeApi({ register, series: options.series });
  const el = await renderSignup({ lang: options.lang });
  await untilLoaded(el);
  return { api, el };
}

const accepted = (body: RegistrationRequest) => registrationAccepted(body.workshopIds);

function expectStillFilledIn(el: WorkshopSignup, workshopIds: string[]) {
  expect(input(el, 'givenName').value).to.equal(JANA.givenName);
  expect(input(el, 'familyName').value).to.equal(JANA.familyName);
  expect(input(el, 'email').value).to.equal(JANA.email);
  expect(input(el, 'organization').value).to.equal(JANA.organization);
  expect(input(el, 'role').value).to.equal(JANA.role);
  expect(radio(el, JANA.organizationType).checked).to.equal(true);
  const checked = workshopRows(el)
    .filter((w) => w.checkbox?.checked)
    .map((w) => w.checkbox!.value);
  expect(checked).to.deep.equal(workshopIds);
}

describe('<workshop-signup> when the server refuses a registration', () => {
  it('shows field errors from a 422 on exactly those fields', async () => {
    const { el } = await withRegister(() =>
      jsonResponse(
        {
          error: {
            code: 'validation',
            message: 'Some fields are missing or invalid.',
            fields: { email: 'invalid_email', givenName: 'too_long' },
          },
        },
        422,
      ),
    );
    await fillForm(el, { ...JANA, workshopIds: ['one'] });
    await submit(el);
    const summary = await until(el, '.error-summary');

    expect(summaryLinks(el)).to.deep.equal([
      'Pole Meno môže mať najviac 100 znakov.',
      'Zadajte e-mailovú adresu v tvare meno@example.com.',
    ]);
    expect(inlineErrors(el)).to.deep.equal({
      givenName: 'Chyba: Pole Meno môže mať najviac 100 znakov.',
      email: 'Chyba: Zadajte e-mailovú adresu v tvare meno@example.com.',
    });
    const invalid = [...root(el).querySelectorAll('[aria-invalid="true"]')].map((n) =>
      n.getAttribute('name'),
    );
    expect(invalid).to.deep.equal(['givenName', 'email']);
    await waitUntil(() => focused(el) === summary, 'focus on the summary');
    expectStillFilledIn(el, ['one']);
  });

  it('names a full workshop, deselects it and reloads the seats after a 409', async () => {
    const errors = collect('workshop-signup-error');
    try {
      const { api, el } = await withRegister(
        (_body, index) =>
          index === 0
            ? jsonResponse(
                {
                  error: {
                    code: 'workshop_full',
                    message: 'These workshops have no seats left.',
                    workshopIds: ['one'],
                  },
                },
                409,
              )
            : accepted(_body),
        {
          series: (index) => {
            const data = testSeries();
            if (index > 0) data.workshops.find((w) => w.id === 'one')!.seatsLeft = 0;
            return data;
          },
        },
      );
      await fillForm(el, { ...JANA, workshopIds: ['one', 'many'] });
      await submit(el);
      const summary = await until(el, '.error-summary');

      const message =
        'Na workshope „Posledné miesto“ už nie sú voľné miesta. Vyberte iný workshop.';
      expect(inlineErrors(el)).to.deep.equal({ workshopIds: `Chyba: ${message}` });
      expect(summaryLinks(el)).to.deep.equal([message]);
      expect($(el, 'fieldset').getAttribute('aria-describedby')).to.include('workshopIds-error');
      await waitUntil(() => focused(el) === summary, 'focus on the summary');
      // The list was fetched again, past the browser's cache (revalidated against the API, which
      // dropped its cached copy with the 409): the workshop is full now and cannot be chosen.
      expect(api.gets()).to.have.length(2);
      expect(api.gets().map((r) => r.cache)).to.deep.equal(['default', 'no-cache']);
      const row = workshopRows(el).find((w) => w.title === 'Posledné miesto')!;
      expect(row.availability).to.equal('Obsadené');
      expect(nodeName(row.checkbox)).to.equal(null);
      expectStillFilledIn(el, ['many']);
      expect(errors.events.map((e) => e.detail)).to.deep.equal([
        { series: SLUG, code: 'workshop_full' },
      ]);

      // Sending again sends the remaining workshop only.
      await submit(el);
      await until(el, '.success-title');
      const bodies = await api.postBodies();
      expect(bodies.map((b) => b.workshopIds)).to.deep.equal([['one', 'many'], ['many']]);
    } finally {
      errors.stop();
    }
  });

  it('deselects a closed workshop even if the refreshed list still offers it', async () => {
    const { el } = await withRegister(() =>
      jsonResponse(
        {
          error: {
            code: 'registration_closed',
            message: 'Registration for these workshops is closed.',
            workshopIds: ['few'],
          },
        },
        409,
      ),
    );
    await fillForm(el, { ...JANA, workshopIds: ['few', 'one'] });
    await submit(el);
    await until(el, '.error-summary');
    expect(summaryLinks(el)).to.deep.equal([
      'Registrácia na workshop „Zopár miest“ je už uzavretá. Vyberte iný workshop.',
    ]);
    expect(checkbox(el, 'few')!.checked).to.equal(false);
    expect(checkbox(el, 'one')!.checked).to.equal(true);
  });

  it('names the workshop in the language the person reads, with its quotation marks', async () => {
    const { el } = await withRegister(
      () =>
        jsonResponse(
          { error: { code: 'workshop_full', message: 'Full.', workshopIds: ['one', 'few'] } },
          409,
        ),
      { lang: 'en' },
    );
    await fillForm(el, { ...JANA, workshopIds: ['one', 'few'] });
    await submit(el);
    await until(el, '.error-summary');
    expect(summaryLinks(el)).to.deep.equal([
      'No seats are left in “Last seat” and “A few seats”. Select another workshop.',
    ]);

    el.setAttribute('lang', 'sk');
    await waitUntil(
      () => textOf(root(el).querySelector('.error-summary-title')) === 'Vo formulári sú chyby',
    );
    await el.updateComplete;
    expect(summaryLinks(el)).to.deep.equal([
      'Na workshopoch „Posledné miesto“ a „Zopár miest“ už nie sú voľné miesta. Vyberte iný workshop.',
    ]);
  });

  for (const [name, failure] of [
    ['the network fails', () => Promise.reject(new TypeError('Failed to fetch'))],
    [
      'the server answers 500',
      () => jsonResponse({ error: { code: 'internal', message: 'x' } }, 500),
    ],
    ['a proxy answers 502 with HTML', () => new Response('<h1>Bad Gateway</h1>', { status: 502 })],
  ] as const) {
    it(`keeps everything typed and lets the person send again when ${name}`, async () => {
      const errors = collect('workshop-signup-error');
      try {
        const { api, el } = await withRegister((body, index) =>
          index === 0 ? failure() : accepted(body),
        );
        await fillForm(el, { ...JANA, workshopIds: ['one', 'few'] });
        await submit(el);
        const notice = await until(el, '.submit-failed');

        expect(textOf(notice.querySelector('p'))).to.equal(NOT_SENT);
        expect(textOf(notice.querySelector('button'))).to.equal('Odoslať znova');
        await waitUntil(() => focused(el) === notice, 'focus on the message');
        expect(nodeName(root(el).querySelector('.error-summary'))).to.equal(null);
        expect(nodeName(root(el).querySelector('[aria-invalid]'))).to.equal(null);
        expectStillFilledIn(el, ['one', 'few']);
        expect(errors.events).to.have.length(1);
        expect(Object.keys(errors.events[0]!.detail)).to.deep.equal(['series', 'code']);

        await submit(el);
        await until(el, '.success-title');
        const bodies = await api.postBodies();
        expect(bodies).to.have.length(2);
        expect(bodies[1]).to.deep.equal(bodies[0]);
        expect(bodies[1]).to.deep.equal({ ...JANA, workshopIds: ['one', 'few'], locale: 'sk' });
      } finally {
        errors.stop();
      }
    });
  }

  it('does not keep an old "could not be sent" message once the form is sent again', async () => {
    const { el } = await withRegister((body, index) =>
      index === 0 ? Promise.reject(new TypeError('Failed to fetch')) : accepted(body),
    );
    await fillForm(el, { ...JANA, workshopIds: ['one'] });
    await submit(el);
    await until(el, '.submit-failed');
    // This time the form itself is incomplete: only that is reported.
    type(el, 'givenName', '');
    await submit(el);
    expect(nodeName(root(el).querySelector('.submit-failed'))).to.equal(null);
    expect(summaryLinks(el)).to.deep.equal(['Zadajte meno.']);
  });
});

// A workshop that is in the list only until the refresh: the message must still name it.
describe('<workshop-signup> after a 409 for a workshop that disappears', () => {
  it('still names the workshop after the refreshed list dropped it', async () => {
    const { el } = await withRegister(
      () =>
        jsonResponse(
          { error: { code: 'registration_closed', message: 'Closed.', workshopIds: ['gone'] } },
          409,
        ),
      {
        series: (index) =>
          testSeries(
            index === 0
              ? [workshop('gone', { title: { sk: 'Zmiznutý', en: 'Gone' } }), workshop('stays')]
              : [workshop('stays')],
          ),
      },
    );
    await fillForm(el, { ...JANA, workshopIds: ['gone'] });
    await submit(el);
    await until(el, '.error-summary');
    expect(summaryLinks(el)).to.deep.equal([
      'Registrácia na workshop „Zmiznutý“ je už uzavretá. Vyberte iný workshop.',
    ]);
    expect(workshopRows(el).map((w) => w.checkbox?.value)).to.deep.equal(['stays']);
  });
});
