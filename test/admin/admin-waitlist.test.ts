import { expect, waitUntil } from '@open-wc/testing';
import type { AdminApp } from '../../widget/admin/admin-app.js';
import { jsonResponse } from '../widget/fixtures.js';
import { HOSTILE, allText, renderApp, screen, seriesDetail, until, workshop } from './fixtures.js';
import { buttons, useFakeAdminApi } from './harness.js';
import { place, waitlist } from './waitlist-fixtures.js';

const fakeAdminApi = useFakeAdminApi();

async function openLine(lang: 'sk' | 'en' = 'en') {
  const app = await renderApp('#/series/smart/workshops/w1/waitlist', lang);
  await until(app, 'table');
  return app;
}

const rowTexts = (app: AdminApp) =>
  [...screen(app).shadowRoot.querySelectorAll('tbody tr')].map((tr) =>
    tr.textContent!.replace(/\s+/g, ' ').trim(),
  );

describe('waiting list screen', () => {
  it('lists the line in join order with each place’s state, names as text', async () => {
    fakeAdminApi();
    const app = await openLine();
    const rows = rowTexts(app);
    expect(rows).to.have.length(5);
    expect(rows[0]).to.match(/^1 .*Čakajúca q0.*Moved in/);
    expect(rows[1]).to.match(/^2 .*Čakajúca q1.*Waiting.*1\. in line/);
    expect(rows[2]).to.match(/^3 .*Čakajúca q2.*Waiting.*2\. in line/);
    expect(rows[3]).to.match(/Waiting for confirmation/);
    expect(rows[4]).to.match(/Left the line/);
    expect(allText(app)).to.include(HOSTILE.name);
    expect(screen(app).shadowRoot.querySelector('img')).to.equal(null);
    // Only confirmed people still waiting can be moved in; only those in line removed.
    expect(buttons(app, 'Move into the workshop')).to.have.length(2);
    expect(buttons(app, 'Remove from the line')).to.have.length(3);
    expect(screen(app).shadowRoot.textContent).to.include('In line now: 3 people');
  });

  it('is reached from the workshop on the series page', async () => {
    fakeAdminApi();
    const app = await renderApp('#/series/smart', 'en');
    await until(app, 'section table');
    const link = [...screen(app).shadowRoot.querySelectorAll('a')].find((a) =>
      a.textContent!.includes('Waiting list'),
    )!;
    expect(link.getAttribute('href')).to.equal('#/series/smart/workshops/w1/waitlist');
  });

  it('shows each workshop’s line length on the series page, in both languages', async () => {
    const detail = seriesDetail();
    detail.workshops[1] = workshop('w2', { waitlist: false });
    fakeAdminApi({ 'GET /series/smart': () => jsonResponse(detail) });
    for (const [lang, length, off] of [
      ['en', 'In line now: 3 people', 'The waiting list is switched off'],
      ['sk', 'Teraz v\u00a0poradí: 3 osoby', 'Čakacia listina je pre tento workshop vypnutá'],
    ] as const) {
      const app = await renderApp('#/series/smart', lang);
      await until(app, 'section table');
      const cards = [...screen(app).shadowRoot.querySelectorAll('section')];
      expect(cards[0]!.textContent).to.include(length);
      expect(cards[1]!.textContent).to.include(off);
    }
  });

  it('asks before moving someone in, says what will happen, and does nothing on “No”', async () => {
    const api = fakeAdminApi();
    const app = await openLine();
    const opener = buttons(app, 'Move into the workshop')[1]!;
    opener.focus();
    opener.click();
    const confirm = await until(app, '.confirm');
    expect(confirm.textContent).to.include('Move');
    expect(confirm.textContent).to.include('Čakajúca q2 into the workshop now?');
    expect(confirm.textContent).to.include('q2@example.org is told by email');
    expect(confirm.textContent).to.include('capacity goes up by one');
    expect(screen(app).shadowRoot.activeElement!.id).to.equal('confirm-q');
    buttons(app, 'No, go back')[0]!.click();
    await waitUntil(() => !screen(app).shadowRoot.querySelector('.confirm'));
    expect(screen(app).shadowRoot.activeElement).to.equal(opener);
    expect(api.requests.some((r) => r.method !== 'GET')).to.equal(false);
  });

  it('moves someone in on “Yes”, announces it, and shows the line as it is now', async () => {
    const after = waitlist();
    after[2] = place('q2', { state: 'promoted', promotedAt: new Date().toISOString() });
    after[1] = place('q1', { place: 1 });
    const api = fakeAdminApi({
      'POST /workshops/w1/waitlist/q2/promote': () => jsonResponse({ waitlist: after }),
      'GET /workshops/w1/waitlist': () =>
        jsonResponse({
          waitlist: api.requests.some((r) => r.method === 'POST') ? after : waitlist(),
        }),
    });
    const app = await openLine();
    buttons(app, 'Move into the workshop')[1]!.click();
    await until(app, '.confirm');
    buttons(app, 'Yes, move them in')[0]!.click();
    const result = await until(app, '.result');
    expect(result.getAttribute('role')).to.equal('status');
    expect(result.textContent).to.include('Čakajúca q2 has a seat in the workshop now');
    expect(screen(app).shadowRoot.activeElement).to.equal(result);
    const post = api.requests.find((r) => r.method === 'POST')!;
    expect(new URL(post.url).pathname).to.equal('/api/v1/admin/workshops/w1/waitlist/q2/promote');
    await waitUntil(() => rowTexts(app)[2]!.includes('Moved in'));
  });

  it('removes someone after saying they are not told, and sends a DELETE', async () => {
    const api = fakeAdminApi({
      'DELETE /workshops/w1/waitlist/q1': () => jsonResponse({ waitlist: waitlist() }),
    });
    const app = await openLine();
    buttons(app, 'Remove from the line')[0]!.click();
    const confirm = await until(app, '.confirm');
    expect(confirm.textContent).to.include('they are not told by email');
    buttons(app, 'Yes, remove them from the line')[0]!.click();
    const result = await until(app, '.result');
    expect(result.textContent).to.include('is no longer on the waiting list');
    const del = api.requests.find((r) => r.method === 'DELETE')!;
    expect(new URL(del.url).pathname).to.equal('/api/v1/admin/workshops/w1/waitlist/q1');
  });

  it('says so when the person is no longer waiting (a concurrent change), in Slovak too', async () => {
    fakeAdminApi({
      'POST /workshops/w1/waitlist/q1/promote': () =>
        jsonResponse({ error: { code: 'not_waiting', message: 'x' } }, 409),
    });
    const app = await openLine('sk');
    buttons(app, 'Presunúť do workshopu')[0]!.click();
    await until(app, '.confirm');
    buttons(app, 'Áno, presunúť')[0]!.click();
    const result = await until(app, '.result');
    expect(result.textContent).to.include('nečaká');
  });

  it('says what already_seated means — a live seat, confirmed or within its hold — in both languages', async () => {
    const seated = {
      'POST /workshops/w1/waitlist/q1/promote': () =>
        jsonResponse({ error: { code: 'already_seated', message: 'x' } }, 409),
    };
    for (const [lang, move, yes, words] of [
      [
        'en',
        'Move into the workshop',
        'Yes, move them in',
        'already holds a seat in this workshop through another registration, confirmed or still within its time to confirm, so they cannot be moved in. If that registration is not confirmed in time, you can move them in then.',
      ],
      [
        'sk',
        'Presunúť do workshopu',
        'Áno, presunúť',
        'už má v\u00a0tomto workshope miesto cez inú registráciu, potvrdenú alebo takú, ktorej lehota na potvrdenie ešte neuplynula, preto ju nemožno presunúť. Ak tú registráciu nepotvrdí včas, môžete ju presunúť potom.',
      ],
    ] as const) {
      fakeAdminApi(seated);
      const app = await openLine(lang);
      buttons(app, move)[0]!.click();
      await until(app, '.confirm');
      buttons(app, yes)[0]!.click();
      const result = await until(app, '.result');
      expect(result.textContent!.replace(/\s+/g, ' ')).to.include(words.replace(/\s+/g, ' '));
    }
  });
});
