import { expect } from '@open-wc/testing';
import type { Locale } from '../../widget/src/api.js';
import { formatDate, formatSeatsLeft, formatTime, formatWhen } from '../../widget/src/format.js';
import { getLocale, useLocale } from '../../widget/src/localization.js';

/**
 * msg() answers in the page's active language, so every check first switches to the language it
 * asserts (as the element does before it renders), and the language is put back afterwards.
 */
const LOCALES: Locale[] = ['sk', 'en'];
let initialLocale: string;
before(() => {
  initialLocale = getLocale();
});
afterEach(() => useLocale(initialLocale as Locale));

const when = async (locale: Locale, startsAt: string, endsAt: string) => {
  await useLocale(locale);
  return formatWhen(startsAt, endsAt, locale);
};

/**
 * Runs `fn` as if the browser were in another time zone: Intl defaults to `zone`, and every Date
 * method that reads the local zone throws. Whatever the machine's zone, the formatting must not
 * depend on it.
 */
function inBrowserZone<T>(zone: string, fn: () => T): T {
  const OriginalDateTimeFormat = Intl.DateTimeFormat;
  const Patched = function (locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
    return new OriginalDateTimeFormat(locales, { timeZone: zone, ...options });
  } as unknown as typeof Intl.DateTimeFormat;
  Patched.supportedLocalesOf = OriginalDateTimeFormat.supportedLocalesOf;
  Object.defineProperty(Patched, 'prototype', { value: OriginalDateTimeFormat.prototype });
  const localGetters = [
    'getHours',
    'getMinutes',
    'getDate',
    'getDay',
    'getMonth',
    'getFullYear',
    'getTimezoneOffset',
    'toLocaleString',
    'toLocaleDateString',
    'toLocaleTimeString',
    'toString',
    'toDateString',
    'toTimeString',
  ] as const;
  const originals = localGetters.map((name) => [name, Date.prototype[name]] as const);
  Intl.DateTimeFormat = Patched;
  for (const name of localGetters) {
    Object.defineProperty(Date.prototype, name, {
      configurable: true,
      writable: true,
      value() {
        throw new Error(`Date.prototype.${name} reads the browser's time zone`);
      },
    });
  }
  try {
    return fn();
  } finally {
    Intl.DateTimeFormat = OriginalDateTimeFormat;
    for (const [name, original] of originals) {
      Object.defineProperty(Date.prototype, name, {
        configurable: true,
        writable: true,
        value: original,
      });
    }
  }
}

describe('formatWhen', () => {
  it('writes a Slovak date with the genitive month and a comma (no "o") before the time range', async () => {
    expect(await when('sk', '2022-05-25T08:00:00Z', '2022-05-25T10:00:00Z')).to.equal(
      'streda 25.\u00a0mája\u00a02022, 10:00\u00a0–\u00a012:00',
    );
  });

  it('writes a British English date with a comma before the time range', async () => {
    expect(await when('en', '2022-05-25T08:00:00Z', '2022-05-25T10:00:00Z')).to.equal(
      'Wednesday 25\u00a0May\u00a02022, 10:00\u00a0–\u00a012:00',
    );
  });

  it('uses winter time (CET, UTC+1) in winter', async () => {
    expect(await when('sk', '2026-12-02T09:00:00Z', '2026-12-02T11:00:00Z')).to.equal(
      'streda 2.\u00a0decembra\u00a02026, 10:00\u00a0–\u00a012:00',
    );
    expect(await when('en', '2026-12-02T09:00:00Z', '2026-12-02T11:00:00Z')).to.equal(
      'Wednesday 2\u00a0December\u00a02026, 10:00\u00a0–\u00a012:00',
    );
  });

  it('follows the autumn change to winter time (last Sunday of October)', async () => {
    // Friday before the change: CEST, UTC+2.
    expect(await when('sk', '2026-10-23T08:00:00Z', '2026-10-23T10:00:00Z')).to.equal(
      'piatok 23.\u00a0októbra\u00a02026, 10:00\u00a0–\u00a012:00',
    );
    // Monday after the change (25 October 2026): CET, UTC+1.
    expect(await when('sk', '2026-10-26T09:00:00Z', '2026-10-26T11:00:00Z')).to.equal(
      'pondelok 26.\u00a0októbra\u00a02026, 10:00\u00a0–\u00a012:00',
    );
    expect(await when('en', '2026-10-26T09:00:00Z', '2026-10-26T11:00:00Z')).to.equal(
      'Monday 26\u00a0October\u00a02026, 10:00\u00a0–\u00a012:00',
    );
  });

  it('follows the spring change to summer time (last Sunday of March)', async () => {
    // Friday before the change: CET, UTC+1.
    expect(await when('sk', '2026-03-27T09:00:00Z', '2026-03-27T11:00:00Z')).to.equal(
      'piatok 27.\u00a0marca\u00a02026, 10:00\u00a0–\u00a012:00',
    );
    // Monday after the change (29 March 2026): CEST, UTC+2.
    expect(await when('sk', '2026-03-30T08:00:00Z', '2026-03-30T10:00:00Z')).to.equal(
      'pondelok 30.\u00a0marca\u00a02026, 10:00\u00a0–\u00a012:00',
    );
    // A session across the change itself: 01:30 CET to 03:30 CEST is one hour.
    expect(await when('sk', '2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z')).to.equal(
      'nedeľa 29.\u00a0marca\u00a02026, 1:30\u00a0–\u00a03:30',
    );
  });

  it('pads minutes to two digits', async () => {
    expect(await when('sk', '2026-06-01T08:05:00Z', '2026-06-01T10:00:00Z')).to.equal(
      'pondelok 1.\u00a0júna\u00a02026, 10:05\u00a0–\u00a012:00',
    );
    expect(await when('en', '2026-12-02T10:09:00Z', '2026-12-02T11:59:00Z')).to.equal(
      'Wednesday 2\u00a0December\u00a02026, 11:09\u00a0–\u00a012:59',
    );
  });

  it('uses the Bratislava calendar day, not the UTC one', async () => {
    // 22:30 UTC on 1 June is 00:30 on 2 June in Bratislava.
    expect(await when('sk', '2026-06-01T22:30:00Z', '2026-06-01T23:30:00Z')).to.equal(
      'utorok 2.\u00a0júna\u00a02026, 0:30\u00a0–\u00a01:30',
    );
    // New Year's Eve in UTC is New Year's Day in Bratislava.
    expect(await when('en', '2026-12-31T23:30:00Z', '2027-01-01T01:00:00Z')).to.equal(
      'Friday 1\u00a0January\u00a02027, 0:30\u00a0–\u00a02:00',
    );
  });

  it('names both days of a range over more than one day', async () => {
    expect(await when('sk', '2026-06-01T14:00:00Z', '2026-06-02T10:00:00Z')).to.equal(
      'pondelok 1.\u00a0júna\u00a02026, 16:00\u00a0–\u00a0utorok 2.\u00a0júna\u00a02026, 12:00',
    );
    expect(await when('en', '2026-06-01T14:00:00Z', '2026-06-02T10:00:00Z')).to.equal(
      'Monday 1\u00a0June\u00a02026, 16:00\u00a0–\u00a0Tuesday 2\u00a0June\u00a02026, 12:00',
    );
  });

  it('ends a range that crosses midnight in Bratislava on the next day', async () => {
    // 21:00–22:30 UTC in summer is 23:00 on 1 June to 00:30 on 2 June in Bratislava.
    expect(await when('sk', '2026-06-01T21:00:00Z', '2026-06-01T22:30:00Z')).to.equal(
      'pondelok 1.\u00a0júna\u00a02026, 23:00\u00a0–\u00a0utorok 2.\u00a0júna\u00a02026, 0:30',
    );
  });

  for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC', 'Asia/Tokyo']) {
    it(`gives Bratislava times when the browser is in ${zone}`, async () => {
      for (const locale of LOCALES) {
        await useLocale(locale);
        const expected = {
          sk: [
            'streda 25.\u00a0mája\u00a02022, 10:00\u00a0–\u00a012:00',
            'streda 2.\u00a0decembra\u00a02026, 10:00\u00a0–\u00a012:00',
            'utorok 2.\u00a0júna\u00a02026, 0:30\u00a0–\u00a01:30',
          ],
          en: [
            'Wednesday 25\u00a0May\u00a02022, 10:00\u00a0–\u00a012:00',
            'Wednesday 2\u00a0December\u00a02026, 10:00\u00a0–\u00a012:00',
            'Tuesday 2\u00a0June\u00a02026, 0:30\u00a0–\u00a01:30',
          ],
        }[locale];
        const actual = inBrowserZone(zone, () => {
          // The patch is in force: an Intl formatter without a zone uses `zone`.
          expect(new Intl.DateTimeFormat('en-GB').resolvedOptions().timeZone).to.equal(zone);
          return [
            formatWhen('2022-05-25T08:00:00Z', '2022-05-25T10:00:00Z', locale),
            formatWhen('2026-12-02T09:00:00Z', '2026-12-02T11:00:00Z', locale),
            formatWhen('2026-06-01T22:30:00Z', '2026-06-01T23:30:00Z', locale),
          ];
        });
        expect(actual).to.deep.equal(expected);
      }
    });
  }
});

describe('formatDate and formatTime', () => {
  it('formats the date and the 24-hour time separately, in Bratislava', async () => {
    await useLocale('sk');
    expect(formatDate(new Date('2026-12-02T23:30:00Z'), 'sk')).to.equal(
      'štvrtok 3.\u00a0decembra\u00a02026',
    );
    expect(formatTime(new Date('2026-07-15T13:45:00Z'), 'sk')).to.equal('15:45');
    await useLocale('en');
    expect(formatDate(new Date('2026-12-02T23:30:00Z'), 'en')).to.equal(
      'Thursday 3\u00a0December\u00a02026',
    );
    expect(formatTime(new Date('2026-07-15T13:45:00Z'), 'en')).to.equal('15:45');
  });
});

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
