import { expect, waitUntil } from '@open-wc/testing';
import { jsonResponse } from '../widget/fixtures.js';
import { cancelPreview, renderApp, screen, seriesDetail, until, workshop } from './fixtures.js';
import { useFakeAdminApi } from './harness.js';

const fakeAdminApi = useFakeAdminApi();

const yesButton = (app: Parameters<typeof screen>[0]) =>
  screen(app).shadowRoot.querySelector('.button--warning') as HTMLButtonElement;

/** The warning's text, spaces (no-break ones too) squashed. */
const warningText = (app: Parameters<typeof screen>[0]) =>
  screen(app)
    .shadowRoot.querySelector('.notice--warning')!
    .textContent!.replace(/\s+/g, ' ')
    .trim();

/**
 * The cancel page's warning and the version it cancels with come from one read (the cancel
 * preview, one D1 batch on the worker): the workshop it names, the counts and the If-Match are of
 * one instant. The counts are said as of that instant, since seats taken or given up later do not
 * change the version, and the cancellation tells whoever holds a seat when it is made.
 */
describe('the cancel page reads its warning and its version at once', () => {
  it('cancels with the version the preview was read with, whatever the series page says', async () => {
    // The series' list says another version (read at another moment): the page must not use it.
    const series = seriesDetail();
    series.workshops = [workshop('w1', { version: '"9"' })];
    const api = fakeAdminApi({
      'GET /series/smart': () => jsonResponse(series),
      'GET /workshops/w1/cancel-preview': () =>
        jsonResponse(cancelPreview({ version: '"4"', title: { sk: 'Dáta v obciach', en: '' } })),
      'POST /workshops/w1/cancel': () =>
        jsonResponse({ workshop: workshop('w1', { cancelledAt: new Date().toISOString() }) }),
    });
    const app = await renderApp('#/series/smart/workshops/w1/cancel', 'en');
    await until(app, '.button--warning');
    expect(screen(app).shadowRoot.textContent).to.include('Dáta v obciach');
    yesButton(app).click();
    await waitUntil(() => location.hash === '#/series/smart', 'not cancelled');
    const post = api.requests.find((r) => r.method === 'POST')!;
    expect(post.headers.get('if-match')).to.equal('"4"');
    const before = api.requests.slice(0, api.requests.indexOf(post));
    expect(
      before.filter((r) => r.url.includes('/series/smart')).map((r) => r.method),
    ).to.deep.equal([], 'the warning needs no second read');
  });

  it('in English: the count is as of the read, and who is told is who holds a seat at the cancel', async () => {
    fakeAdminApi();
    const app = await renderApp('#/series/smart/workshops/w1/cancel', 'en');
    await until(app, '.button--warning');
    const text = warningText(app);
    expect(text).to.include('Holding a seat at 10:42 (Bratislava time): 2 people');
    expect(text).to.include('confirmed: 1');
    expect(text).to.include('waiting for confirmation: 1');
    expect(text).to.include(
      'Everyone who holds a seat, or a confirmed place in the waiting list, at the moment you cancel will be told by email that the workshop is cancelled. Until then people can still register, cancel or join the line, so the numbers may change.',
    );
    expect(text).not.to.include('waiting list at', 'nobody in line: no line count');
    expect(text).not.to.include('will be told by email that the workshop is cancelled:');
    await expect(app).to.be.accessible();
  });

  it('in Slovak, with the plural agreeing and no-break spaces after one-letter prepositions', async () => {
    fakeAdminApi();
    const app = await renderApp('#/series/smart/workshops/w1/cancel', 'sk');
    await until(app, '.button--warning');
    const raw = screen(app).shadowRoot.querySelector('.notice--warning')!.textContent!;
    expect(raw).to.include('S\u00a0rezervovaným miestom o\u00a010:42 (bratislavský čas): 2 osoby');
    expect(raw).to.include(
      'E-mail o\u00a0zrušení workshopu dostane každý, kto bude mať rezervované miesto alebo potvrdené miesto na čakacej listine v\u00a0okamihu, keď ho zrušíte.',
    );
    expect(raw).to.include('takže počty sa môžu zmeniť');
    await expect(app).to.be.accessible();
  });

  it('nobody holding a seat is said as of the read too, not as a promise that nobody is emailed', async () => {
    fakeAdminApi({
      'GET /workshops/w1/cancel-preview': () =>
        jsonResponse(cancelPreview({}, { confirmed: 0, pending: 0, total: 0 })),
    });
    const en = await renderApp('#/series/smart/workshops/w1/cancel', 'en');
    await until(en, '.button--warning');
    expect(warningText(en)).to.include('Nobody held a seat at 10:42 (Bratislava time).');
    expect(warningText(en)).to.include('Everyone who holds a seat, or a confirmed place');
    fakeAdminApi({
      'GET /workshops/w1/cancel-preview': () =>
        jsonResponse(cancelPreview({}, { confirmed: 0, pending: 0, total: 0 })),
    });
    const sk = await renderApp('#/series/smart/workshops/w1/cancel', 'sk');
    await until(sk, '.button--warning');
    expect(screen(sk).shadowRoot.querySelector('.notice--warning')!.textContent).to.include(
      'O\u00a010:42 (bratislavský čas) nemal rezervované miesto nikto.',
    );
  });

  it('counts the confirmed people in its line, who are told too, in both languages', async () => {
    const withLine = {
      'GET /workshops/w1/cancel-preview': () =>
        jsonResponse(cancelPreview({}, { confirmed: 1, pending: 0, total: 1 }, 3)),
    };
    fakeAdminApi(withLine);
    const en = await renderApp('#/series/smart/workshops/w1/cancel', 'en');
    await until(en, '.button--warning');
    expect(warningText(en)).to.include('Holding a seat at 10:42 (Bratislava time): 1 person');
    expect(warningText(en)).to.include(
      'With a confirmed place on its waiting list at 10:42 (Bratislava time): 3 people. They are told too.',
    );
    fakeAdminApi(withLine);
    const sk = await renderApp('#/series/smart/workshops/w1/cancel', 'sk');
    await until(sk, '.button--warning');
    expect(screen(sk).shadowRoot.querySelector('.notice--warning')!.textContent).to.include(
      'S\u00a0potvrdeným miestom na čakacej listine o\u00a010:42 (bratislavský čas): 3 osoby. Aj im príde e-mail.',
    );
  });
});
