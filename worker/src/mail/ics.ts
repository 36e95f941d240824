/**
 * A minimal RFC 5545 calendar with one event. Times are UTC ("…Z"), so no VTIMEZONE is needed and
 * every calendar shows the event at the right local time.
 *
 * Published files (METHOD:PUBLISH) carry no ORGANIZER: with one, Outlook treats the entry as a
 * meeting invitation and sends accept/decline replies to the organizer. A cancellation is
 * METHOD:CANCEL with STATUS:CANCELLED under the same UID and a higher SEQUENCE — what Outlook,
 * Google Calendar and Apple Calendar act on; it names the ORGANIZER, which RFC 5546 §3.2.5
 * requires of a CANCEL (there is nothing to reply to).
 */

/** What a workshop's calendar file says. */
export type CalendarMode = 'none' | 'plain' | 'join' | 'cancel-registration' | 'cancel-workshop';

/**
 * SEQUENCE = 3 × the workshop's change number + 0 (no join link yet), 1 (with the join link) or
 * 2 (cancelled). The change number (workshops.sequence) rises with every change of time or link
 * and with the workshop's cancellation, so for one attendee the files rise monotonically:
 * confirmation 3s → reminder (link added) 3s+1 → moved 3(s+1) or 3(s+1)+1 with the link →
 * registration or workshop cancelled 3s'+2. DTSTAMP is the moment the file is written.
 */
export function calendarSequence(workshopSequence: number, mode: CalendarMode): number {
  const step = mode === 'join' ? 1 : mode.startsWith('cancel') ? 2 : 0;
  return workshopSequence * 3 + step;
}

/**
 * One UID per workshop and registration, under the deployment's own host: two deployments cannot
 * collide, and someone who cancels and registers again gets a fresh entry rather than one a
 * client already holds as cancelled.
 */
export const calendarUid = (workshopId: string, registrationId: string, host: string) =>
  `${workshopId}.${registrationId}@${host}`;

export interface CalendarEvent {
  uid: string;
  /** Increases when the event changes, so calendars replace the old copy (calendarSequence). */
  sequence: number;
  startsAt: number;
  endsAt: number;
  stamp: number;
  summary: string;
  description: string;
  /** The join link; only in the reminder's calendar file. */
  url?: string;
  location?: string;
  /** Makes it a cancellation (METHOD:CANCEL), which names the organizer. */
  cancel?: { organizer: { name: string; email: string } };
}

const utc = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
const text = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** A quoted parameter value may not contain double quotes (RFC 5545 §3.2). */
const param = (value: string) => `"${value.replace(/"/g, "'")}"`;

/** Lines longer than 75 octets are folded: CRLF plus one space, never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + bytes > limit) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function calendarFile(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//workshop-signup//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${event.cancel ? 'CANCEL' : 'PUBLISH'}`,
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utc(event.stamp)}`,
    `DTSTART:${utc(event.startsAt)}`,
    `DTEND:${utc(event.endsAt)}`,
    `SUMMARY:${text(event.summary)}`,
    `DESCRIPTION:${text(event.description)}`,
    ...(event.location ? [`LOCATION:${text(event.location)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    ...(event.cancel
      ? [
          `ORGANIZER;CN=${param(event.cancel.organizer.name)}:mailto:${event.cancel.organizer.email}`,
        ]
      : []),
    `STATUS:${event.cancel ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
