import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { RegistrationRequest } from '../../widget/src/api.js';
import type { WorkshopSignup } from '../../widget/src/workshop-signup.js';
import { jsonResponse } from './fixtures.js';
import {
  $,
  $$,
  API,
  JANA,
  SLUG,
  TEXT_FIELDS,
  checkbox,
  cleanUp,
  nodeName,
  deferred,
  fakeApi,
  fillForm,
  focused,
  input,
  radio,
  renderSignup,
  root,
  submit,
  submitButton,
  testSeries,
  textOf,
  type,
  until,
  untilLoaded,
  useFetch,
} from './helpers.js';

afterEach(cleanUp);

/** What a reload does to the widget: the element goes, a new one comes with the same attributes. */
async function reload(el: WorkshopSignup, series = SLUG): Promise<WorkshopSignup> {
  el.remove();
  const again = await renderSignup({ series });
  await untilLoaded(again);
  return again;
}

function expectJanaTypedIn(el: WorkshopSignup, workshopIds: string[]) {
  expect(input(el, 'givenName').value).to.equal(JANA.givenName);
  expect(input(el, 'familyName').value).to.equal(JANA.familyName);
  expect(input(el, 'email').value).to.equal(JANA.email);
  expect(input(el, 'organization').value).to.equal(JANA.organization);
  expect(input(el, 'role').value).to.equal(JANA.role);
  expect(radio(el, JANA.organizationType).checked).to.equal(true);
  for (const id of ['one', 'few', 'many']) {
    expect(checkbox(el, id)!.checked, id).to.equal(workshopIds.includes(id));
  }
}

function expectEmpty(el: WorkshopSignup) {
  for (const field of TEXT_FIELDS) expect(input(el, field).value, field).to.equal('');
  expect(nodeName(root(el).querySelector('input:checked'))).to.equal(null);
}

describe('<workshop-signup> keeps a draft in the tab (sessionStorage)', () => {
  it('fills the form in again after a reload', async () => {
    fakeApi();
    const el = await renderSignup();
    await untilLoaded(el);
    await fillForm(el, { ...JANA, workshopIds: ['one', 'many'] });
    const again = await reload(el);
    expectJanaTypedIn(again, ['one', 'many']);
  });

  it('keeps the draft of each series apart', async () => {
    fakeApi();
    const el = await renderSignup();
    await untilLoaded(el);
    await fillForm(el, { ...JANA, workshopIds: ['one'] });
    const other = await reload(el, 'another-series');
    expectEmpty(other);
  });

  it('drops workshops from the draft that can no longer be chosen', async () => {
    fakeApi({
      series: (index) => {
        const data = testSeries();
        if (index > 0) data.workshops.find((w) => w.id === 'one')!.seatsLeft = 0;
        return data;
      },
    });
    const el = await renderSignup();
    await untilLoaded(el);
    await fillForm(el, { ...JANA, workshopIds: ['one', 'few'] });
    const again = await reload(el);
    expect(nodeName(checkbox(again, 'one'))).to.equal(null);
    expect(checkbox(again, 'few')!.checked).to.equal(true);
    expect(input(again, 'givenName').value).to.equal(JANA.givenName);
  });

  it('forgets the draft once the registration is sent', async () => {
    fakeApi();
    const el = await renderSignup();
    await untilLoaded(el);
    await fillForm(el, { ...JANA, workshopIds: ['one'] });
    await submit(el);
    await until(el, '.success-title');
    expect(Object.keys(sessionStorage).filter((k) => k.includes(':draft:'))).to.deep.equal([]);
    expectEmpty(await reload(el));
  });

  it('starts "register another person" with an empty form that stays empty after a reload', async () => {
    fakeApi();
    const el = await renderSignup();
    await untilLoaded(el);
    await fillForm(el, { ...JANA, workshopIds: ['one'] });
    await submit(el);
    await until(el, '.success-title');
    $<HTMLButtonElement>(el, '.success button').click();
    await until(el, 'form');
    expectEmpty(el);
    expectEmpty(await reload(el));
  });

  it('still registers when the browser refuses storage', async () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    try {
      const api = fakeApi();
      const el = await renderSignup();
      await untilLoaded(el);
      await fillForm(el, { ...JANA, workshopIds: ['one'] });
      await submit(el);
      await until(el, '.success-title');
      expect(api.posts()).to.have.length(1);
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });
});

/** A loaded widget whose POSTs are answered by `register`, filled in for Jana. */
async function filledIn(
  register: (body: RegistrationRequest, index: number) => Response | Promise<Response>,
) {
  const api = fakeApi({ register });
  const el = await renderSignup();
  await untilLoaded(el);
  await fillForm(el, { ...JANA, workshopIds: ['one', 'few'] });
  return { api, el };
}

const accepted = (body: RegistrationRequest) =>
  jsonResponse(
    { registration: { id: 'r1', status: 'pending', workshopIds: body.workshopIds } },
    201,
  );

const apiError = (status: number, code: string) =>
  jsonResponse({ error: { code, message: 'x' } }, status);

describe('<workshop-signup> when sending fails', () => {
  it('sends the same registration again from the "Odoslať znova" button', async () => {
    const second = deferred<Response>();
    const { api, el } = await filledIn((_body, index) =>
      index === 0 ? Promise.reject(new TypeError('Failed to fetch')) : second.promise,
    );
    await submit(el);
    const notice = await until(el, '.submit-failed');
    await waitUntil(() => focused(el) === notice, 'focus on the message');

    $<HTMLButtonElement>(el, '.submit-failed button').click();
    await el.updateComplete;
    // The notice goes while sending again; focus waits on the submit button, which says so.
    expect(nodeName(root(el).querySelector('.submit-failed'))).to.equal(null);
    expect(nodeName(focused(el))).to.equal(nodeName(submitButton(el)));
    expect(textOf(submitButton(el))).to.equal('Odosiela sa…');

    second.resolve(accepted((await api.postBodies())[1]!));
    await until(el, '.success-title');
    const bodies = await api.postBodies();
    expect(bodies).to.have.length(2);
    expect(bodies[1]).to.deep.equal(bodies[0]);
  });

  it('treats 429 (too many requests) as worth sending again', async () => {
    const { el } = await filledIn(() => apiError(429, 'rate_limited'));
    await submit(el);
    const notice = await until(el, '.submit-failed');
    expect(textOf(notice.querySelector('button'))).to.equal('Odoslať znova');
    expectJanaTyped(el);
  });

  for (const [status, code] of [
    [400, 'invalid_json'],
    [413, 'payload_too_large'],
    [415, 'unsupported_media_type'],
  ] as const) {
    it(`says a ${status} ${code} could not be processed, focused, with the organizer's contact`, async () => {
      const { el } = await filledIn(() => apiError(status, code));
      await submit(el);
      const notice = await until(el, '.submit-failed');
      await waitUntil(() => focused(el) === notice, 'focus on the message');
      expect(textOf(notice)).to.equal(
        'Registráciu sa nepodarilo spracovať. Vaše údaje zostali vo formulári. Skúste to znova neskôr. ' +
          'Ak problém pretrváva, napíšte organizátorovi: Ministerstvo, info@example.gov.sk',
      );
      expect(notice.querySelector('a')!.getAttribute('href')).to.equal(
        'mailto:info@example.gov.sk',
      );
      // Sending the same again would be refused again: no retry button, and no internet advice.
      expect(nodeName(notice.querySelector('button'))).to.equal(null);
      expectJanaTyped(el);
    });
  }

  it('clears the old errors as soon as a valid form is being sent', async () => {
    const answer = deferred<Response>();
    const { el } = await filledIn(() => answer.promise);
    type(el, 'email', 'jana@');
    await submit(el);
    await until(el, '.error-summary');
    type(el, 'email', JANA.email);
    await submit(el);
    expect(textOf(submitButton(el))).to.equal('Odosiela sa…');
    expect(
      $$(el, '.error-summary, .error-message, [aria-invalid]').map((n) => n.className),
    ).to.deep.equal([]);
    answer.resolve(
      jsonResponse({ registration: { id: 'r', status: 'pending', workshopIds: [] } }, 201),
    );
    await until(el, '.success-title');
  });

  it('sends once when the button is clicked twice at once (double click)', async () => {
    const { api, el } = await filledIn(accepted);
    submitButton(el).click();
    submitButton(el).click();
    await until(el, '.success-title');
    await aTimeout(20);
    expect(api.posts()).to.have.length(1);
  });

  it('sends nothing twice when the form is submitted by Enter while sending', async () => {
    const answer = deferred<Response>();
    const { api, el } = await filledIn(() => answer.promise);
    const form = $<HTMLFormElement>(el, 'form');
    form.requestSubmit();
    form.requestSubmit();
    await aTimeout(20);
    expect(api.posts()).to.have.length(1);
    answer.resolve(accepted((await api.postBodies())[0]!));
    await until(el, '.success-title');
  });
});

function expectJanaTyped(el: WorkshopSignup) {
  expectJanaTypedIn(el, ['one', 'few']);
}

describe('<workshop-signup> when the API cannot be reached at load', () => {
  const unreachable = () => useFetch(() => Promise.reject(new TypeError('Failed to fetch')));

  it("names the organizer from the embed's attributes, with a retry", async () => {
    unreachable();
    const el = await fixture<WorkshopSignup>(
      html`<workshop-signup
        series=${SLUG}
        api=${API}
        organizer-name="Mesto Trnava"
        organizer-email="podujatia@trnava.sk"
      ></workshop-signup>`,
    );
    const notice = await until(el, '.load-failed');
    expect(textOf(notice)).to.equal(
      'Workshopy sa nepodarilo načítať. Skontrolujte pripojenie na internet a skúste to znova. ' +
        'Ak problém pretrváva, napíšte organizátorovi: Mesto Trnava, podujatia@trnava.sk Skúsiť znova',
    );
    expect(notice.querySelector('a')!.getAttribute('href')).to.equal('mailto:podujatia@trnava.sk');
  });

  it('names the organizer last loaded in this tab when the embed does not', async () => {
    let reachable = true;
    useFetch(() =>
      reachable ? jsonResponse(testSeries()) : Promise.reject(new TypeError('Failed to fetch')),
    );
    const el = await renderSignup();
    await untilLoaded(el);
    reachable = false;
    el.remove();
    const again = await renderSignup();
    const notice = await until(again, '.load-failed');
    expect(textOf(notice.querySelector('.contact'))).to.equal(
      'Ak problém pretrváva, napíšte organizátorovi: Ministerstvo, info@example.gov.sk',
    );
  });

  it('offers the retry alone when no contact is known', async () => {
    unreachable();
    const el = await renderSignup();
    const notice = await until(el, '.load-failed');
    expect(nodeName(notice.querySelector('.contact'))).to.equal(null);
    expect(textOf(notice.querySelector('button'))).to.equal('Skúsiť znova');
  });

  it('keeps focus in the widget after "Skúsiť znova": on the heading, or on the new retry button', async () => {
    let reachable = false;
    useFetch(() =>
      reachable ? jsonResponse(testSeries()) : Promise.reject(new TypeError('Failed to fetch')),
    );
    const el = await renderSignup();
    (await until(el, '.load-failed button')).click();
    // Still unreachable: the button is rendered anew and gets the focus.
    await waitUntil(() => focused(el)?.matches('.load-failed button'), 'focus on the new button');

    reachable = true;
    focused(el)!.click();
    await waitUntil(() => focused(el)?.matches('.title') === true, 'focus on the series heading');
    expect(textOf(focused(el))).to.equal('Séria dátových workshopov');
  });

  it('announces the failure in the live region', async () => {
    unreachable();
    const el = await renderSignup();
    await until(el, '.load-failed');
    await waitUntil(
      () => textOf($(el, '[role="status"]')) === 'Workshopy sa nepodarilo načítať.',
      'announced',
    );
  });
});
