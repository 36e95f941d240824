import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Registration } from '../../worker/src/db/registrations';
import type { Workshop } from '../../worker/src/db/workshops';
import type { MailKind } from '../../worker/src/mail/message';
import { renderMail, type MailWorkshop } from '../../worker/src/mail/templates';
import { WAITLIST_WORDING } from '../../worker/src/mail/waitlist-wording';
import { WORDING } from '../../worker/src/mail/wording';
import {
  cancelledPage,
  confirmFormPage,
  confirmPage,
  managePage,
} from '../../worker/src/pages/registration-pages';
import { offerPage } from '../../worker/src/pages/waitlist-pages';
import { T } from '../../worker/src/pages/wording';
import { sampleSeries } from '../support/mail-samples';
import { breakableAfterOneLetterWord, slashForms, stringsIn } from '../support/slovak-text';

/**
 * The language rules of issue 8 for everything the worker writes: no slash forms, a no-break
 * space after one-letter prepositions and conjunctions and inside dates, times and ranges, plural
 * agreement for 1, 2–4 and 5+ workshops, lists in start order, "email" in English.
 */
const KINDS: MailKind[] = [
  'confirm_request',
  'confirmed',
  'already_registered',
  'cancelled',
  'reminder',
  'workshop_changed',
  'workshop_cancelled',
  // Session 15's waiting-list messages.
  'line_cancelled',
  'offer_reminder',
  'promoted',
  'offer',
  'reminder_short',
  'followup',
];

/** Workshops in the order a registration might name them: not the order they start in. */
const workshops = (n: number): (MailWorkshop & Workshop)[] =>
  Array.from({ length: n }, (_, i) => {
    const startsAt = Date.parse('2037-12-14T09:00:00Z') + (n - 1 - i) * 86_400_000;
    return {
      id: `w${i}`,
      seriesId: 1,
      title: { sk: `Workshop číslo ${i + 1}`, en: `Workshop number ${i + 1}` },
      description: { sk: '', en: '' },
      startsAt,
      endsAt: startsAt + 2 * 3_600_000,
      capacity: 30,
      joinUrl: `https://meet.example.gov.sk/room-${i}`,
      registrationClosesAt: startsAt,
      cancelledAt: null,
      sequence: 0,
      seatsTaken: 1,
    } as unknown as MailWorkshop & Workshop;
  });

const series = sampleSeries;

const mail = (kind: MailKind, locale: 'sk' | 'en', n: number, leadMinutes = 24 * 60) =>
  renderMail(kind, {
    locale,
    to: 'person@example.org',
    registrationId: 'r1',
    baseUrl: 'https://signup.example.gov.sk',
    series: { ...series, reminders: { leadMinutes } },
    workshops: workshops(n),
    confirmUrl: 'https://signup.example.gov.sk/api/v1/registrations/confirm?token=x',
    manageUrl: 'https://signup.example.gov.sk/api/v1/registrations/manage?token=y',
    holdUntil: Date.parse('2037-12-01T10:00:00Z'),
    confirmUntil: Date.parse('2037-12-02T09:00:00Z'),
    includeJoinLink: false,
    offer: {
      url: 'https://signup.example.gov.sk/api/v1/registrations/offer?token=y',
      until: Date.parse('2037-12-02T09:00:00Z'),
    },
    now: Date.parse('2037-12-01T09:00:00Z'),
  });

const registration = (n: number) =>
  ({
    locale: 'sk',
    status: 'confirmed',
    heldWorkshopIds: workshops(n).map((w) => w.id),
  }) as Registration;

/** `n` workshops whose seat the address has elsewhere, all the same way. */
const seated = (n: number, how: 'confirmed' | 'offered' | 'unconfirmed') =>
  workshops(n).map((workshop) => ({ workshop, how }));

/** Every page a link can open, in Slovak, for `n` workshops. */
const pages = (n: number) => [
  confirmFormPage('t', 'sk', series, workshops(n)),
  confirmFormPage('t', 'sk', series, workshops(n), { heldUntil: Date.UTC(2037, 11, 1), now: 0 }),
  confirmPage('confirmed', 'sk', series, workshops(n), workshops(n)),
  confirmPage('lapsed_full', 'sk', series, [], workshops(n)),
  // A late confirmation whose address has the seats through another registration, each way.
  ...(['confirmed', 'offered', 'unconfirmed'] as const).map((how) =>
    confirmPage('already_seated', 'sk', series, [], [], undefined, seated(n, how)),
  ),
  confirmPage('confirmed', 'sk', series, workshops(n), [], undefined, seated(n, 'confirmed')),
  confirmFormPage('t', 'sk', series, workshops(n), {
    heldUntil: Date.UTC(2037, 11, 1),
    now: 0,
    seatedElsewhere: workshops(n).map((w, i) => ({
      workshopId: w.id,
      how: (['confirmed', 'offered', 'unconfirmed'] as const)[i % 3]!,
    })),
  }),
  confirmPage('expired', 'sk', series, workshops(n)),
  confirmPage('already_confirmed', 'sk', series, workshops(n)),
  managePage('t', registration(n), series, workshops(n)),
  cancelledPage('sk', series, workshops(n), workshops(n)),
];

const withoutUrls = (text: string) => text.replace(/https?:\/\/\S+/g, '');

/** A page's text: no style sheet, no markup. */
const pageText = (page: string) =>
  page.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, '\n');

describe('Slovak wording: dictionaries and rendered samples', () => {
  const samples = [
    ...stringsIn(WORDING.sk).map((s) => ['mail dictionary', s] as const),
    ...stringsIn(T.sk).map((s) => ['page dictionary', s] as const),
    ...stringsIn(WAITLIST_WORDING.sk).map((s) => ['waiting-list dictionary', s] as const),
    ...KINDS.flatMap((kind) =>
      [1, 3, 5].map((n) => [`${kind} ×${n}`, withoutUrls(mail(kind, 'sk', n).text)] as const),
    ),
    ...[1, 3, 5].flatMap((n) => pages(n).map((p) => [`page ×${n}`, pageText(p)] as const)),
  ];

  test('the samples are many (every entry, every kind, every page)', () => {
    assert.ok(samples.length > 100, String(samples.length));
  });

  test('no slash forms such as "zaregistrovaný/-á"', () => {
    for (const [where, text] of samples) assert.deepEqual(slashForms(text), [], where);
  });

  test('the formal "vy" takes no gendered adjective: not "ste prvý", "ste zaregistrovaná"', () => {
    for (const [where, text] of samples) {
      assert.deepEqual(
        text.match(/(?<!\p{L})ste\s+\p{L}+[ýá](?!\p{L})/gu) ?? [],
        [],
        `${where}: ${text}`,
      );
    }
  });

  test('no breakable space after v, k, s, z, o, a, i, u', () => {
    for (const [where, text] of samples) {
      assert.deepEqual(breakableAfterOneLetterWord(text), [], `${where}: ${text}`);
    }
  });

  test('dates, times and ranges do not break: "14. decembra 2037, 10:00 – 12:00"', () => {
    const text = mail('confirmed', 'sk', 1).text;
    assert.ok(text.includes('pondelok 14.\u00a0decembra\u00a02037, 10:00\u00a0–\u00a012:00'), text);
    assert.ok(!/ o \d/.test(text), 'a range has no "o"');
    const en = mail('confirmed', 'en', 1).text;
    assert.ok(en.includes('Monday 14\u00a0December\u00a02037, 10:00\u00a0–\u00a012:00'), en);
  });
});

describe('plural agreement: 1, 2–4 and 5+ workshops', () => {
  const cases: [MailKind, 'sk' | 'en', string[]][] = [
    [
      'confirm_request',
      'sk',
      [
        'registráciu na workshop zo série',
        'registráciu na workshopy zo série',
        'registráciu na workshopy zo série',
      ],
    ],
    ['confirm_request', 'sk', ['Miesto na workshope máte', 'Miesta na workshopoch máte', 'Miesta']],
    ['confirmed', 'sk', ['na workshope:', 'na workshopoch:', 'na workshopoch:']],
    ['confirmed', 'sk', ['nájdete termín do', 'nájdete termíny do', 'nájdete termíny do']],
    ['already_registered', 'sk', ['Na tento workshop', 'Na tieto workshopy', 'Na tieto']],
    ['cancelled', 'sk', ['na tento workshop sme', 'na tieto workshopy sme', 'na tieto']],
    ['confirm_request', 'en', ['this workshop of', 'these workshops of', 'these workshops of']],
    ['confirm_request', 'en', ['holding your seat until', 'your seats until', 'your seats']],
    ['confirmed', 'en', ['A calendar entry is attached', 'Calendar entries are', 'entries']],
    ['cancelled', 'en', ['for this workshop:', 'for these workshops:', 'these workshops:']],
  ];
  for (const [kind, locale, [one, few, other]] of cases) {
    test(`${kind} (${locale}): "${one}" / "${few}" / "${other}"`, () => {
      assert.ok(mail(kind, locale, 1).text.includes(one!), mail(kind, locale, 1).text);
      assert.ok(!mail(kind, locale, 1).text.includes(few!) || one === few);
      assert.ok(mail(kind, locale, 3).text.includes(few!), mail(kind, locale, 3).text);
      assert.ok(mail(kind, locale, 5).text.includes(other!), mail(kind, locale, 5).text);
      assert.ok(!mail(kind, locale, 3).text.includes(one!));
    });
  }

  test('pages: one / few / other', () => {
    const [one, few, other] = [1, 3, 5].map((n) => pages(n).join('\n'));
    for (const phrase of [
      'Naďalej máte registráciu na tento workshop:',
      'Miesto je už obsadené',
      'Miesto už máte',
      'Na tento workshop už máte miesto',
    ]) {
      assert.ok(one!.includes(phrase), phrase);
      assert.ok(!few!.includes(phrase) && !other!.includes(phrase), phrase);
    }
    for (const phrase of [
      'Naďalej máte registráciu na tieto workshopy:',
      'Miesta sú už obsadené',
      'Miesta už máte',
      'Na tieto workshopy už máte miesta',
    ]) {
      assert.ok(few!.includes(phrase) && other!.includes(phrase), phrase);
      assert.ok(!one!.includes(phrase), phrase);
    }
  });
});

describe('order, terms and times', () => {
  test('lists and calendar files are in start order, whatever order the registration named', () => {
    const m = mail('confirmed', 'sk', 3);
    const positions = [1, 2, 3].map((i) => m.text.indexOf(`${13 + i}.\u00a0decembra`));
    assert.ok(positions.every((p) => p > 0) && positions[0]! < positions[1]!, m.text);
    assert.ok(positions[1]! < positions[2]!, m.text);
    const starts = m.attachments.map((a) => /DTSTART:(\S+)/.exec(a.content)![1]);
    assert.deepEqual(starts, [...starts].sort());
  });

  test('Slovak says "registrácia", never "prihlásiť sa"; English says "email", not "e-mail"', () => {
    for (const kind of KINDS) {
      assert.ok(!/prihlás/i.test(mail(kind, 'sk', 2).text), kind);
      assert.ok(!/e-mail/i.test(mail(kind, 'en', 2).text), kind);
    }
    assert.ok(!stringsIn(T.en).some((s) => /e-mail/i.test(s)));
  });

  test('every message and page says once whose times they are', () => {
    for (const kind of KINDS) {
      const en = mail(kind, 'en', 2).text;
      assert.equal(en.split('Bratislava time').length - 1, 1, `${kind}:\n${en}`);
    }
    for (const page of pages(2)) {
      if (!/\d\d:\d\d/.test(page)) continue;
      assert.equal(page.split(T.sk.timesNote).length - 1, 1, page);
    }
  });

  test('the offer page says once whose times they are, in both languages', () => {
    for (const locale of ['sk', 'en'] as const) {
      const offer = { token: 't', locale, series, workshop: workshops(1)[0]!, until: 2e12 };
      for (const state of ['open', 'accepted', 'expired'] as const) {
        const text = pageText(offerPage(state, offer));
        const note = locale === 'sk' ? T.sk.timesNote : 'Bratislava time';
        assert.equal(text.split(note).length - 1, 1, `${locale} ${state}: ${text}`);
      }
    }
  });
});

describe('the series’ reminder lead, wherever the join link’s timing is told', () => {
  const cases: [number, string, string, string, string][] = [
    [
      24 * 60,
      'približne 24 hodín pred',
      'o\u00a0necelých 24 hodín',
      'about 24 hours before',
      'in less than 24 hours',
    ],
    [
      48 * 60,
      'približne 48 hodín pred',
      'o\u00a0necelých 48 hodín',
      'about 48 hours before',
      'in less than 48 hours',
    ],
    [
      3 * 60,
      'približne 3 hodiny pred',
      'o\u00a0necelé 3 hodiny',
      'about 3 hours before',
      'in less than 3 hours',
    ],
    [
      60,
      'približne hodinu pred',
      'o\u00a0necelú hodinu',
      'about an hour before',
      'in less than an hour',
    ],
    [
      90,
      'približne 90 minút pred',
      'o\u00a0necelých 90 minút',
      'about 90 minutes before',
      'in less than 90 minutes',
    ],
  ];
  for (const [lead, skBefore, skWithin, enBefore, enWithin] of cases) {
    test(`${lead} minutes: "${skBefore}", "${enBefore}"`, () => {
      for (const [locale, before, within] of [
        ['sk', skBefore, skWithin],
        ['en', enBefore, enWithin],
      ] as const) {
        const confirmed = mail('confirmed', locale, 1, lead);
        assert.ok(confirmed.text.includes(before), confirmed.text);
        const calendar = confirmed.attachments[0]!.content.replace(/\r\n[ \t]/g, '');
        assert.ok(calendar.includes(before), calendar);
        assert.ok(mail('workshop_changed', locale, 1, lead).text.includes(before), 'changed');
        const reminder = mail('reminder', locale, 1, lead).text;
        assert.ok(reminder.includes(within), reminder);
        const other = cases.find(([l]) => l !== lead)!;
        assert.ok(!confirmed.text.includes(locale === 'sk' ? other[1] : other[3]), 'no other lead');
      }
      const withLead = { ...series, reminders: { leadMinutes: lead, secondLeadMinutes: null } };
      const page = pageText(confirmPage('confirmed', 'sk', withLead, workshops(1), []));
      assert.ok(page.includes(skBefore), page);
      assert.deepEqual(
        breakableAfterOneLetterWord(withoutUrls(mail('reminder', 'sk', 1, lead).text)),
        [],
      );
    });
  }
});
