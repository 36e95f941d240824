import { expect } from '@open-wc/testing';
import { render } from 'lit';
import type { Locale } from '../../widget/src/api.js';
import { workshopCountText } from '../../widget/src/controllers/series-loader.js';
import { getLocale, useLocale } from '../../widget/src/localization.js';
import { success } from '../../widget/src/views/success.js';
import { demoSeriesResponse, leadOf } from './fixtures.js';

/**
 * Every phrase of the widget that follows a count, for 1, 2–4 and 5+ (Slovak one, few, other):
 * the live region's "loaded" message and the success page's hold, list and join-link phrases.
 */
let initialLocale: string;
before(() => {
  initialLocale = getLocale();
});
afterEach(() => useLocale(initialLocale as Locale));

const someWorkshops = (n: number) => {
  const all = demoSeriesResponse(Date.parse('2026-05-04T08:00:00Z')).workshops;
  return Array.from({ length: n }, (_, i) => ({ ...all[i % all.length]!, id: `w${i}` }));
};

async function successText(locale: Locale, n: number): Promise<string[]> {
  await useLocale(locale);
  const box = document.createElement('div');
  render(
    success({ workshops: someWorkshops(n), email: 'a@b.sk' }, leadOf(), locale, 2, () => {}),
    box,
  );
  return [...box.querySelectorAll('p')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim());
}

describe('counted phrases', () => {
  it('says how many workshops loaded, in Slovak one / few / other', async () => {
    await useLocale('sk');
    expect(workshopCountText(1, 1)).to.equal('Načítal sa 1 workshop. Otvorené na registráciu: 1.');
    expect(workshopCountText(3, 2)).to.equal(
      'Načítali sa 3 workshopy. Otvorené na registráciu: 2.',
    );
    expect(workshopCountText(5, 0)).to.equal(
      'Načítalo sa 5 workshopov. Otvorené na registráciu: 0.',
    );
    expect(workshopCountText(22, 1)).to.include('Načítalo sa 22 workshopov');
  });

  it('says how many workshops loaded, in English one / other', async () => {
    await useLocale('en');
    expect(workshopCountText(1, 1)).to.equal('1 workshop loaded. Open for registration: 1.');
    expect(workshopCountText(3, 2)).to.equal('3 workshops loaded. Open for registration: 2.');
    expect(workshopCountText(5, 5)).to.equal('5 workshops loaded. Open for registration: 5.');
  });

  it('after registering, agrees with the number of workshops chosen (Slovak)', async () => {
    const [one, few, other] = [
      await successText('sk', 1),
      await successText('sk', 3),
      await successText('sk', 5),
    ];
    expect(one).to.include('Vybraný workshop:');
    expect(one).not.to.include('Vybrané workshopy:');
    for (const text of [few, other]) {
      expect(text).to.include('Vybrané workshopy:');
      expect(text).not.to.include('Vybraný workshop:');
    }
  });

  it('after registering, agrees with the number of workshops chosen (English)', async () => {
    const [one, few] = [await successText('en', 1), await successText('en', 2)];
    expect(one).to.include('The workshop you chose:');
    expect(few).to.include('The workshops you chose:');
    expect(few).to.include('All times are Bratislava time.');
  });
});
