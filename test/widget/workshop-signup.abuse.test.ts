import { expect, waitUntil } from '@open-wc/testing';
import type { RegistrationRequest, SeriesResponse } from '../../widget/src/api.js';
import {
  TURNSTILE_SCRIPT,
  turnstileSource,
  type TurnstileApi,
  type TurnstileOptions,
} from '../../widget/src/turnstile.js';
import type { WorkshopSignup } from '../../widget/src/workshop-signup.js';
import { jsonResponse } from './fixtures.js';
import {
  JANA,
  cleanUp,
  fakeApi,
  fillForm,
  focused,
  renderSignup,
  submit,
  testSeries,
  textOf,
  until,
  untilLoaded,
} from './helpers.js';

const SITE_KEY = '1x00000000000000000000AA';

/** A series whose organizer turned Turnstile on (or not). */
const seriesWith = (siteKey?: string): SeriesResponse => {
  const series = testSeries();
  return siteKey ? { ...series, series: { ...series.series, turnstileSiteKey: siteKey } } : series;
};

/** Stands in for Turnstile's global: records what the widget asks, hands out tokens. */
function fakeTurnstile() {
  const calls = {
    render: [] as { container: HTMLElement; options: TurnstileOptions }[],
    reset: [] as (string | undefined)[],
    remove: [] as string[],
  };
  let issued = 0;
  const api: TurnstileApi = {
    render(container, options) {
      calls.render.push({ container, options });
      setTimeout(() => options.callback(`token-${++issued}`));
      return 'widget-1';
    },
    reset(id) {
      calls.reset.push(id);
      const last = calls.render.at(-1)!;
      setTimeout(() => last.options.callback(`token-${++issued}`));
    },
    remove(id) {
      calls.remove.push(id);
    },
  };
  window.turnstile = api;
  return calls;
}

/** Scripts the page got from Turnstile's origin (or the stand-in). */
const turnstileScripts = () =>
  [...document.querySelectorAll('script')].filter(
    (s) => s.src.startsWith('https://challenges.cloudflare.com') || s.src.startsWith('data:'),
  );

async function filledIn(
  siteKey: string | undefined,
  register?: (body: RegistrationRequest, index: number) => Response | Promise<Response>,
) {
  const api = fakeApi({ series: seriesWith(siteKey), register });
  const el = await renderSignup();
  await untilLoaded(el);
  await fillForm(el, { ...JANA, workshopIds: ['one'] });
  return { api, el };
}

/** The fake hands out its token a task after rendering (or resetting). */
const tokenIssued = () => new Promise((resolve) => setTimeout(resolve, 20));

const slotted = (el: WorkshopSignup) => el.querySelector<HTMLElement>('[slot="turnstile"]');

afterEach(() => {
  cleanUp();
  delete window.turnstile;
  turnstileSource.url = TURNSTILE_SCRIPT;
});

describe('<workshop-signup> when the network has too many unconfirmed registrations', () => {
  it('says what to do, keeps everything typed, and does not send again by itself', async () => {
    const { api, el } = await filledIn(undefined, () =>
      jsonResponse({ error: { code: 'too_many_pending', message: 'x' } }, 429),
    );
    await submit(el);
    const notice = await until(el, '.submit-failed');
    await waitUntil(() => focused(el) === notice, 'focus on the message');
    expect(textOf(notice)).to.include(
      'Z vašej siete čaká na potvrdenie viacero registrácií. Keď ich vaši kolegovia potvrdia',
    );
    expect(textOf(notice.querySelector('button'))).to.equal('Odoslať znova');
    expect(api.posts()).to.have.length(1);
    expect(
      (el.shadowRoot!.querySelector('input[name="email"]') as HTMLInputElement).value,
    ).to.equal(JANA.email);
  });
});

describe('<workshop-signup> and Cloudflare Turnstile', () => {
  it('is the only third-party script, from Cloudflare, rendered explicitly', () => {
    expect(TURNSTILE_SCRIPT).to.equal(
      'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit',
    );
  });

  it('loads nothing and renders nothing for a series without a site key', async () => {
    const calls = fakeTurnstile();
    const { api, el } = await filledIn(undefined);
    await submit(el);
    await until(el, '.success-title');
    expect(calls.render).to.have.length(0);
    expect(slotted(el)).to.equal(null);
    expect(turnstileScripts()).to.have.length(0);
    const [body] = await api.postBodies();
    expect(body).to.not.have.property('turnstileToken');
  });

  it('renders the check in the page (slotted into the form) and sends its token', async () => {
    const calls = fakeTurnstile();
    const { api, el } = await filledIn(SITE_KEY);
    await waitUntil(() => calls.render.length === 1, 'the check was rendered');
    const [{ container, options }] = calls.render;
    expect(container).to.equal(slotted(el));
    expect(container.parentElement).to.equal(el, 'in the light DOM, inside the widget');
    expect(el.shadowRoot!.querySelector('slot[name="turnstile"]')).to.not.equal(null);
    expect(options.sitekey).to.equal(SITE_KEY);
    expect(options.language).to.equal('sk');
    expect(turnstileScripts()).to.have.length(0, 'a page that has Turnstile already keeps it');

    await tokenIssued();
    await submit(el);
    await until(el, '.success-title');
    const [body] = await api.postBodies();
    expect(body!.turnstileToken).to.equal('token-1');
    expect(calls.remove).to.deep.equal(['widget-1'], 'gone with the form');
    expect(slotted(el)).to.equal(null);
  });

  it('asks for the check before sending when there is no token yet', async () => {
    const calls = fakeTurnstile();
    window.turnstile!.render = (container, options) => {
      calls.render.push({ container, options });
      return 'widget-1';
    };
    const { api, el } = await filledIn(SITE_KEY);
    await waitUntil(() => calls.render.length === 1);
    await submit(el);
    const notice = await until(el, '.submit-failed');
    expect(textOf(notice)).to.include('dokončite overenie, že nie ste robot');
    expect(api.posts()).to.have.length(0, 'nothing sent');
  });

  it('after a refused token, shows the check afresh and sends the new token', async () => {
    const calls = fakeTurnstile();
    const { api, el } = await filledIn(SITE_KEY, (_body, index) =>
      index === 0
        ? jsonResponse({ error: { code: 'turnstile_failed', message: 'x' } }, 403)
        : jsonResponse(
            { registration: { id: 'r1', status: 'pending', workshopIds: ['one'] } },
            201,
          ),
    );
    await waitUntil(() => calls.render.length === 1);
    await tokenIssued();
    await submit(el);
    const notice = await until(el, '.submit-failed');
    expect(textOf(notice)).to.include('dokončite overenie, že nie ste robot');
    expect(calls.reset).to.deep.equal(['widget-1']);
    await tokenIssued();
    await submit(el);
    await until(el, '.success-title');
    const bodies = await api.postBodies();
    expect(bodies.map((b) => b.turnstileToken)).to.deep.equal(['token-1', 'token-2']);
  });

  it('loads Turnstile’s script once, into the page, when the page does not have it', async () => {
    const fake = `window.turnstile = { render: (c, o) => { window.renderedFor = o.sitekey; return 'w'; }, reset() {}, remove() {} };`;
    turnstileSource.url = `data:text/javascript,${encodeURIComponent(fake)}`;
    fakeApi({ series: seriesWith(SITE_KEY) });
    const first = await renderSignup();
    const second = await renderSignup();
    await untilLoaded(first);
    await untilLoaded(second);
    await waitUntil(
      () => (window as unknown as { renderedFor?: string }).renderedFor === SITE_KEY,
      'rendered once loaded',
    );
    expect(turnstileScripts()).to.have.length(1);
    expect(turnstileScripts()[0]!.parentElement).to.equal(document.head);
  });
});
