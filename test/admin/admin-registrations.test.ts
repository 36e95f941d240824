import { expect, waitUntil } from '@open-wc/testing';
import { jsonResponse } from '../widget/fixtures.js';
import {
  cleanUpApp,
  message,
  registration,
  renderApp,
  screen,
  seriesDetail,
  until,
  workshop,
} from './fixtures.js';
import { button, useFakeAdminApi } from './harness.js';

const fakeAdminApi = useFakeAdminApi();

async function openList(hash = '#/series/smart/registrations', lang: 'sk' | 'en' = 'en') {
  const app = await renderApp(hash, lang);
  await until(app, 'table');
  return app;
}

describe('registrations screen', () => {
  it('asks before cancelling, says what will happen, and does nothing on “No”', async () => {
    const api = fakeAdminApi();
    const app = await openList();
    const opener = button(app, 'Cancel registration')!;
    opener.focus();
    opener.click();
    const confirm = await until(app, '.confirm');
    expect(confirm.textContent).to.include('jana@example.org is told by email');
    expect(screen(app).shadowRoot.activeElement!.id).to.equal('confirm-q');
    button(app, 'No, go back')!.click();
    await waitUntil(() => !screen(app).shadowRoot.querySelector('.confirm'));
    // Focus goes back where the organizer was.
    expect(screen(app).shadowRoot.activeElement).to.equal(opener);
    const changes = api.requests.filter(
      (r) => r.method !== 'GET' && !r.url.endsWith('/registrations/search'),
    );
    expect(changes).to.deep.equal([]);
  });

  it('cancels on “Yes”, tells the organizer, and reloads the list', async () => {
    const api = fakeAdminApi({
      'POST /registrations/r1/cancel': () =>
        jsonResponse({
          registration: registration({ status: 'cancelled' }),
          cancelledWorkshopIds: ['w1'],
        }),
    });
    const app = await openList();
    button(app, 'Cancel registration')!.click();
    await until(app, '.confirm');
    button(app, 'Yes, cancel the registration')!.click();
    const result = await until(app, '.result');
    expect(result.getAttribute('role')).to.equal('status');
    expect(result.textContent).to.include('is cancelled; they are told by email');
    const post = api.requests.find((r) => r.url.endsWith('/registrations/r1/cancel'))!;
    expect(await post.json()).to.deep.equal({});
    const lists = api.requests.filter((r) => r.url.endsWith('/registrations/search'));
    expect(lists.length).to.equal(2);
  });

  it('erases after saying it cannot be undone and the person is not told', async () => {
    const api = fakeAdminApi({
      'DELETE /registrations/r1': () => new Response(null, { status: 204 }),
    });
    const app = await openList();
    button(app, 'Erase')!.click();
    const confirm = await until(app, '.confirm');
    expect(confirm.textContent).to.include('cannot be undone');
    expect(confirm.textContent).to.include('They are not told');
    button(app, 'Yes, erase everything about them')!.click();
    await until(app, '.result');
    expect(api.requests.some((r) => r.method === 'DELETE')).to.equal(true);
  });

  it('shows the rows once the series is there too, with each seat’s short reminder', async () => {
    let answerSeries = () => {};
    const seriesAsked = new Promise<void>((resolve) => (answerSeries = resolve));
    fakeAdminApi({
      'GET /series/smart': async () => {
        await seriesAsked;
        return jsonResponse(seriesDetail());
      },
    });
    const app = await renderApp('#/series/smart/registrations', 'en');
    await waitUntil(() => screen(app)?.shadowRoot?.querySelector('form.search'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const early = screen(app).shadowRoot.querySelector('table');
    answerSeries();
    expect(Boolean(early), 'a table before the series came').to.equal(false);
    const table = await until(app, 'table');
    expect(table.textContent).to.include('Short reminder failed');
  });

  it('offers the join link only once the reminder window is open', async () => {
    fakeAdminApi();
    let app = await openList();
    expect(button(app, 'Resend join link')).to.not.equal(undefined);
    cleanUpApp();
    const later = seriesDetail();
    later.workshops = [
      workshop('w1', {
        startsAt: new Date(Date.now() + 72 * 3_600_000).toISOString(),
        endsAt: new Date(Date.now() + 74 * 3_600_000).toISOString(),
      }),
    ];
    fakeAdminApi({ 'GET /series/smart': () => jsonResponse(later) });
    app = await openList();
    expect(button(app, 'Resend join link')).to.equal(undefined);
    expect(button(app, 'Resend confirmation')).to.not.equal(undefined);
  });

  it('opens the join-link window at the series’ own lead time, not a fixed 24 hours', async () => {
    const inThreeDays = () => {
      const detail = seriesDetail();
      detail.workshops = [
        workshop('w1', {
          startsAt: new Date(Date.now() + 72 * 3_600_000).toISOString(),
          endsAt: new Date(Date.now() + 74 * 3_600_000).toISOString(),
        }),
      ];
      return detail;
    };
    const fourDays = inThreeDays();
    fourDays.series.reminders = { leadMinutes: 4 * 24 * 60, secondLeadMinutes: null };
    fakeAdminApi({ 'GET /series/smart': () => jsonResponse(fourDays) });
    let app = await openList();
    expect(button(app, 'Resend join link')).to.not.equal(undefined);
    cleanUpApp();
    const twoDays = inThreeDays();
    twoDays.series.reminders = { leadMinutes: 2 * 24 * 60, secondLeadMinutes: null };
    fakeAdminApi({ 'GET /series/smart': () => jsonResponse(twoDays) });
    app = await openList();
    expect(button(app, 'Resend join link')).to.equal(undefined);
  });

  it('resends the join link for that workshop and shows a refusal in words', async () => {
    const api = fakeAdminApi({
      'POST /registrations/r1/resend-join-link': () =>
        jsonResponse({ error: { code: 'recently_sent', message: 'x' } }, 429),
    });
    const app = await openList();
    button(app, 'Resend join link')!.click();
    await until(app, '.confirm');
    button(app, 'Yes, send the join link')!.click();
    const result = await until(app, '.result');
    expect(result.textContent).to.include('less than a minute ago');
    const post = api.requests.find((r) => r.url.endsWith('/resend-join-link'))!;
    expect(await post.json()).to.deep.equal({ workshopId: 'w1' });
  });

  it('searches with the words, the status and the workshop', async () => {
    const api = fakeAdminApi();
    const app = await openList('#/series/smart/registrations?workshop=w1');
    const q = screen(app).shadowRoot.querySelector('#q') as HTMLInputElement;
    q.value = 'novakova';
    q.dispatchEvent(new Event('input'));
    const status = screen(app).shadowRoot.querySelector('#status') as HTMLSelectElement;
    status.value = 'confirmed';
    status.dispatchEvent(new Event('change'));
    (screen(app).shadowRoot.querySelector('form button') as HTMLButtonElement).click();
    const searches = () => api.requests.filter((r) => r.url.endsWith('/registrations/search'));
    await waitUntil(() => searches().length === 2);
    const searched = searches()[1]!;
    expect(searched.method).to.equal('POST');
    expect(await searched.clone().json()).to.deep.equal({
      workshop: 'w1',
      q: 'novakova',
      status: 'confirmed',
    });
    // The words never reach a URL (logs and proxies keep URLs).
    expect(api.requests.some((r) => r.url.includes('novakova'))).to.equal(false);
  });

  it('opens one person with every email to them and why one failed', async () => {
    fakeAdminApi();
    const app = await openList();
    (screen(app).shadowRoot.querySelector('a.person') as HTMLAnchorElement).click();
    await waitUntil(() => screen(app)?.localName === 'ws-admin-registration-detail');
    const table = await until(app, 'table');
    expect(location.hash).to.equal('#/series/smart/registrations/r1');
    expect(table.textContent).to.include('Join link');
    expect(table.textContent).to.include('Failed');
    expect(table.textContent).to.include('smtp 550');
    expect(screen(app).shadowRoot.querySelector('h1')!.textContent).to.include('<img');
  });

  it('names the waiting list’s emails to one person, in both languages', async () => {
    fakeAdminApi({
      'GET /registrations/r1': () =>
        jsonResponse({
          registration: registration(),
          messages: [
            message({ id: 'm2', kind: 'line_cancelled', status: 'sent' }),
            message({ id: 'm3', kind: 'offer_reminder', status: 'sent' }),
          ],
        }),
    });
    for (const [lang, names] of [
      ['en', ['Workshop cancelled, to those in line', 'Reminder of an offered seat']],
      ['sk', ['Workshop zrušený, ľuďom v\u00a0poradí', 'Pripomienka ponuky miesta']],
    ] as const) {
      const app = await renderApp('#/series/smart/registrations/r1', lang);
      const text = (await until(app, 'table')).textContent!;
      for (const name of names) expect(text).to.include(name);
      expect(text).not.to.match(/line_cancelled|offer_reminder/);
    }
  });
});
