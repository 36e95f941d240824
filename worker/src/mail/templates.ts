import type { Locale } from '../schemas/registration';
import { calendarFile, calendarSequence, calendarUid, type CalendarMode } from './ics';
import {
  DEFAULT_LEAD_MINUTES,
  formatLead,
  formatMoment,
  formatWhen,
  formatWithin,
  inLanguage,
  plural,
} from './format';
import { emailHtml, type Paragraph } from './layout';
import type { Attachment, Mail, MailKind } from './message';
import { WORDING } from './wording';
import { WAITLIST_WORDING } from './waitlist-wording';

/** What a template needs to know; never more personal data than the e-mail address itself. */
export interface MailWorkshop {
  id: string;
  title: { sk: string; en: string };
  startsAt: number;
  endsAt: number;
  joinUrl: string;
  /** Bumped on every change that matters to a calendar (time, link, cancellation). */
  sequence: number;
  /** The organizer's follow-up (the `followup` message). */
  followUp?: MailFollowUp | null;
}

/** The organizer's follow-up as the template needs it (db/workshops.ts stores it). */
export interface MailFollowUp {
  text: { sk: string; en: string };
  links: { label: { sk: string; en: string }; url: string }[];
}

export interface MailContext {
  locale: Locale;
  to: string;
  /** Whose registration: calendar UIDs are per registration, so each attendee's entries stand alone. */
  registrationId: string;
  /** The deployment's origin (PUBLIC_URL or the one the registration came through): UIDs live under its host. */
  baseUrl: string;
  series: {
    title: { sk: string; en: string };
    organizer: { name: string; email: string };
    /** When the join link goes (db/series.ts); without it, the default 24 hours. */
    reminders?: { leadMinutes: number };
  };
  workshops: MailWorkshop[];
  confirmUrl?: string;
  manageUrl: string;
  /** When a pending registration stops holding its seats. */
  holdUntil?: number;
  /** Until when its confirmation link works (after the hold: only for seats still free). */
  confirmUntil?: number;
  /** An offered seat: the link that accepts it, and until when it waits. */
  offer?: { url: string; until: number };
  /** Places in line (confirmation request and confirmation), beside the seats in `workshops`. */
  waiting?: { workshop: MailWorkshop; place: number }[];
  /** workshop_changed: include the (new) join link, because the reminder already went out. */
  includeJoinLink?: boolean;
  now: number;
}

type Body = {
  subject: string;
  paragraphs: (Paragraph | string)[];
  calendars: CalendarMode;
};

function bodies(ctx: MailContext): Record<MailKind, () => Body> {
  const t = WORDING[ctx.locale];
  const title = inLanguage(ctx.series.title, ctx.locale);
  const n = ctx.workshops.length;
  const counted = <T>(forms: { one: T; few: T; other: T }) => plural(forms, n, ctx.locale);
  const list = (ws: MailWorkshop[]) =>
    ws
      .map(
        (w) =>
          `• ${inLanguage(w.title, ctx.locale)}\n  ${formatWhen(w.startsAt, w.endsAt, ctx.locale)}`,
      )
      .join('\n');
  const first = ctx.workshops[0];
  const firstTitle = first ? inLanguage(first.title, ctx.locale) : '';
  const holdUntil = ctx.holdUntil ? formatMoment(ctx.holdUntil, ctx.locale) : '';
  const when = first ? formatWhen(first.startsAt, first.endsAt, ctx.locale) : '';
  const w = WAITLIST_WORDING[ctx.locale];
  const lineList = (ctx.waiting ?? [])
    .map((p) => `${list([p.workshop])}\n  ${w.place(p.place)}`)
    .join('\n');
  // Seats first (if any), then the places in line with how a place turns into a seat.
  const withLine = (seats: (Paragraph | string)[], intro: (list: string) => string) => [
    ...(ctx.workshops.length > 0 ? seats : []),
    ...(lineList ? [intro(lineList), w.howItMoves] : []),
  ];
  const followUp = first?.followUp;
  const leadMinutes = ctx.series.reminders?.leadMinutes ?? DEFAULT_LEAD_MINUTES;
  const lead = formatLead(leadMinutes, ctx.locale);
  return {
    confirm_request: () => ({
      subject: t.confirmRequest.subject(title),
      paragraphs: [
        ...withLine([counted(t.confirmRequest.thanks)(title, list(ctx.workshops))], w.joinsLine),
        { text: counted(t.confirmRequest.confirmLink)(holdUntil), link: ctx.confirmUrl },
        ...(ctx.confirmUntil
          ? [counted(t.confirmRequest.lateConfirm)(formatMoment(ctx.confirmUntil, ctx.locale))]
          : []),
        t.confirmRequest.notYou,
      ],
      calendars: 'none',
    }),
    confirmed: () => ({
      subject: t.confirmed.subject(title),
      paragraphs: withLine(
        [counted(t.confirmed.seeYou)(list(ctx.workshops)), counted(t.confirmed.next)(lead)],
        w.inLine,
      ),
      calendars: 'plain',
    }),
    already_registered: () => ({
      subject: t.alreadyRegistered.subject(title),
      paragraphs: [
        counted(t.alreadyRegistered.again)(list(ctx.workshops)),
        t.alreadyRegistered.nothingToDo,
      ],
      calendars: 'none',
    }),
    cancelled: () => ({
      subject: t.cancelled.subject(title),
      paragraphs: [
        counted(t.cancelled.cancelledFor)(list(ctx.workshops)),
        counted(t.cancelled.changedMind),
      ],
      calendars: 'cancel-registration',
    }),
    reminder: () => ({
      subject: t.reminder.subject(firstTitle, formatMoment(first!.startsAt, ctx.locale)),
      paragraphs: [
        // An organizer may send the link again while the workshop runs (resend-join-link).
        first && ctx.now >= first.startsAt
          ? t.reminder.started(firstTitle, when)
          : t.reminder.startsSoon(firstTitle, when, formatWithin(leadMinutes, ctx.locale)),
        { text: t.reminder.joinWith, link: first?.joinUrl },
        t.reminder.doNotForward,
      ],
      calendars: 'join',
    }),
    workshop_changed: () => ({
      subject: t.workshopChanged.subject(firstTitle),
      paragraphs: [
        t.workshopChanged.changed(firstTitle, when),
        ctx.includeJoinLink
          ? { text: t.workshopChanged.joinLinkNow, link: first?.joinUrl }
          : t.workshopChanged.joinLinkLater(lead),
      ],
      calendars: ctx.includeJoinLink ? 'join' : 'plain',
    }),
    promoted: () => ({
      subject: w.promoted.subject(firstTitle),
      paragraphs: [w.promoted.seatIsYours(firstTitle, when), w.promoted.next],
      calendars: 'plain',
    }),
    offer: () => ({
      subject: w.offer.subject(firstTitle),
      paragraphs: [
        w.offer.seatForYou(firstTitle, when, formatMoment(ctx.offer?.until ?? 0, ctx.locale)),
        { text: w.offer.accept, link: ctx.offer?.url },
        w.offer.otherwise,
      ],
      calendars: 'none',
    }),
    reminder_short: () => ({
      subject: w.shortReminder.subject(firstTitle, formatMoment(first!.startsAt, ctx.locale)),
      paragraphs: [
        w.shortReminder.startsSoon(firstTitle, when),
        { text: w.shortReminder.joinWith, link: first?.joinUrl },
        t.reminder.doNotForward,
      ],
      calendars: 'none',
    }),
    followup: () => ({
      subject: w.followUp.subject(firstTitle),
      paragraphs: [
        inLanguage(followUp?.text ?? { sk: '', en: '' }, ctx.locale),
        ...(followUp?.links.length
          ? [
              w.followUp.links,
              ...followUp.links.map((l) => ({
                text: inLanguage(l.label, ctx.locale),
                link: l.url,
              })),
            ]
          : []),
      ],
      calendars: 'none',
    }),
    line_cancelled: () => ({
      subject: w.lineCancelled.subject(firstTitle),
      paragraphs: [w.lineCancelled.notTakingPlace(firstTitle, when), w.lineCancelled.lineEnded],
      // No calendar entry: a place in line never had one.
      calendars: 'none',
    }),
    offer_reminder: () => ({
      subject: w.offerReminder.subject(firstTitle),
      paragraphs: [
        w.offerReminder.stillHeld(
          firstTitle,
          when,
          formatMoment(ctx.offer?.until ?? 0, ctx.locale),
        ),
        { text: w.offer.accept, link: ctx.offer?.url },
        w.offer.otherwise,
      ],
      calendars: 'none',
    }),
    workshop_cancelled: () => ({
      subject: t.workshopCancelled.subject(firstTitle),
      paragraphs: [t.workshopCancelled.notTakingPlace(firstTitle, when)],
      calendars: 'cancel-workshop',
    }),
  };
}

/** Renders one e-mail: text and HTML parts with the same content, plus calendar files. */
export function renderMail(kind: MailKind, unsorted: MailContext): Mail {
  // Lists and calendar files in start order, whatever order the registration named them in.
  const ctx = {
    ...unsorted,
    workshops: [...unsorted.workshops].sort((a, b) => a.startsAt - b.startsAt),
  };
  const body = bodies(ctx)[kind]();
  const t = WORDING[ctx.locale];
  const paragraphs: Paragraph[] = [
    { text: t.greeting },
    ...body.paragraphs.map((p) => (typeof p === 'string' ? { text: p } : p)),
    { text: t.timesNote },
    { text: t.manageLink, link: ctx.manageUrl },
    { text: t.signOff(ctx.series.organizer.name) },
  ];
  return {
    to: ctx.to,
    fromName: ctx.series.organizer.name,
    replyTo: ctx.series.organizer.email,
    subject: body.subject,
    text: paragraphs.map((p) => (p.link ? `${p.text}\n${p.link}` : p.text)).join('\n\n') + '\n',
    html: emailHtml(ctx.locale, body.subject, paragraphs),
    attachments: calendars(body.calendars, ctx),
  };
}

function calendars(mode: CalendarMode, ctx: MailContext): Attachment[] {
  if (mode === 'none') return [];
  const t = WORDING[ctx.locale].calendar;
  const host = new URL(ctx.baseUrl).host;
  const cancelled = mode === 'cancel-registration' || mode === 'cancel-workshop';
  return ctx.workshops.map((w) => {
    const withLink = mode === 'join';
    const description =
      mode === 'join'
        ? t.joinLink(w.joinUrl)
        : mode === 'plain'
          ? t.joinLinkLater(
              formatLead(ctx.series.reminders?.leadMinutes ?? DEFAULT_LEAD_MINUTES, ctx.locale),
            )
          : mode === 'cancel-workshop'
            ? t.workshopCancelled
            : t.registrationCancelled;
    return {
      filename: `workshop-${w.id}.ics`,
      contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'PUBLISH'}`,
      content: calendarFile({
        uid: calendarUid(w.id, ctx.registrationId, host),
        sequence: calendarSequence(w.sequence, mode),
        startsAt: w.startsAt,
        endsAt: w.endsAt,
        stamp: ctx.now,
        summary: `${inLanguage(w.title, ctx.locale)} – ${inLanguage(ctx.series.title, ctx.locale)}`,
        description: `${description}\n\n${t.manage(ctx.manageUrl)}`,
        location: withLink ? w.joinUrl : 'Online',
        url: withLink ? w.joinUrl : undefined,
        cancel: cancelled ? { organizer: ctx.series.organizer } : undefined,
      }),
    };
  });
}
