import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  calendarFile,
  calendarSequence,
  foldLine,
  type CalendarEvent,
  type CalendarMode,
} from '../../worker/src/mail/ics';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

/** Unfolded content lines (RFC 5545 §3.1). */
const unfold = (ics: string) =>
  ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .slice(0, -1);

/** The value of the first property `name` (unfolded, still escaped). */
const property = (ics: string, name: string) =>
  unfold(ics)
    .find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
    ?.replace(/^[^:]*:/, '');

/** The structural rules every calendar file we send must follow. */
function assertValidICalendar(ics: string): void {
  assert.ok(ics.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(!/[^\r]\n/.test(ics) && !/\r[^\n]/.test(ics), 'every line break is CRLF');
  for (const line of ics.split('\r\n')) {
    assert.ok(octets(line) <= 75, `line of ${octets(line)} octets: ${line}`);
  }
  const lines = unfold(ics);
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.at(-1), 'END:VCALENDAR');
  const stack: string[] = [];
  for (const line of lines) {
    if (line.startsWith('BEGIN:')) stack.push(line.slice(6));
    if (line.startsWith('END:')) assert.equal(stack.pop(), line.slice(4), 'balanced BEGIN/END');
  }
  assert.deepEqual(stack, []);
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 1);
  assert.equal(property(ics, 'VERSION'), '2.0');
  assert.ok(property(ics, 'PRODID'));
  assert.ok(property(ics, 'UID'));
  assert.ok(property(ics, 'SUMMARY'));
  for (const name of ['DTSTAMP', 'DTSTART', 'DTEND']) {
    assert.match(property(ics, name) ?? '', /^\d{8}T\d{6}Z$/, `${name} in UTC`);
  }
  assert.match(property(ics, 'SEQUENCE') ?? '', /^\d+$/);
}

const ORGANIZER = { name: 'MIRRI', email: 'smartcity@mirri.gov.sk' };

const event = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'abc.def@signup.example.sk',
  sequence: 0,
  startsAt: Date.parse('2037-12-02T09:00:00Z'),
  endsAt: Date.parse('2037-12-02T11:00:00Z'),
  stamp: Date.parse('2037-11-20T08:30:15.123Z'),
  summary: 'Workshop',
  description: 'Popis',
  ...overrides,
});

describe('calendarFile (pure)', () => {
  test('is a valid iCalendar file with UTC times', () => {
    const ics = calendarFile(event());
    assertValidICalendar(ics);
    assert.equal(property(ics, 'DTSTART'), '20371202T090000Z');
    assert.equal(property(ics, 'DTEND'), '20371202T110000Z');
    assert.equal(property(ics, 'DTSTAMP'), '20371120T083015Z');
    assert.equal(property(ics, 'METHOD'), 'PUBLISH');
    assert.equal(property(ics, 'STATUS'), 'CONFIRMED');
    assert.equal(property(ics, 'URL'), undefined);
    assert.equal(property(ics, 'ORGANIZER'), undefined, 'a published file names no organizer');
  });

  test('escapes commas, semicolons, backslashes and newlines in text', () => {
    const ics = calendarFile(
      event({
        summary: 'Dáta, mestá; regióny \\ 2037',
        description: 'Riadok 1\nRiadok 2\r\nKoniec',
      }),
    );
    assertValidICalendar(ics);
    assert.equal(property(ics, 'SUMMARY'), 'Dáta\\, mestá\\; regióny \\\\ 2037');
    assert.equal(property(ics, 'DESCRIPTION'), 'Riadok 1\\nRiadok 2\\nKoniec');
  });

  test('folds long lines at 75 octets without splitting a UTF-8 character', () => {
    const summary = 'Ľudia, čísla a žiadosti: '.repeat(12);
    const ics = calendarFile(event({ summary }));
    assertValidICalendar(ics);
    assert.ok(
      ics.split('\r\n').some((l) => l.startsWith(' ')),
      'something was folded',
    );
    assert.equal(property(ics, 'SUMMARY'), summary.replace(/,/g, '\\,'));
    assert.ok(!ics.includes('\uFFFD'));
    for (const line of foldLine(`X:${'ž'.repeat(100)}`).split('\r\n')) {
      assert.ok(octets(line) <= 75);
      assert.ok(/^ ?X?:?ž*$/.test(line), 'only whole characters on each line');
    }
  });

  test('carries the join link as URL and in DESCRIPTION when given, and a cancellation as CANCEL', () => {
    const url =
      'https://meet.example.gov.sk/a-rather-long-room-name-that-will-need-folding-0123456789';
    const ics = calendarFile(event({ url, location: url, description: `Odkaz: ${url}` }));
    assertValidICalendar(ics);
    assert.equal(property(ics, 'URL'), url);
    assert.equal(property(ics, 'DESCRIPTION'), `Odkaz: ${url}`);
    const cancelled = calendarFile(event({ cancel: { organizer: ORGANIZER }, sequence: 3 }));
    assertValidICalendar(cancelled);
    assert.equal(property(cancelled, 'METHOD'), 'CANCEL');
    assert.equal(property(cancelled, 'STATUS'), 'CANCELLED');
    assert.equal(property(cancelled, 'SEQUENCE'), '3');
  });

  test('keeps a double quote out of the quoted organizer name of a cancellation', () => {
    const ics = calendarFile(
      event({ cancel: { organizer: { name: 'Mesto "Smart", a.s.', email: 'a@b.sk' } } }),
    );
    assertValidICalendar(ics);
    assert.equal(
      unfold(ics).find((l) => l.startsWith('ORGANIZER')),
      `ORGANIZER;CN="Mesto 'Smart', a.s.":mailto:a@b.sk`,
    );
  });
});

describe('calendarSequence', () => {
  test('rises with every change a file can say: link added, moved, cancelled', () => {
    const steps: [number, CalendarMode][] = [
      [0, 'plain'], // confirmation
      [0, 'join'], // reminder: the join link added
      [1, 'join'], // moved after the reminder
      [1, 'cancel-registration'], // the person cancels
    ];
    const sequences = steps.map(([s, mode]) => calendarSequence(s, mode));
    assert.deepEqual(sequences, [0, 1, 4, 5]);
    // Moved before the reminder, then the workshop is cancelled (its change number rises too).
    assert.ok(calendarSequence(1, 'plain') > calendarSequence(0, 'join'));
    assert.ok(calendarSequence(2, 'cancel-workshop') > calendarSequence(1, 'join'));
  });
});
