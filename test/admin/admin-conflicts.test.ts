import { expect, waitUntil } from '@open-wc/testing';
import { jsonResponse } from '../widget/fixtures.js';
import { renderApp, screen, seriesDetail, until, workshop } from './fixtures.js';
import { NEW_SERIES, fill, submit, useFakeAdminApi } from './harness.js';

const fakeAdminApi = useFakeAdminApi();

const conflict = () => jsonResponse({ error: { code: 'edit_conflict', message: 'x' } }, 412);

/** The series page's answer: w1 as stored now, at this version and capacity. */
const seriesWith = (version: string, capacity: number) => {
  const detail = seriesDetail();
  detail.workshops = [workshop('w1', { version, capacity })];
  return jsonResponse(detail);
};

const field = (app: Parameters<typeof screen>[0], id: string) =>
  screen(app).shadowRoot.querySelector(`#${id}`) as HTMLInputElement;

/**
 * Two organizers, two tabs: the page sends the version its form was filled from, and a save the
 * API refuses as stale (412 edit_conflict) is shown in GOV.UK's error summary, keeps everything
 * typed, and offers to load the current version.
 */
describe('an edit made on an outdated copy', () => {
  it('workshop: says so in the summary, keeps what was typed, loads the current version on request', async () => {
    let stored = { version: '"1"', capacity: 30 };
    const api = fakeAdminApi({
      'GET /series/smart': () => seriesWith(stored.version, stored.capacity),
      'PATCH /workshops/w1': (request) =>
        request.headers.get('if-match') === stored.version
          ? jsonResponse({ workshop: workshop('w1') })
          : conflict(),
    });
    const app = await renderApp('#/series/smart/workshops/w1/edit', 'en');
    await fill(app, { capacity: '40' });
    // Meanwhile another tab saved a capacity of 45.
    stored = { version: '"2"', capacity: 45 };
    submit(app);
    const summary = await until(app, '.error-summary');
    expect(summary.textContent).to.include('There is a problem');
    expect(summary.textContent).to.include(
      'Someone else saved changes to this workshop after you opened it, so your changes were not saved',
    );
    expect(screen(app).shadowRoot.activeElement).to.equal(summary);
    const patch = api.requests.find((r) => r.method === 'PATCH')!;
    expect(patch.headers.get('if-match')).to.equal('"1"');
    expect(field(app, 'capacity').value).to.equal('40');
    expect(location.hash).to.equal('#/series/smart/workshops/w1/edit');

    // The summary's link leads to the way out.
    summary.querySelector('a')!.click();
    const load = screen(app).shadowRoot.activeElement as HTMLButtonElement;
    expect(load.id).to.equal('load-current');
    expect(load.textContent).to.include('Load the current version');
    load.click();
    await until(app, '.reloaded');
    expect(field(app, 'capacity').value).to.equal('45');
    expect(screen(app).shadowRoot.querySelector('.error-summary')).to.equal(null);
    expect(screen(app).shadowRoot.activeElement!.textContent).to.include('current version');

    await fill(app, { capacity: '50' });
    submit(app);
    await waitUntil(() => location.hash === '#/series/smart', 'the second save did not go through');
    const second = api.requests.filter((r) => r.method === 'PATCH')[1]!;
    expect(second.headers.get('if-match')).to.equal('"2"');
    expect(await second.json()).to.deep.equal({ capacity: 50 });
  });

  it('in Slovak, the same pattern in Slovak words', async () => {
    fakeAdminApi({ 'PATCH /workshops/w1': conflict });
    const app = await renderApp('#/series/smart/workshops/w1/edit', 'sk');
    await fill(app, { capacity: '40' });
    submit(app);
    const summary = await until(app, '.error-summary');
    expect(summary.textContent).to.include(
      'Workshop medzitým zmenil niekto iný, preto sa vaše zmeny neuložili',
    );
    const load = screen(app).shadowRoot.querySelector('#load-current')!;
    expect(load.textContent).to.include('Načítať aktuálnu verziu');
    expect(field(app, 'capacity').value).to.equal('40');
    await expect(app).to.be.accessible();
  });

  it('series: an edit sends If-Match; a stale one is shown the same way', async () => {
    const api = fakeAdminApi({ 'PUT /series/smart': conflict });
    const app = await renderApp('#/series/smart/edit', 'en');
    await fill(app, { 'organizer-name': 'Iný organizátor' });
    submit(app);
    const summary = await until(app, '.error-summary');
    expect(summary.textContent).to.include('Someone else saved changes to this series');
    const put = api.requests.find((r) => r.method === 'PUT')!;
    expect(put.headers.get('if-match')).to.equal('"1"');
    expect(field(app, 'organizer-name').value).to.equal('Iný organizátor');
    await expect(app).to.be.accessible();
  });

  it('series: a new one is only created (If-None-Match), a taken address name is said at the field', async () => {
    const api = fakeAdminApi({
      'PUT /series/obec-2026': () =>
        jsonResponse({ error: { code: 'series_exists', message: 'x' } }, 412),
    });
    const app = await renderApp('#/series/new', 'sk');
    await fill(app, NEW_SERIES);
    submit(app);
    const summary = await until(app, '.error-summary');
    expect(summary.textContent).to.include('Séria s\u00a0týmto názvom do adresy už existuje');
    expect(api.requests.find((r) => r.method === 'PUT')!.headers.get('if-none-match')).to.equal(
      '*',
    );
    expect(field(app, 'slug').getAttribute('aria-describedby')).to.include('slug-error');
    expect(field(app, 'slug').value).to.equal('obec-2026');
  });
});

describe('a series address name typed into the address bar', () => {
  const malformed = () =>
    jsonResponse(
      { error: { code: 'validation', message: 'x', fields: { slug: 'invalid_format' } } },
      422,
    );

  it('that is not an address name at all: says so, in English', async () => {
    fakeAdminApi({ 'GET /series/Akcny_Plan': malformed });
    const app = await renderApp('#/series/Akcny_Plan', 'en');
    const alert = await until(app, '.failure');
    expect(alert.textContent).to.include('No series has this address name');
    expect(alert.textContent).to.include('lower-case letters');
    expect(alert.textContent).not.to.include('not valid.');
  });

  it('and in Slovak, on the embed configurator too', async () => {
    fakeAdminApi({ 'GET /series/Akcny_Plan': malformed });
    const app = await renderApp('#/embed?series=Akcny_Plan', 'sk');
    const alert = await until(app, '.failure');
    expect(alert.textContent).to.include('Žiadna séria nemá tento názov do adresy');
  });
});

describe('the audit log of an edit', () => {
  const entry = {
    id: '3',
    at: new Date().toISOString(),
    actor: 'jana@mirri.gov.sk',
    action: 'workshop.update',
    series: 'smart',
    target: { type: 'workshop', id: 'w1' },
    detail: { timeChanged: false, linkChanged: false, fields: ['capacity', 'title'] },
  };

  it('names the fields that changed, in both languages', async () => {
    fakeAdminApi({ 'GET /audit': () => jsonResponse({ entries: [entry], next: null }) });
    const en = await renderApp('#/audit', 'en');
    expect((await until(en, 'tbody')).textContent).to.include('Changed: number of seats, title');
    fakeAdminApi({ 'GET /audit': () => jsonResponse({ entries: [entry], next: null }) });
    const sk = await renderApp('#/audit', 'sk');
    expect((await until(sk, 'tbody')).textContent).to.include('Zmenené: počet miest, názov');
  });
});
