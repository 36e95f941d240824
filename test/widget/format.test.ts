import { expect } from '@open-wc/testing';
import type { Locale } from '../../widget/src/api.js';
import { formatSeatsLeft } from '../../widget/src/format.js';
import { getLocale, useLocale } from '../../widget/src/localization.js';

/**
 * msg() answers in the page's active language, so every check first switches to the language it
 * asserts (as the element does before it renders), and the language is put back afterwards.
 * (Dates come from the API, worded by the worker: test/worker/mail-format.test.ts.)
 */
let initialLocale: string;
before(() => {
  initialLocale = getLocale();
});
afterEach(() => useLocale(initialLocale as Locale));

describe('formatSeatsLeft', () => {
  const slovakForm = { one: 'voľné miesto', few: 'voľné miesta', other: 'voľných miest' } as const;

  it('uses the Slovak one/few/other forms', async () => {
    await useLocale('sk');
    expect(formatSeatsLeft(0, 'sk')).to.equal('0 voľných miest');
    expect(formatSeatsLeft(1, 'sk')).to.equal('1 voľné miesto');
    expect(formatSeatsLeft(2, 'sk')).to.equal('2 voľné miesta');
    expect(formatSeatsLeft(3, 'sk')).to.equal('3 voľné miesta');
    expect(formatSeatsLeft(4, 'sk')).to.equal('4 voľné miesta');
    expect(formatSeatsLeft(5, 'sk')).to.equal('5 voľných miest');
    expect(formatSeatsLeft(21, 'sk')).to.equal('21 voľných miest');
  });

  it('follows Intl.PluralRules for Slovak, e.g. 22 and 100 (not a two-way singular/plural)', async () => {
    await useLocale('sk');
    const rules = new Intl.PluralRules('sk-SK');
    for (const n of [0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 24, 25, 100, 101, 102]) {
      const category = rules.select(n) as keyof typeof slovakForm;
      expect(slovakForm, `plural category of ${n}`).to.have.property(category);
      expect(formatSeatsLeft(n, 'sk'), `${n}`).to.equal(`${n} ${slovakForm[category]}`);
    }
    // CLDR: Slovak "few" is 2–4 only, so 22 and 100 take "other".
    expect(formatSeatsLeft(22, 'sk')).to.equal('22 voľných miest');
    expect(formatSeatsLeft(100, 'sk')).to.equal('100 voľných miest');
  });

  it('uses singular and plural in English', async () => {
    await useLocale('en');
    expect(formatSeatsLeft(0, 'en')).to.equal('0 seats left');
    expect(formatSeatsLeft(1, 'en')).to.equal('1 seat left');
    expect(formatSeatsLeft(2, 'en')).to.equal('2 seats left');
    expect(formatSeatsLeft(5, 'en')).to.equal('5 seats left');
    expect(formatSeatsLeft(21, 'en')).to.equal('21 seats left');
  });
});
