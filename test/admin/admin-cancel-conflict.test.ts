import { expect, waitUntil } from '@open-wc/testing';
import { jsonResponse } from '../widget/fixtures.js';
import { cancelPreview, renderApp, screen, until, workshop } from './fixtures.js';
import { useFakeAdminApi } from './harness.js';

const fakeAdminApi = useFakeAdminApi();

const conflict = () => jsonResponse({ error: { code: 'edit_conflict', message: 'x' } }, 412);

/** The cancel preview's answer: w1 as stored now, at this version and start. */
const previewWith = (version: string, startsAt: string) =>
  jsonResponse(cancelPreview({ version, startsAt }));

const yesButton = (app: Parameters<typeof screen>[0]) =>
  screen(app).shadowRoot.querySelector('.button--warning') as HTMLButtonElement;

/**
 * Cancelling a workshop from a page read before someone moved or changed it: the page sends the
 * version its warning was read with, and the API's 412 is shown as a stale edit is — GOV.UK's
 * error summary, "Load the current version", then the warning as it is now.
 */
describe('cancelling a workshop from an outdated page', () => {
  it('sends If-Match; a stale one is said in the summary, nothing is left, the current version loads on request', async () => {
    const first = new Date(Date.UTC(2026, 11, 4, 9)).toISOString();
    const moved = new Date(Date.UTC(2026, 11, 5, 13)).toISOString();
    let stored = { version: '"1"', startsAt: first };
    const api = fakeAdminApi({
      'GET /workshops/w1/cancel-preview': () => previewWith(stored.version, stored.startsAt),
      'POST /workshops/w1/cancel': (request) =>
        request.headers.get('if-match') === stored.version
          ? jsonResponse({ workshop: workshop('w1', { cancelledAt: new Date().toISOString() }) })
          : conflict(),
    });
    const app = await renderApp('#/series/smart/workshops/w1/cancel', 'en');
    await until(app, '.button--warning');
    // Meanwhile another organizer moved the workshop.
    stored = { version: '"2"', startsAt: moved };
    yesButton(app).click();

    const summary = await until(app, '.error-summary');
    expect(summary.textContent).to.include('There is a problem');
    expect(summary.textContent).to.include(
      'Someone else changed this workshop after you opened this page, so it was not cancelled',
    );
    expect(screen(app).shadowRoot.activeElement).to.equal(summary);
    const post = api.requests.find((r) => r.method === 'POST')!;
    expect(post.headers.get('if-match')).to.equal('"1"');
    expect(location.hash).to.equal('#/series/smart/workshops/w1/cancel');
    expect(screen(app).shadowRoot.textContent).to.include('Nothing was cancelled');

    summary.querySelector('a')!.click();
    const load = screen(app).shadowRoot.activeElement as HTMLButtonElement;
    expect(load.id).to.equal('load-current');
    expect(load.textContent).to.include('Load the current version');
    load.click();
    const reloaded = await until(app, '.reloaded');
    expect(screen(app).shadowRoot.activeElement).to.equal(reloaded);
    expect(reloaded.textContent).to.include('current version of the workshop');
    expect(screen(app).shadowRoot.querySelector('.error-summary')).to.equal(null);
    expect(screen(app).shadowRoot.textContent).to.include('05/12/2026');
    await expect(app).to.be.accessible();

    yesButton(app).click();
    await waitUntil(() => location.hash === '#/series/smart', 'the second try did not go through');
    const second = api.requests.filter((r) => r.method === 'POST')[1]!;
    expect(second.headers.get('if-match')).to.equal('"2"');
  });

  it('in Slovak, the same pattern in Slovak words', async () => {
    fakeAdminApi({ 'POST /workshops/w1/cancel': conflict });
    const app = await renderApp('#/series/smart/workshops/w1/cancel', 'sk');
    await until(app, '.button--warning');
    yesButton(app).click();
    const summary = await until(app, '.error-summary');
    expect(summary.textContent).to.include('Vyskytol sa problém');
    expect(summary.textContent).to.include(
      'Workshop medzitým zmenil niekto iný, preto sa nezrušil',
    );
    const load = screen(app).shadowRoot.querySelector('#load-current')!;
    expect(load.textContent).to.include('Načítať aktuálnu verziu');
    expect(screen(app).shadowRoot.textContent).to.include('Nič sa nezrušilo');
    await expect(app).to.be.accessible();
  });

  it('another failure (the connection dropped) is the alert, not the summary', async () => {
    fakeAdminApi({ 'POST /workshops/w1/cancel': () => Promise.reject(new TypeError('offline')) });
    const app = await renderApp('#/series/smart/workshops/w1/cancel', 'en');
    await until(app, '.button--warning');
    yesButton(app).click();
    await until(app, '.failure');
    expect(screen(app).shadowRoot.querySelector('.error-summary')).to.equal(null);
    expect(screen(app).shadowRoot.querySelector('#load-current')).to.equal(null);
  });
});

describe('the audit log of a series edit', () => {
  const entry = {
    id: '4',
    at: new Date().toISOString(),
    actor: 'jana@mirri.gov.sk',
    action: 'series.update',
    series: 'smart',
    target: { type: 'series', id: 'smart' },
    detail: { fields: ['retentionDays', 'turnstile', 'reminders'] },
  };

  it('names the fields that changed, in both languages', async () => {
    fakeAdminApi({ 'GET /audit': () => jsonResponse({ entries: [entry], next: null }) });
    const en = await renderApp('#/audit', 'en');
    expect((await until(en, 'tbody')).textContent).to.include(
      'Changed: how long personal data is kept, Cloudflare Turnstile, join-link emails',
    );
    fakeAdminApi({ 'GET /audit': () => jsonResponse({ entries: [entry], next: null }) });
    const sk = await renderApp('#/audit', 'sk');
    expect((await until(sk, 'tbody')).textContent).to.include(
      'Zmenené: doba uchovávania osobných údajov, Cloudflare Turnstile, e-maily s\u00a0odkazom na pripojenie',
    );
  });
});
