import { expect, waitUntil } from '@open-wc/testing';
import type { AdminApp } from '../../widget/admin/admin-app.js';
import { jsonResponse } from '../widget/fixtures.js';
import { cleanUpApp, renderApp, screen, seriesDetail, until, workshop } from './fixtures.js';
import { NEW_SERIES, NEW_WORKSHOP, fill, submit, useFakeAdminApi } from './harness.js';

/** The reminder schedule on the series form, the waiting list and follow-up on the workshop form. */
const fakeAdminApi = useFakeAdminApi();

async function tick(app: AdminApp, id: string) {
  ((await until(app, `#${id}`)) as HTMLInputElement).click();
  await (screen(app) as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

const summaryItems = async (app: AdminApp) =>
  [...(await until(app, '.error-summary')).querySelectorAll('a')].map((a) => a.textContent);

describe('series form: reminder schedule', () => {
  it('a new series sends the join link 24 hours before, with no second reminder', async () => {
    const api = fakeAdminApi({ 'PUT /series/obec-2026': () => jsonResponse({ series: {} }, 201) });
    const app = await renderApp('#/series/new');
    await fill(app, NEW_SERIES);
    expect(((await until(app, '#lead-hours')) as HTMLInputElement).value).to.equal('24');
    expect(screen(app).shadowRoot.querySelector('#second-minutes')).to.equal(null);
    submit(app);
    await waitUntil(() => location.hash === '#/series/obec-2026');
    const body = await api.requests.find((r) => r.method === 'PUT')!.json();
    expect(body.reminders).to.deep.equal({ leadMinutes: 1440, secondLeadMinutes: null });
  });

  it('shows the stored schedule and saves a changed one (hours with a decimal comma)', async () => {
    const api = fakeAdminApi({ 'PUT /series/smart': () => jsonResponse({ series: {} }) });
    const app = await renderApp('#/series/smart/edit');
    expect(((await until(app, '#lead-hours')) as HTMLInputElement).value).to.equal('24');
    expect(((await until(app, '#second-reminder')) as HTMLInputElement).checked).to.equal(true);
    expect(((await until(app, '#second-minutes')) as HTMLInputElement).value).to.equal('60');
    await fill(app, { 'lead-hours': '1,5', 'second-minutes': '30' });
    submit(app);
    await waitUntil(() => location.hash === '#/series/smart');
    const body = await api.requests.find((r) => r.method === 'PUT')!.json();
    expect(body.reminders).to.deep.equal({ leadMinutes: 90, secondLeadMinutes: 30 });
  });

  it('refuses a second reminder not after the first, linked to its field, sending nothing', async () => {
    const api = fakeAdminApi();
    const app = await renderApp('#/series/new', 'en');
    await fill(app, { ...NEW_SERIES, 'lead-hours': '0.5' });
    await tick(app, 'second-reminder');
    await fill(app, { 'second-minutes': '45' });
    submit(app);
    const items = await summaryItems(app);
    expect(items).to.include('The second reminder must come later than the first one');
    const summary = await until(app, '.error-summary');
    expect(screen(app).shadowRoot.activeElement).to.equal(summary);
    [...summary.querySelectorAll('a')].at(-1)!.click();
    expect(screen(app).shadowRoot.activeElement!.id).to.equal('second-minutes');
    const input = screen(app).shadowRoot.querySelector('#second-minutes')!;
    expect(input.getAttribute('aria-describedby')).to.include('second-minutes-error');
    expect((input as HTMLInputElement).value).to.equal('45');
    expect(api.requests.some((r) => r.method === 'PUT')).to.equal(false);
  });

  it('says it in Slovak, and a lead time out of range too', async () => {
    fakeAdminApi();
    const app = await renderApp('#/series/new', 'sk');
    await fill(app, { ...NEW_SERIES, 'lead-hours': '400' });
    await tick(app, 'second-reminder');
    await fill(app, { 'second-minutes': '2' });
    submit(app);
    const items = await summaryItems(app);
    expect(items).to.include('Zadajte počet hodín pred začiatkom, od 0,25 do 336 (dva týždne)');
    expect(items).to.include('Zadajte počet minút pred začiatkom, celé číslo od 5 do 1440');
  });

  it('puts the API’s refusal of the schedule beside its field', async () => {
    fakeAdminApi({
      'PUT /series/smart': () =>
        jsonResponse(
          {
            error: {
              code: 'validation',
              message: 'x',
              fields: { 'reminders.secondLeadMinutes': 'not_before_first' },
            },
          },
          422,
        ),
    });
    const app = await renderApp('#/series/smart/edit', 'en');
    await until(app, '#second-minutes');
    submit(app);
    const summary = await until(app, '.error-summary');
    expect(summary.querySelector('a')!.getAttribute('href')).to.equal('#second-minutes');
    expect(summary.textContent).to.include('must come later than the first');
  });
});

describe('workshop form: waiting list and follow-up', () => {
  it('a new workshop has the waiting list on, moving people in, and no follow-up', async () => {
    const api = fakeAdminApi({
      'POST /series/smart/workshops': () => jsonResponse({ workshop: workshop('new') }, 201),
    });
    const app = await renderApp('#/series/smart/workshops/new');
    await fill(app, NEW_WORKSHOP);
    expect(((await until(app, '#waitlist')) as HTMLInputElement).checked).to.equal(true);
    expect(((await until(app, '#waitlist-auto')) as HTMLInputElement).checked).to.equal(true);
    submit(app);
    await waitUntil(() => location.hash === '#/series/smart');
    const body = await api.requests.find((r) => r.method === 'POST')!.json();
    expect(body.waitlist).to.equal(true);
    expect(body.waitlistMode).to.equal('auto');
    expect(body.followUp).to.equal(null);
  });

  it('sends offers with their validity and the follow-up with its links and delay', async () => {
    const api = fakeAdminApi({
      'POST /series/smart/workshops': () => jsonResponse({ workshop: workshop('new') }, 201),
    });
    const app = await renderApp('#/series/smart/workshops/new', 'en');
    await fill(app, NEW_WORKSHOP);
    await tick(app, 'waitlist-offer');
    await fill(app, { 'offer-hours': '2' });
    await tick(app, 'followup');
    await fill(app, {
      'followup-sk': 'Ďakujeme.',
      'link-label-sk-0': 'Materiály',
      'link-url-0': 'https://example.gov.sk/m',
      'after-hours': '3',
    });
    const add = [...screen(app).shadowRoot.querySelectorAll('button')].find((b) =>
      b.textContent!.includes('Add another link'),
    )!;
    add.click();
    await waitUntil(() => screen(app).shadowRoot.activeElement?.id === 'link-label-sk-1');
    submit(app);
    await waitUntil(() => location.hash === '#/series/smart');
    const body = await api.requests.find((r) => r.method === 'POST')!.json();
    expect(body.waitlistMode).to.equal('offer');
    expect(body.offerMinutes).to.equal(120);
    expect(body.followUp).to.deep.equal({
      text: { sk: 'Ďakujeme.', en: '' },
      links: [{ label: { sk: 'Materiály', en: '' }, url: 'https://example.gov.sk/m' }],
      afterMinutes: 180,
    });
  });

  it('requires the Slovak message and https links when the follow-up is on, in both languages', async () => {
    for (const [lang, message, link] of [
      ['en', 'Enter the follow-up message in Slovak', 'Enter link 1, starting with https://'],
      [
        'sk',
        'Zadajte správu po workshope v\u00a0slovenčine',
        'Zadajte odkaz 1 začínajúci https://',
      ],
    ] as const) {
      const api = fakeAdminApi();
      const app = await renderApp('#/series/smart/workshops/new', lang);
      await fill(app, NEW_WORKSHOP);
      await tick(app, 'followup');
      await fill(app, { 'link-label-sk-0': 'Anketa', 'link-url-0': 'http://example.org' });
      submit(app);
      const items = await summaryItems(app);
      expect(items).to.include(message);
      expect(items).to.include(link);
      expect(api.requests.some((r) => r.method === 'POST')).to.equal(false);
      cleanUpApp();
    }
  });

  it('on an edit shows the stored follow-up and sends only the setting changed', async () => {
    const api = fakeAdminApi({
      'PATCH /workshops/w1': () => jsonResponse({ workshop: workshop('w1') }),
    });
    const app = await renderApp('#/series/smart/workshops/w1/edit');
    const text = (await until(app, '#followup-sk')) as HTMLTextAreaElement;
    expect(text.value).to.equal('Ďakujeme za účasť.');
    expect(((await until(app, '#link-url-0')) as HTMLInputElement).value).to.equal(
      'https://example.gov.sk/m',
    );
    await tick(app, 'waitlist');
    submit(app);
    await waitUntil(() => location.hash === '#/series/smart');
    const patch = api.requests.find((r) => r.method === 'PATCH')!;
    expect(await patch.json()).to.deep.equal({ waitlist: false });
  });
});

describe('registrations: second reminder and follow-up per seat', () => {
  it('shows each seat’s short reminder and follow-up state, in English and Slovak', async () => {
    for (const [lang, expected] of [
      ['en', ['Join link queued', 'Short reminder failed', 'Follow-up not due yet']],
      [
        'sk',
        [
          'Odkaz na pripojenie čaká na odoslanie',
          'Krátku pripomienku sa nepodarilo odoslať',
          'Správa po workshope sa ešte neposiela',
        ],
      ],
    ] as const) {
      fakeAdminApi();
      const app = await renderApp('#/series/smart/registrations', lang);
      await until(app, 'table');
      await waitUntil(() => screen(app).shadowRoot.querySelector('td .hint'));
      const seat = screen(app).shadowRoot.querySelector('td ul .hint')!.textContent!;
      for (const text of expected) expect(seat).to.include(text);
      cleanUpApp();
    }
  });

  it('leaves them out where the series has no second reminder and the workshop no follow-up', async () => {
    const plain = seriesDetail();
    plain.series.reminders = { leadMinutes: 1440, secondLeadMinutes: null };
    plain.workshops[0]!.followUp = null;
    fakeAdminApi({ 'GET /series/smart': () => jsonResponse(plain) });
    const app = await renderApp('#/series/smart/registrations', 'en');
    await until(app, 'table');
    // The seat's answer still says 'failed' for the short reminder: one that went out shows.
    await waitUntil(() => screen(app).shadowRoot.querySelector('td ul .hint'));
    const seat = screen(app).shadowRoot.querySelector('td ul .hint')!.textContent!;
    expect(seat).to.include('Join link queued');
    expect(seat).to.include('Short reminder failed');
    expect(seat).not.to.include('Follow-up');
  });

  it('shows them on one person’s screen too', async () => {
    fakeAdminApi();
    const app = await renderApp('#/series/smart/registrations/r1', 'en');
    await until(app, 'dl');
    await waitUntil(() => screen(app).shadowRoot.textContent!.includes('Short reminder failed'));
    expect(screen(app).shadowRoot.textContent).to.include('Follow-up not due yet');
  });
});
