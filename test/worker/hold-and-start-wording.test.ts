import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Workshop } from '../../worker/src/db/workshops';
import { HOLD_MS } from '../../worker/src/domain/holds';
import { renderMail, type MailWorkshop } from '../../worker/src/mail/templates';
import { confirmPage } from '../../worker/src/pages/registration-pages';
import { sampleSeries } from '../support/mail-samples';
import { breakableAfterOneLetterWord } from '../support/slovak-text';

/**
 * Pages and mails say what really happened: a lapsed hold lasted an hour (or less, where
 * registration closed sooner), not the confirmation link's 24 hours; a join link sent again while
 * the workshop runs says it has started, not that it starts in less than a day.
 */

const START = Date.parse('2037-12-14T09:00:00Z');

const workshops = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `w${i}`,
    seriesId: 1,
    title: { sk: `Workshop číslo ${i + 1}`, en: `Workshop number ${i + 1}` },
    description: { sk: '', en: '' },
    startsAt: START + i * 86_400_000,
    endsAt: START + i * 86_400_000 + 2 * 3_600_000,
    capacity: 30,
    joinUrl: `https://meet.example.gov.sk/room-${i}`,
    registrationClosesAt: START,
    cancelledAt: null,
    sequence: 0,
    seatsTaken: 1,
  })) as unknown as (MailWorkshop & Workshop)[];

const series = sampleSeries;

const text = (page: string) =>
  page
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('a lapsed hold: the pages give its real length', () => {
  const cases = [
    // [hold, workshops, Slovak, English]
    [HOLD_MS, 1, 'Miesto sme pre vás rezervovali hodinu.', 'We held your seat for an hour.'],
    [HOLD_MS, 3, 'Miesta sme pre vás rezervovali hodinu.', 'We held your seats for an hour.'],
    // Registration closed 20 minutes after the person registered: the hold ended then.
    [20 * 60_000, 1, 'rezervovali 20 minút.', 'We held your seat for 20 minutes.'],
    [2 * 60_000, 2, 'rezervovali 2 minúty.', 'We held your seats for 2 minutes.'],
  ] as const;
  for (const [holdMs, n, sk, en] of cases) {
    test(`${holdMs / 60_000} minutes, ${n} workshops: "${sk}" / "${en}"`, () => {
      for (const outcome of ['expired', 'lapsed_full'] as const) {
        const [seats, lost] = outcome === 'expired' ? [workshops(n), []] : [[], workshops(n)];
        const skPage = text(confirmPage(outcome, 'sk', series, seats, lost, holdMs));
        const enPage = text(confirmPage(outcome, 'en', series, seats, lost, holdMs));
        assert.ok(skPage.includes(sk), `${outcome}: ${skPage}`);
        assert.ok(enPage.includes(en), `${outcome}: ${enPage}`);
        assert.ok(!/24/.test(skPage.replace(/\d{1,2}\.\s\S+\s2037/g, '')), 'no 24 hours');
        assert.ok(!enPage.includes('24 hours'), enPage);
        const raw = confirmPage(outcome, 'sk', series, seats, lost, holdMs);
        assert.deepEqual(breakableAfterOneLetterWord(raw.replace(/<[^>]+>/g, '\n')), []);
      }
    });
  }

  test('the expired page still says the link no longer works', () => {
    assert.match(
      text(confirmPage('expired', 'sk', series, workshops(1))),
      /Tento odkaz už neplatí/,
    );
    assert.match(text(confirmPage('expired', 'en', series, workshops(1))), /no longer works/);
  });
});

describe('the join link sent again by hand', () => {
  const reminder = (locale: 'sk' | 'en', now: number) =>
    renderMail('reminder', {
      locale,
      to: 'person@example.org',
      registrationId: 'r1',
      baseUrl: 'https://signup.example.gov.sk',
      series,
      workshops: workshops(1),
      manageUrl: 'https://signup.example.gov.sk/api/v1/registrations/manage?token=y',
      now,
    }).text;

  test('while the workshop runs: it has started, in both languages', () => {
    const during = START + 30 * 60_000;
    const sk = reminder('sk', during);
    const en = reminder('en', during);
    assert.match(sk, /workshop „Workshop číslo 1“ sa už začal\./);
    assert.match(en, /the workshop “Workshop number 1” has already started\./);
    assert.ok(!sk.includes('necel'), sk);
    assert.ok(!en.includes('less than'), en);
    assert.deepEqual(breakableAfterOneLetterWord(sk.replace(/https?:\/\/\S+/g, '')), []);
  });

  test('before it starts: it starts in less than the lead time, as before', () => {
    const before = START - 3 * 3_600_000;
    assert.match(reminder('sk', before), /sa začína o\u00a0necelých 24\s+hodín\./);
    assert.match(reminder('en', before), /starts in less than 24 hours\./);
    // The very moment it starts counts as started.
    assert.match(reminder('en', START), /has already started/);
  });
});
