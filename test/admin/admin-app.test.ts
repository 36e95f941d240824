import { expect, waitUntil } from '@open-wc/testing';
import type { AdminApp } from '../../widget/admin/admin-app.js';
import { jsonResponse } from '../widget/fixtures.js';
import { TOKEN, renderApp, screen, until } from './fixtures.js';
import { useFakeAdminApi } from './harness.js';

const fakeAdminApi = useFakeAdminApi();

/** The focused element, inside shadow roots. */
function focused(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

const type = (input: HTMLInputElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('input'));
};

async function signInWith(app: AdminApp, token: string) {
  type((await until(app, '#token')) as HTMLInputElement, token);
  (screen(app).shadowRoot.querySelector('button[type="submit"]') as HTMLButtonElement).click();
}

describe('admin sign-in', () => {
  it('takes the token once, keeps it in sessionStorage, and sends it only as a header', async () => {
    const api = fakeAdminApi();
    const app = await renderApp('#/', 'sk', null);
    await signInWith(app, TOKEN);
    await until(app, 'table');
    expect(sessionStorage.getItem('workshop-signup-admin-token')).to.equal(TOKEN);
    expect(location.href).not.to.include(TOKEN);
    const authorized = api.requests.filter(
      (r) => r.headers.get('authorization') === `Bearer ${TOKEN}`,
    );
    expect(authorized.map((r) => new URL(r.url).pathname)).to.include('/api/v1/admin/series');
    expect(api.requests.every((r) => !r.url.includes(TOKEN))).to.equal(true);
  });

  it('says a wrong token is not valid, keeps what was typed, and stores nothing', async () => {
    fakeAdminApi();
    const app = await renderApp('#/', 'sk', null);
    await signInWith(app, 'wrong-token');
    const summary = await until(app, '.error-summary');
    expect(summary.textContent).to.include('token nie je platný');
    expect(focused()).to.equal(summary);
    expect((screen(app).shadowRoot.querySelector('#token') as HTMLInputElement).value).to.equal(
      'wrong-token',
    );
    expect(sessionStorage.getItem('workshop-signup-admin-token')).to.equal(null);
  });

  it('behind Cloudflare Access skips the sign-in and shows the person’s e-mail', async () => {
    const api = fakeAdminApi(
      { 'GET /me': () => jsonResponse({ actor: 'jana@mirri.gov.sk', via: 'access' }) },
      { access: true },
    );
    const app = await renderApp('#/', 'sk', null);
    await waitUntil(() => app.shadowRoot!.querySelector('.who'));
    expect(app.shadowRoot!.querySelector('.who')!.textContent).to.include('jana@mirri.gov.sk');
    expect(screen(app).localName).to.equal('ws-admin-home');
    await until(app, 'table');
    expect(api.requests.some((r) => r.headers.has('authorization'))).to.equal(false);
    // Access owns the session: signing out is Access's logout, not forgetting a token.
    const signOut = app.shadowRoot!.querySelector('header a[href="/cdn-cgi/access/logout"]');
    expect(signOut!.textContent).to.equal('Odhlásiť sa');
  });

  it('goes back to the sign-in when the API answers 401 (token revoked)', async () => {
    fakeAdminApi({
      'GET /series': () => jsonResponse({ error: { code: 'unauthorized', message: 'x' } }, 401),
    });
    const app = await renderApp('#/', 'sk');
    await waitUntil(() => screen(app)?.localName === 'ws-admin-sign-in', 'no sign-in');
    expect(sessionStorage.getItem('workshop-signup-admin-token')).to.equal(null);
  });
});

describe('admin routes', () => {
  it('moves focus to the new screen’s h1 and names it in the title', async () => {
    fakeAdminApi();
    const app = await renderApp('#/', 'sk');
    await until(app, 'table');
    location.hash = '#/audit';
    await waitUntil(
      () => focused()?.localName === 'h1' && focused()!.textContent === 'Záznam zmien',
      'focus not on the audit log’s h1',
    );
    expect(document.title).to.equal('Záznam zmien – Administrácia registrácie na workshopy');
  });

  it('switches to English and back, with <html lang>', async () => {
    fakeAdminApi();
    const app = await renderApp('#/', 'sk');
    await until(app, 'table');
    const toggle = app.shadowRoot!.querySelector('header button') as HTMLButtonElement;
    expect(toggle.getAttribute('lang')).to.equal('en');
    toggle.click();
    await waitUntil(
      () => screen(app).shadowRoot.querySelector('h1')?.textContent === 'Workshop series',
    );
    expect(document.documentElement.lang).to.equal('en');
    // A Slovak-only title on the English page is marked as Slovak.
    expect(screen(app).shadowRoot.querySelector('td a span[lang="sk"]')).to.not.equal(null);
    toggle.click();
    await waitUntil(
      () => screen(app).shadowRoot.querySelector('h1')?.textContent === 'Série workshopov',
    );
  });

  it('lists current series before the archive', async () => {
    fakeAdminApi();
    const app = await renderApp('#/', 'sk');
    await until(app, 'table');
    const tables = screen(app).shadowRoot.querySelectorAll('table');
    expect(tables.length).to.equal(2);
    expect(tables[0]!.textContent).to.include('Séria smart');
    expect(tables[1]!.textContent).to.include('Séria old');
  });

  it('downloads a CSV through fetch with the header, never a URL with the token', async () => {
    fakeAdminApi({
      'GET /series/smart/registrations.csv': (request) =>
        request.headers.get('authorization') === `Bearer ${TOKEN}`
          ? new Response('\ufeffa;b\r\n', {
              headers: {
                'content-type': 'text/csv',
                'content-disposition': 'attachment; filename="smart-2026-11-29.csv"',
              },
            })
          : new Response('', { status: 401 }),
    });
    const clicked: string[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(`${this.download} ${this.href}`);
    };
    try {
      const app = await renderApp('#/series/smart', 'sk');
      await until(app, 'section');
      const button = [...screen(app).shadowRoot.querySelectorAll('button')].find((b) =>
        b.textContent!.includes('CSV celej série'),
      )!;
      button.click();
      await waitUntil(() => clicked.length > 0);
      expect(clicked[0]).to.match(/^smart-2026-11-29\.csv blob:/);
      expect(clicked[0]).not.to.include(TOKEN);
      await until(app, '[role="status"]');
      await waitUntil(() =>
        screen(app)
          .shadowRoot.querySelector('[role="status"]')!
          .textContent!.includes('smart-2026'),
      );
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
  });

  it('names a series’ screen by its title, and sends failed e-mails again', async () => {
    const api = fakeAdminApi({
      'POST /series/smart/messages/retry': () => jsonResponse({ requeued: 1, dropped: 0 }),
    });
    const app = await renderApp('#/series/smart', 'en');
    await until(app, 'section');
    await waitUntil(() => document.title.startsWith('Séria'));
    expect(document.title).to.include('<script>');
    await waitUntil(() =>
      screen(app).shadowRoot.textContent!.includes('Emails that could not be sent: 1'),
    );
    const button = [...screen(app).shadowRoot.querySelectorAll('button')].find((b) =>
      b.textContent!.includes('Send the failed emails again'),
    )!;
    button.click();
    await waitUntil(() =>
      screen(app)
        .shadowRoot.querySelector('[role="status"]')!
        .textContent!.includes('Sent again: 1'),
    );
    expect(api.requests.some((r) => r.method === 'POST')).to.equal(true);
  });

  it('shows one series’ audit log when asked from the series', async () => {
    const api = fakeAdminApi();
    const app = await renderApp('#/audit?series=smart', 'en');
    await until(app, 'table');
    const audit = new URL(api.requests.find((r) => r.url.includes('/audit'))!.url);
    expect(audit.searchParams.get('series')).to.equal('smart');
    // An erased person's entry keeps no id of them.
    expect(screen(app).shadowRoot.querySelector('tbody')!.textContent).to.include('(erased)');
  });
});
