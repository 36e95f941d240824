import { expect, waitUntil } from '@open-wc/testing';
import type { AdminApp } from '../../widget/admin/admin-app.js';
import { jsonResponse } from '../widget/fixtures.js';
import { renderApp, screen, until, workshop } from './fixtures.js';
import {
  NEW_WORKSHOP,
  button,
  cutShort,
  dropsFirst,
  fill,
  submit,
  useFakeAdminApi,
} from './harness.js';
import { waitlist } from './waitlist-fixtures.js';

/**
 * A dropped connection (wrangler dev's proxy under load, a train going into a tunnel) never leaves
 * a screen "loading" for ever: a read is tried once more by itself, then the screen says what
 * happened in a focused alert with "Try again", and nothing the organizer typed is lost.
 */
const fakeAdminApi = useFakeAdminApi();

const LINE = '#/series/smart/workshops/w1/waitlist';
const line = () => jsonResponse({ waitlist: waitlist() });

const TEXT = {
  en: { unreachable: 'The server could not be reached.', retry: 'Try again' },
  sk: { unreachable: 'Server je nedostupný.', retry: 'Skúsiť znova' },
};

const failure = (app: AdminApp) => screen(app).shadowRoot.querySelector('.failure');
const asked = (api: ReturnType<typeof fakeAdminApi>, method: string, path: string) =>
  api.requests.filter((r) => r.method === method && new URL(r.url).pathname.endsWith(path)).length;

describe('admin page when the connection drops', () => {
  it('tries a read once more by itself: one lost answer is never seen', async () => {
    const api = fakeAdminApi({ 'GET /workshops/w1/waitlist': dropsFirst(1, line) });
    const app = await renderApp(LINE, 'en');
    await until(app, 'tbody tr');
    expect(failure(app)).to.equal(null);
    expect(asked(api, 'GET', '/workshops/w1/waitlist')).to.equal(2);
  });

  it('also when the answer is cut off halfway, or a gateway gives up (502)', async () => {
    let lists = 0;
    const api = fakeAdminApi({
      'GET /series': () => (++lists === 1 ? cutShort() : jsonResponse({ series: [] })),
    });
    const home = await renderApp('#/', 'en');
    await until(home, 'h2');
    expect(failure(home)).to.equal(null);
    expect(asked(api, 'GET', '/series')).to.equal(2);
    let audits = 0;
    fakeAdminApi({
      'GET /audit': () =>
        ++audits === 1
          ? jsonResponse({ error: { code: 'bad_gateway', message: 'x' } }, 502)
          : jsonResponse({ entries: [], next: null }),
    });
    const log = await renderApp('#/audit', 'en');
    await waitUntil(() => screen(log)?.shadowRoot?.textContent?.includes('Nothing recorded yet.'));
    expect(failure(log)).to.equal(null);
    expect(audits).to.equal(2);
  });

  for (const lang of ['en', 'sk'] as const) {
    it(`says so in an alert with “Try again”, which loads the screen (${lang})`, async () => {
      const api = fakeAdminApi({ 'GET /workshops/w1/waitlist': dropsFirst(2, line) });
      const app = await renderApp(LINE, lang);
      const alert = await until(app, '.failure');
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.textContent).to.include(TEXT[lang].unreachable);
      await waitUntil(() => screen(app).shadowRoot.activeElement === alert, 'alert not focused');
      expect(screen(app).shadowRoot.querySelector('tbody')).to.equal(null);
      button(app, TEXT[lang].retry)!.click();
      await until(app, 'tbody tr');
      expect(failure(app)).to.equal(null);
      expect(asked(api, 'GET', '/workshops/w1/waitlist')).to.equal(3);
      expect(screen(app).shadowRoot.activeElement!.localName).to.equal('h1');
    });
  }

  it('offers “Try again” on every screen that loads, not only the waiting list', async () => {
    for (const hash of ['#/', '#/series/smart', '#/series/smart/edit', '#/audit']) {
      fakeAdminApi({
        'GET /series': dropsFirst(2, () => jsonResponse({ series: [] })),
        'GET /series/smart': dropsFirst(2, () => new Response()),
        'GET /audit': dropsFirst(2, () => new Response()),
      });
      const app = await renderApp(hash, 'en');
      await until(app, '.failure button');
      expect(screen(app).shadowRoot.textContent).not.to.include('Loading…');
    }
  });

  it('does not offer “Try again” where it cannot help (a series that does not exist)', async () => {
    fakeAdminApi({
      'GET /series/gone': () =>
        jsonResponse({ error: { code: 'series_not_found', message: 'x' } }, 404),
    });
    const app = await renderApp('#/series/gone', 'en');
    const alert = await until(app, '.failure');
    expect(alert.textContent).to.include('This series does not exist.');
    expect(alert.querySelector('button')).to.equal(null);
  });

  it('keeps every value typed when saving fails, says the change may not be made, sends once', async () => {
    const api = fakeAdminApi({
      'POST /series/smart/workshops': dropsFirst(1, () =>
        jsonResponse({ workshop: workshop('new') }, 201),
      ),
    });
    const app = await renderApp('#/series/smart/workshops/new', 'en');
    const typed = NEW_WORKSHOP;
    await fill(app, typed);
    submit(app);
    const alert = await until(app, '.failure');
    expect(alert.textContent).to.include('may or may not have been made');
    expect(alert.querySelector('button')).to.equal(null);
    await waitUntil(() => screen(app).shadowRoot.activeElement === alert, 'alert not focused');
    expect(asked(api, 'POST', '/series/smart/workshops')).to.equal(1);
    for (const [id, value] of Object.entries(typed))
      expect((screen(app).shadowRoot.getElementById(id) as HTMLInputElement).value).to.equal(value);
    submit(app);
    await waitUntil(() => location.hash === '#/series/smart', 'not saved the second time');
    expect(asked(api, 'POST', '/series/smart/workshops')).to.equal(2);
  });

  it('after “Yes”, a lost answer is a warning and the line is shown as it is now', async () => {
    const api = fakeAdminApi({
      'POST /workshops/w1/waitlist/q1/promote': dropsFirst(9, line),
    });
    const app = await renderApp(LINE, 'en');
    await until(app, 'tbody tr');
    button(app, 'Move into the workshop')!.click();
    await until(app, '.confirm button');
    button(app, 'Yes, move them in')!.click();
    const result = await until(app, '.result');
    expect(result.classList.contains('notice--warning')).to.equal(true);
    expect(result.textContent).to.include('may or may not have been made');
    expect(asked(api, 'POST', '/promote')).to.equal(1);
    expect(asked(api, 'GET', '/workshops/w1/waitlist')).to.equal(2);
  });

  it('says the server is unreachable as the page opens, not “sign in”; Try again signs in', async () => {
    fakeAdminApi({ 'GET /me': dropsFirst(2, () => jsonResponse({ actor: 'x', via: 'token' })) });
    const app = await renderApp('#/', 'sk');
    await waitUntil(() => app.shadowRoot!.querySelector('.failure'), 'no alert');
    const shown = app.shadowRoot!.querySelector('.failure')!;
    expect(shown.getAttribute('role')).to.equal('alert');
    expect(shown.textContent).to.include(TEXT.sk.unreachable);
    expect(app.shadowRoot!.querySelector('ws-admin-sign-in')).to.equal(null);
    expect(sessionStorage.getItem('workshop-signup-admin-token')).to.not.equal(null);
    shown.querySelector('button')!.click();
    await until(app, 'table');
  });
});
