import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locale } from '../../worker/contract';
import { formatWhen } from '../../worker/src/mail/format';

/**
 * A workshop's times as people read them: the public list sends them in both languages (`when`),
 * so the widget shows these very strings, and the e-mails use the same function.
 */
const LOCALES: Locale[] = ['sk', 'en'];
const when = (locale: Locale, startsAt: string, endsAt: string) =>
  formatWhen(Date.parse(startsAt), Date.parse(endsAt), locale);

/**
 * Runs `fn` as if the machine were in another time zone: Intl defaults to `zone`, and every Date
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
        throw new Error(`Date.prototype.${name} reads the machine's time zone`);
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
  it('writes a Slovak date with the genitive month and a comma (no "o") before the time range', () => {
    assert.equal(
      when('sk', '2022-05-25T08:00:00Z', '2022-05-25T10:00:00Z'),
      'streda 25.\u00a0mája\u00a02022, 10:00\u00a0–\u00a012:00',
    );
  });

  it('writes a British English date with a comma before the time range', () => {
    assert.equal(
      when('en', '2022-05-25T08:00:00Z', '2022-05-25T10:00:00Z'),
      'Wednesday 25\u00a0May\u00a02022, 10:00\u00a0–\u00a012:00',
    );
  });

  it('uses winter time (CET, UTC+1) in winter', () => {
    assert.equal(
      when('sk', '2026-12-02T09:00:00Z', '2026-12-02T11:00:00Z'),
      'streda 2.\u00a0decembra\u00a02026, 10:00\u00a0–\u00a012:00',
    );
    assert.equal(
      when('en', '2026-12-02T09:00:00Z', '2026-12-02T11:00:00Z'),
      'Wednesday 2\u00a0December\u00a02026, 10:00\u00a0–\u00a012:00',
    );
  });

  it('follows the autumn change to winter time (last Sunday of October)', () => {
    // Friday before the change: CEST, UTC+2.
    assert.equal(
      when('sk', '2026-10-23T08:00:00Z', '2026-10-23T10:00:00Z'),
      'piatok 23.\u00a0októbra\u00a02026, 10:00\u00a0–\u00a012:00',
    );
    // Monday after the change (25 October 2026): CET, UTC+1.
    assert.equal(
      when('sk', '2026-10-26T09:00:00Z', '2026-10-26T11:00:00Z'),
      'pondelok 26.\u00a0októbra\u00a02026, 10:00\u00a0–\u00a012:00',
    );
    assert.equal(
      when('en', '2026-10-26T09:00:00Z', '2026-10-26T11:00:00Z'),
      'Monday 26\u00a0October\u00a02026, 10:00\u00a0–\u00a012:00',
    );
  });

  it('follows the spring change to summer time (last Sunday of March)', () => {
    // Friday before the change: CET, UTC+1.
    assert.equal(
      when('sk', '2026-03-27T09:00:00Z', '2026-03-27T11:00:00Z'),
      'piatok 27.\u00a0marca\u00a02026, 10:00\u00a0–\u00a012:00',
    );
    // Monday after the change (29 March 2026): CEST, UTC+2.
    assert.equal(
      when('sk', '2026-03-30T08:00:00Z', '2026-03-30T10:00:00Z'),
      'pondelok 30.\u00a0marca\u00a02026, 10:00\u00a0–\u00a012:00',
    );
    // A session across the change itself: 01:30 CET to 03:30 CEST is one hour.
    assert.equal(
      when('sk', '2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z'),
      'nedeľa 29.\u00a0marca\u00a02026, 1:30\u00a0–\u00a03:30',
    );
  });

  it('pads minutes to two digits', () => {
    assert.equal(
      when('sk', '2026-06-01T08:05:00Z', '2026-06-01T10:00:00Z'),
      'pondelok 1.\u00a0júna\u00a02026, 10:05\u00a0–\u00a012:00',
    );
    assert.equal(
      when('en', '2026-12-02T10:09:00Z', '2026-12-02T11:59:00Z'),
      'Wednesday 2\u00a0December\u00a02026, 11:09\u00a0–\u00a012:59',
    );
  });

  it('uses the Bratislava calendar day, not the UTC one', () => {
    // 22:30 UTC on 1 June is 00:30 on 2 June in Bratislava.
    assert.equal(
      when('sk', '2026-06-01T22:30:00Z', '2026-06-01T23:30:00Z'),
      'utorok 2.\u00a0júna\u00a02026, 0:30\u00a0–\u00a01:30',
    );
    // New Year's Eve in UTC is New Year's Day in Bratislava.
    assert.equal(
      when('en', '2026-12-31T23:30:00Z', '2027-01-01T01:00:00Z'),
      'Friday 1\u00a0January\u00a02027, 0:30\u00a0–\u00a02:00',
    );
  });

  it('names both days of a range over more than one day', () => {
    assert.equal(
      when('sk', '2026-06-01T14:00:00Z', '2026-06-02T10:00:00Z'),
      'pondelok 1.\u00a0júna\u00a02026, 16:00\u00a0–\u00a0utorok 2.\u00a0júna\u00a02026, 12:00',
    );
    assert.equal(
      when('en', '2026-06-01T14:00:00Z', '2026-06-02T10:00:00Z'),
      'Monday 1\u00a0June\u00a02026, 16:00\u00a0–\u00a0Tuesday 2\u00a0June\u00a02026, 12:00',
    );
  });

  it('ends a range that crosses midnight in Bratislava on the next day', () => {
    // 21:00–22:30 UTC in summer is 23:00 on 1 June to 00:30 on 2 June in Bratislava.
    assert.equal(
      when('sk', '2026-06-01T21:00:00Z', '2026-06-01T22:30:00Z'),
      'pondelok 1.\u00a0júna\u00a02026, 23:00\u00a0–\u00a0utorok 2.\u00a0júna\u00a02026, 0:30',
    );
  });

  for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC', 'Asia/Tokyo']) {
    it(`gives Bratislava times when the machine is in ${zone}`, () => {
      for (const locale of LOCALES) {
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
          assert.equal(new Intl.DateTimeFormat('en-GB').resolvedOptions().timeZone, zone);
          return [
            when(locale, '2022-05-25T08:00:00Z', '2022-05-25T10:00:00Z'),
            when(locale, '2026-12-02T09:00:00Z', '2026-12-02T11:00:00Z'),
            when(locale, '2026-06-01T22:30:00Z', '2026-06-01T23:30:00Z'),
          ];
        });
        assert.deepEqual(actual, expected);
      }
    });
  }
});
