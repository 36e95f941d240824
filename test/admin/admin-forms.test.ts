import { expect, waitUntil } from '@open-wc/testing';
import { fromWallClock, toWallClock } from '../../widget/admin/time.js';
import { jsonResponse } from '../widget/fixtures.js';
import { renderApp, screen, until, workshop } from './fixtures.js';
import { NEW_WORKSHOP, fill, submit, useFakeAdminApi } from './harness.js';

const fakeAdminApi = useFakeAdminApi();

describe('Bratislava wall-clock time', () => {
  it('converts to the instant in winter and in summer time', () => {
    expect(fromWallClock('2026-12-02', '10:00')).to.equal('2026-12-02T09:00:00.000Z');
    expect(fromWallClock('2026-06-10', '10:00')).to.equal('2026-06-10T08:00:00.000Z');
  });

  it('handles the DST changes: the skipped hour does not exist, the repeated one is summer time', () => {
    expect(fromWallClock('2026-03-29', '02:30')).to.equal(null);
    expect(fromWallClock('2026-03-29', '03:00')).to.equal('2026-03-29T01:00:00.000Z');
    expect(fromWallClock('2026-10-25', '02:30')).to.equal('2026-10-25T00:30:00.000Z');
    expect(fromWallClock('2026-10-25', '03:30')).to.equal('2026-10-25T02:30:00.000Z');
  });

  it('shows an instant back as the same wall-clock time', () => {
    for (const [date, time] of [
      ['2026-03-28', '23:15'],
      ['2026-03-29', '04:00'],
      ['2026-10-25', '01:59'],
      ['2027-01-01', '00:00'],
    ] as const) {
      expect(toWallClock(fromWallClock(date, time)!)).to.deep.equal({ date, time });
    }
  });
});

describe('workshop form', () => {
  it('adds a workshop with the instants of the Bratislava times entered', async () => {
    const api = fakeAdminApi({
      'POST /series/smart/workshops': () => jsonResponse({ workshop: workshop('new') }, 201),
    });
    const app = await renderApp('#/series/smart/workshops/new');
    await fill(app, {
      'title-sk': 'Dáta v obciach',
      'start-date': '2026-03-29',
      'start-time': '01:30',
      'end-time': '04:00',
      capacity: '25',
      'join-url': 'https://meet.example.org/a',
    });
    submit(app);
    await waitUntil(() => location.hash === '#/series/smart', 'not back on the series page');
    const post = api.requests.find((r) => r.method === 'POST')!;
    const body = await post.json();
    expect(body.startsAt).to.equal('2026-03-29T00:30:00.000Z');
    expect(body.endsAt).to.equal('2026-03-29T02:00:00.000Z');
    expect(body.capacity).to.equal(25);
    expect(body.title).to.deep.equal({ sk: 'Dáta v obciach', en: '' });
    expect(body).not.to.have.property('registrationClosesAt');
  });

  it('shows the API’s refusal beside the field, in the summary, keeping what was typed', async () => {
    fakeAdminApi({
      'POST /series/smart/workshops': () =>
        jsonResponse(
          { error: { code: 'validation', message: 'x', fields: { joinUrl: 'invalid_url' } } },
          422,
        ),
    });
    const app = await renderApp('#/series/smart/workshops/new', 'en');
    await fill(app, NEW_WORKSHOP);
    submit(app);
    const summary = await until(app, '.error-summary');
    expect(summary.textContent).to.include('This value is not valid');
    const link = summary.querySelector('a')!;
    link.click();
    expect(screen(app).shadowRoot.activeElement!.id).to.equal('join-url');
    const field = screen(app).shadowRoot.querySelector('#join-url') as HTMLInputElement;
    expect(field.value).to.equal('https://meet.example.org/a');
    expect(field.getAttribute('aria-describedby')).to.include('join-url-error');
    expect(location.hash).to.equal('#/series/smart/workshops/new');
  });

  it('refuses an end before the start and a time that does not exist, before sending', async () => {
    const api = fakeAdminApi();
    const app = await renderApp('#/series/smart/workshops/new', 'en');
    await fill(app, {
      ...NEW_WORKSHOP,
      'start-date': '2026-03-29',
      'start-time': '02:30',
      'end-time': '01:00',
      'join-url': 'http://not-https.example.org',
    });
    submit(app);
    const summary = await until(app, '.error-summary');
    expect(summary.textContent).to.include('does not exist in Bratislava');
    expect(summary.textContent).to.include('starting with https://');
    expect(api.requests.some((r) => r.method === 'POST')).to.equal(false);
  });

  it('on an edit sends only what changed', async () => {
    const api = fakeAdminApi({
      'PATCH /workshops/w1': () => jsonResponse({ workshop: workshop('w1') }),
    });
    const app = await renderApp('#/series/smart/workshops/w1/edit');
    await fill(app, { capacity: '40' });
    submit(app);
    await waitUntil(() => location.hash === '#/series/smart');
    const patch = api.requests.find((r) => r.method === 'PATCH')!;
    expect(await patch.json()).to.deep.equal({ capacity: 40 });
  });
});

describe('series form', () => {
  it('creates a series with Slovak only, origins one per line', async () => {
    const api = fakeAdminApi({
      'PUT /series/obec-2026': () => jsonResponse({ series: {} }, 201),
    });
    const app = await renderApp('#/series/new');
    await fill(app, {
      slug: 'obec-2026',
      'title-sk': 'Obecné dielne',
      'organizer-name': 'Obec',
      'organizer-email': 'obec@example.org',
      'privacy-url': 'https://obec.example.org/gdpr',
      'allowed-origins': 'https://www.obec.sk\nhttps://obec.sk',
    });
    submit(app);
    await waitUntil(() => location.hash === '#/series/obec-2026');
    const body = await api.requests.find((r) => r.method === 'PUT')!.json();
    expect(body.title).to.deep.equal({ sk: 'Obecné dielne', en: '' });
    expect(body.allowedOrigins).to.deep.equal(['https://www.obec.sk', 'https://obec.sk']);
    expect(body.retentionDays).to.equal(30);
    expect(body.turnstile).to.equal(null);
  });

  it('says what is missing, in Slovak, each linked to its field', async () => {
    fakeAdminApi();
    const app = await renderApp('#/series/new');
    await until(app, 'form');
    submit(app);
    const summary = await until(app, '.error-summary');
    const items = [...summary.querySelectorAll('a')].map((a) => a.textContent);
    expect(items).to.include('Zadajte názov v\u00a0slovenčine');
    expect(items.length).to.be.greaterThan(3);
    const field = screen(app).shadowRoot.querySelector('#title-sk')!.closest('.field')!;
    expect(field.classList.contains('field--error')).to.equal(true);
  });
});
