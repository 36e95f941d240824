import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import type { WorkshopSignup } from '../../widget/src/workshop-signup.js';
import {
  $,
  $$,
  API,
  JANA,
  SLUG,
  TEXT_FIELDS,
  checkbox,
  deferred,
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
  submitButton,
  summaryLinks,
  textOf,
  type,
  until,
  untilLoaded,
} from './helpers.js';

afterEach(cleanUp);

async function loaded(lang?: string) {
  const api = fakeApi();
  const el = await renderSignup({ lang });
  await untilLoaded(el);
  return { api, el };
}

/** Whether the widget shows any error (summary, inline message or invalid control). */
const anyErrorShown = (el: WorkshopSignup) =>
  root(el).querySelector('.error-summary, .error-message, [aria-invalid]') !== null;

const EMPTY_FORM_ERRORS = {
  workshopIds: 'Vyberte aspoň jeden workshop.',
  givenName: 'Zadajte meno.',
  familyName: 'Zadajte priezvisko.',
  email: 'Zadajte e-mailovú adresu.',
  organizationType: 'Vyberte typ organizácie.',
  organization: 'Zadajte názov organizácie.',
};

describe('<workshop-signup> validation', () => {
  it('says nothing before the form is submitted', async () => {
    const { el } = await loaded();
    type(el, 'email', 'jana');
    input(el, 'email').dispatchEvent(new Event('blur'));
    input(el, 'givenName').focus();
    await el.updateComplete;
    expect(anyErrorShown(el)).to.equal(false);
  });

  it('lists every error of an empty form in page order, focused, and sends nothing', async () => {
    const { api, el } = await loaded();
    await submit(el);

    const summary = $(el, '.error-summary');
    expect(textOf($(el, '.error-summary-title'))).to.equal('Vo formulári sú chyby');
    expect(summary.getAttribute('aria-labelledby')).to.equal('error-summary-title');
    expect(nodeName(focused(el))).to.equal(nodeName(summary));
    expect(summaryLinks(el)).to.deep.equal(Object.values(EMPTY_FORM_ERRORS));
    expect(api.posts()).to.have.length(0);
  });

  it('shows each message inline with a hidden "Chyba:" prefix, tied to its input', async () => {
    const { el } = await loaded();
    await submit(el);

    expect(inlineErrors(el)).to.deep.equal(
      Object.fromEntries(
        Object.entries(EMPTY_FORM_ERRORS).map(([field, text]) => [field, `Chyba: ${text}`]),
      ),
    );
    for (const message of $$(el, '.error-message')) {
      const prefix = message.querySelector('.visually-hidden');
      expect(textOf(prefix)).to.equal('Chyba:');
    }
    for (const field of ['givenName', 'familyName', 'email', 'organization'] as const) {
      const box = input(el, field);
      expect(box.getAttribute('aria-invalid'), field).to.equal('true');
      expect(box.getAttribute('aria-describedby')!.split(' '), field).to.include(`${field}-error`);
    }
    // The email field keeps its hint as well.
    expect(input(el, 'email').getAttribute('aria-describedby')).to.equal('email-hint email-error');
    // The role is optional and has no error.
    expect(input(el, 'role').hasAttribute('aria-invalid')).to.equal(false);
    expect(input(el, 'role').hasAttribute('aria-describedby')).to.equal(false);
    // Groups: the fieldset is described by the error.
    const fieldsets = $$(el, 'fieldset');
    expect(fieldsets.map((f) => f.getAttribute('aria-describedby'))).to.deep.equal([
      'workshopIds-hint workshopIds-error',
      'organizationType-error',
    ]);
    // Every id the inputs point at exists.
    for (const id of $$(el, '[aria-describedby]').flatMap((n) =>
      n.getAttribute('aria-describedby')!.split(' '),
    )) {
      expect(root(el).getElementById(id), id).to.not.equal(null);
    }
  });

  it('asks for an e-mail address in the right format', async () => {
    const { api, el } = await loaded();
    await fillForm(el, { ...JANA, email: 'jana.novakova@example', workshopIds: ['one'] });
    await submit(el);
    expect(summaryLinks(el)).to.deep.equal(['Zadajte e-mailovú adresu v tvare meno@example.com.']);
    expect(inlineErrors(el)).to.deep.equal({
      email: 'Chyba: Zadajte e-mailovú adresu v tvare meno@example.com.',
    });
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, 'givenName').hasAttribute('aria-invalid')).to.equal(false);
    expect(api.posts()).to.have.length(0);
  });

  it('does not require the organization from the expert public', async () => {
    const { api, el } = await loaded();
    expect(textOf($(el, 'label[for="organization"]'))).to.equal('Názov organizácie');
    await fillForm(el, {
      ...JANA,
      organizationType: 'expert',
      organization: '',
      workshopIds: ['few'],
    });
    expect(textOf($(el, 'label[for="organization"]'))).to.equal('Názov organizácie (nepovinné)');
    expect(input(el, 'organization').required).to.equal(false);
    await submit(el);
    await waitUntil(() => api.posts().length === 1);
    expect(anyErrorShown(el)).to.equal(false);
    const [body] = await api.postBodies();
    expect(body!.organizationType).to.equal('expert');
    expect(body!.organization).to.equal('');
  });

  it('focuses the matching control when a summary link is clicked', async () => {
    const { el } = await loaded();
    await submit(el);
    const expectedNames = [
      'workshopIds',
      'givenName',
      'familyName',
      'email',
      'organizationType',
      'organization',
    ];
    const links = $$<HTMLAnchorElement>(el, '.error-summary a');
    expect(links).to.have.length(expectedNames.length);
    for (const [i, link] of links.entries()) {
      link.click();
      const active = focused(el);
      expect(active?.getAttribute('name'), textOf(link)).to.equal(expectedNames[i]);
      expect(active?.tagName).to.equal('INPUT');
    }
    // The first workshop that can be chosen, and the first organization type.
    links[0]!.click();
    expect(nodeName(focused(el))).to.equal(nodeName(checkbox(el, 'one')));
    links[4]!.click();
    expect(nodeName(focused(el))).to.equal(nodeName(radio(el, 'municipality')));
  });

  it('lists only the errors that remain after a second submit', async () => {
    const { el } = await loaded();
    await submit(el);
    await fillForm(el, { ...JANA, email: '', workshopIds: ['many'] });
    await submit(el);
    expect(summaryLinks(el)).to.deep.equal(['Zadajte e-mailovú adresu.']);
    expect(Object.keys(inlineErrors(el))).to.deep.equal(['email']);
    expect(input(el, 'givenName').hasAttribute('aria-invalid')).to.equal(false);
    expect(nodeName(focused(el))).to.equal(nodeName($(el, '.error-summary')));
  });

  it('keeps what was typed after a failed submit and a change of language', async () => {
    const { el } = await loaded();
    await fillForm(el, {
      givenName: 'Ján',
      familyName: 'Kováč',
      email: 'jan@',
      organizationType: 'university',
      role: 'Docent',
      workshopIds: ['one', 'many'],
    });
    await submit(el);
    const expectKept = () => {
      expect(input(el, 'givenName').value).to.equal('Ján');
      expect(input(el, 'familyName').value).to.equal('Kováč');
      expect(input(el, 'email').value).to.equal('jan@');
      expect(input(el, 'organization').value).to.equal('');
      expect(input(el, 'role').value).to.equal('Docent');
      expect(radio(el, 'university').checked).to.equal(true);
      expect(checkbox(el, 'one')!.checked).to.equal(true);
      expect(checkbox(el, 'few')!.checked).to.equal(false);
      expect(checkbox(el, 'many')!.checked).to.equal(true);
    };
    expectKept();
    expect(summaryLinks(el)).to.deep.equal([
      'Zadajte e-mailovú adresu v tvare meno@example.com.',
      'Zadajte názov organizácie.',
    ]);

    el.setAttribute('lang', 'en');
    await waitUntil(
      () => textOf(root(el).querySelector('.error-summary-title')) !== 'Vo formulári sú chyby',
    );
    await el.updateComplete;
    expectKept();
    expect(textOf($(el, '.error-summary-title'))).to.equal('There is a problem');
    expect(summaryLinks(el)).to.deep.equal([
      'Enter an email address in the correct format, like name@example.com.',
      'Enter the name of your organisation.',
    ]);
    expect(inlineErrors(el).email).to.equal(
      'Error: Enter an email address in the correct format, like name@example.com.',
    );
  });
});

describe('<workshop-signup> registering', () => {
  it('sends exactly the registration, in Slovak, and confirms with focus on the heading', async () => {
    const { api, el } = await loaded();
    await fillForm(el, { ...JANA, workshopIds: ['many', 'one'] });
    await submit(el);
    const heading = await until(el, '.success-title');

    expect(api.posts()).to.have.length(1);
    const post = api.posts()[0]!;
    expect(post.url).to.equal(`${API}/api/v1/series/${SLUG}/registrations`);
    expect(post.headers.get('content-type')).to.equal('application/json');
    expect(post.credentials).to.equal('omit');
    const [body] = await api.postBodies();
    expect(body).to.deep.equal({
      givenName: JANA.givenName,
      familyName: JANA.familyName,
      email: JANA.email,
      organizationType: JANA.organizationType,
      organization: JANA.organization,
      role: JANA.role,
      workshopIds: ['many', 'one'],
      locale: 'sk',
    });

    expect(textOf(heading)).to.equal('Skontrolujte e-mail');
    await waitUntil(() => focused(el) === heading, 'focus on the success heading');
    expect(nodeName(root(el).querySelector('form'))).to.equal(null);
    // Lists the chosen workshops in the order of the list.
    expect($$(el, '.success-list li strong').map(textOf)).to.deep.equal([
      'Posledné miesto',
      'Veľa miest',
    ]);
    expect(textOf($(el, '.success-list li'))).to.include('streda 2. decembra 2026, 10:00 – 12:00');
  });

  it('sends locale "en" and confirms in English with lang="en"', async () => {
    const { api, el } = await loaded('en');
    await fillForm(el, { ...JANA, role: '', workshopIds: ['few'] });
    await submit(el);
    const heading = await until(el, '.success-title');
    const [body] = await api.postBodies();
    expect(body!.locale).to.equal('en');
    expect(body!.role).to.equal('');
    expect(body!.workshopIds).to.deep.equal(['few']);
    expect(textOf(heading)).to.equal('Check your email');
  });

  it('fires workshop-signup-registered with the series and workshops, and no personal data', async () => {
    const { el } = await loaded();
    const events: CustomEvent[] = [];
    const listener = (e: Event) => events.push(e as CustomEvent);
    document.addEventListener('workshop-signup-registered', listener);
    try {
      await fillForm(el, { ...JANA, workshopIds: ['one'] });
      await submit(el);
      await until(el, '.success-title');
      await waitUntil(() => events.length > 0);
      expect(events).to.have.length(1);
      const [event] = events;
      expect(event!.bubbles).to.equal(true);
      expect(event!.composed).to.equal(true);
      expect(event!.detail).to.deep.equal({ series: SLUG, workshopIds: ['one'] });
      const json = JSON.stringify(event!.detail);
      for (const value of [
        JANA.givenName,
        JANA.familyName,
        JANA.email,
        JANA.organization,
        JANA.role,
      ]) {
        expect(json).to.not.include(value);
      }
    } finally {
      document.removeEventListener('workshop-signup-registered', listener);
    }
  });

  it('does not fire workshop-signup-ready again when it refreshes the list after registering', async () => {
    const { api, el } = await loaded();
    let ready = 0;
    el.addEventListener('workshop-signup-ready', () => ready++);
    await fillForm(el, { ...JANA, workshopIds: ['one'] });
    await submit(el);
    await until(el, '.success-title');
    // The quiet refresh after success is the second GET of the series.
    await waitUntil(() => api.gets().length >= 2);
    await aTimeout(20);
    expect(ready).to.equal(0);
  });

  it('sends one request however often the button is pressed while sending', async () => {
    const answer = deferred<Response>();
    const api = fakeApi({ register: () => answer.promise });
    const el = await renderSignup();
    await untilLoaded(el);
    await fillForm(el, { ...JANA, workshopIds: ['one'] });

    await submit(el);
    expect(textOf(submitButton(el))).to.equal('Odosiela sa…');
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    await submit(el);
    submitButton(el).click();
    await aTimeout(20);
    expect(api.posts()).to.have.length(1);

    answer.resolve(registrationAccepted(['one']));
    await until(el, '.success-title');
    expect(api.posts()).to.have.length(1);
  });

  it('refreshes the seats after registering, and starts afresh for another person', async () => {
    const { api, el } = await loaded();
    await fillForm(el, { ...JANA, workshopIds: ['one'] });
    await submit(el);
    await until(el, '.success-title');
    await waitUntil(() => api.gets().length === 2, 'the list is fetched again');

    $<HTMLButtonElement>(el, '.success button').click();
    await until(el, 'form');
    for (const field of TEXT_FIELDS) expect(input(el, field).value, field).to.equal('');
    expect(radio(el, 'municipality').checked).to.equal(false);
    expect(checkbox(el, 'one')!.checked).to.equal(false);
    await waitUntil(() => focused(el) === checkbox(el, 'one'), 'focus on the first control');
  });
});
