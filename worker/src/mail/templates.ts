import type { Locale } from '../schemas/registration';
import { calendarFile } from './ics';
import { formatMoment, formatWhen } from './format';
import type { Attachment, Mail, MailKind } from './message';

/** What a template needs to know; never more personal data than the e-mail address itself. */
export interface MailWorkshop {
  id: string;
  title: { sk: string; en: string };
  startsAt: number;
  endsAt: number;
  joinUrl: string;
  /** Bumped on every change that matters to a calendar (time, link, cancellation). */
  sequence: number;
}

export interface MailContext {
  locale: Locale;
  to: string;
  series: { title: { sk: string; en: string }; organizer: { name: string; email: string } };
  workshops: MailWorkshop[];
  confirmUrl?: string;
  manageUrl: string;
  /** When a pending registration stops holding its seats. */
  holdUntil?: number;
  /** workshop_changed: include the (new) join link, because the reminder already went out. */
  includeJoinLink?: boolean;
  now: number;
}

interface Paragraph {
  text: string;
  link?: string;
}

type Body = {
  subject: string;
  paragraphs: (Paragraph | string)[];
  calendars: 'none' | 'plain' | 'join' | 'cancel';
};

function bodies(ctx: MailContext): Record<MailKind, () => Body> {
  const sk = ctx.locale === 'sk';
  const title = ctx.series.title[ctx.locale];
  const list = (ws: MailWorkshop[]) =>
    ws
      .map((w) => `• ${w.title[ctx.locale]}\n  ${formatWhen(w.startsAt, w.endsAt, ctx.locale)}`)
      .join('\n');
  const first = ctx.workshops[0];
  const firstTitle = first?.title[ctx.locale] ?? '';
  const holdUntil = ctx.holdUntil ? formatMoment(ctx.holdUntil, ctx.locale) : '';
  const q = (text: string) => (sk ? `„${text}“` : `“${text}”`);
  const when = first ? formatWhen(first.startsAt, first.endsAt, ctx.locale) : '';
  return {
    confirm_request: () => ({
      subject: sk ? `Potvrďte registráciu: ${title}` : `Confirm your registration: ${title}`,
      paragraphs: [
        sk
          ? `ďakujeme za registráciu na workshopy série ${q(title)}:\n${list(ctx.workshops)}`
          : `thank you for registering for these workshops of ${q(title)}:\n${list(ctx.workshops)}`,
        {
          text: sk
            ? `Registráciu dokončite: otvorte tento odkaz a potvrďte ju tlačidlom. Miesto vám podržíme do ${holdUntil}.`
            : `To complete your registration, open this link and press the button. We hold your seat until ${holdUntil}.`,
          link: ctx.confirmUrl,
        },
        sk
          ? 'Ak ste sa neregistrovali vy, tento e-mail ignorujte: bez potvrdenia registrácia zanikne.'
          : 'If you did not register, ignore this e-mail: without confirmation the registration lapses.',
      ],
      calendars: 'none',
    }),
    confirmed: () => ({
      subject: sk ? `Registrácia potvrdená: ${title}` : `Registration confirmed: ${title}`,
      paragraphs: [
        sk
          ? `vaša registrácia je potvrdená. Tešíme sa na vás na workshopoch:\n${list(ctx.workshops)}`
          : `your registration is confirmed. We look forward to seeing you at:\n${list(ctx.workshops)}`,
        sk
          ? 'Odkaz na pripojenie vám pošleme e-mailom približne 24 hodín pred začiatkom každého workshopu (ak sa začína skôr, hneď). V prílohe je termín do kalendára.'
          : 'We will e-mail you the join link about 24 hours before each workshop starts (right away if it starts sooner). A calendar entry is attached.',
      ],
      calendars: 'plain',
    }),
    already_registered: () => ({
      subject: sk ? `Už ste zaregistrovaný/-á: ${title}` : `You are already registered: ${title}`,
      paragraphs: [
        sk
          ? `niekto (pravdepodobne vy) sa znova zaregistroval s touto adresou. Na tieto workshopy už ste zaregistrovaný/-á a miesto máte isté:\n${list(ctx.workshops)}`
          : `someone (probably you) registered again with this address. You already have a seat at:\n${list(ctx.workshops)}`,
        sk ? 'Nemusíte nič robiť.' : 'There is nothing you need to do.',
      ],
      calendars: 'none',
    }),
    cancelled: () => ({
      subject: sk ? `Registrácia zrušená: ${title}` : `Registration cancelled: ${title}`,
      paragraphs: [
        sk
          ? `zrušili sme vašu registráciu na:\n${list(ctx.workshops)}`
          : `we have cancelled your registration for:\n${list(ctx.workshops)}`,
        sk
          ? 'Ak ste to neboli vy alebo si to rozmyslíte, zaregistrujte sa znova, kým sú voľné miesta.'
          : 'If this was not you, or you change your mind, register again while seats are left.',
      ],
      calendars: 'cancel',
    }),
    reminder: () => ({
      subject: sk
        ? `Odkaz na pripojenie: ${firstTitle} (${formatMoment(first!.startsAt, 'sk')})`
        : `Join link: ${firstTitle} (${formatMoment(first!.startsAt, 'en')})`,
      paragraphs: [
        sk
          ? `workshop ${q(firstTitle)} sa začína o necelých 24 hodín.\nTermín: ${when}`
          : `the workshop ${q(firstTitle)} starts in less than 24 hours.\nWhen: ${when}`,
        {
          text: sk ? 'Pripojíte sa na tomto odkaze:' : 'Join with this link:',
          link: first?.joinUrl,
        },
        sk
          ? 'Odkaz je určený len vám, prosím, nepreposielajte ho.'
          : 'The link is meant for you alone; please do not forward it.',
      ],
      calendars: 'join',
    }),
    workshop_changed: () => ({
      subject: sk ? `Zmena workshopu: ${firstTitle}` : `Workshop changed: ${firstTitle}`,
      paragraphs: [
        sk
          ? `workshop ${q(firstTitle)} sa zmenil.\nTermín: ${when}`
          : `the workshop ${q(firstTitle)} has changed.\nWhen: ${when}`,
        ctx.includeJoinLink
          ? {
              text: sk ? 'Platný odkaz na pripojenie:' : 'The join link to use:',
              link: first?.joinUrl,
            }
          : sk
            ? 'Odkaz na pripojenie vám pošleme približne 24 hodín pred začiatkom.'
            : 'We will e-mail you the join link about 24 hours before the start.',
      ],
      calendars: ctx.includeJoinLink ? 'join' : 'plain',
    }),
    workshop_cancelled: () => ({
      subject: sk ? `Workshop sa ruší: ${firstTitle}` : `Workshop cancelled: ${firstTitle}`,
      paragraphs: [
        sk
          ? `s ľútosťou vám oznamujeme, že workshop ${q(firstTitle)} sa neuskutoční.\nPôvodný termín: ${when}`
          : `we are sorry to tell you that the workshop ${q(firstTitle)} will not take place.\nIt was planned for: ${when}`,
      ],
      calendars: 'cancel',
    }),
  };
}

/** Renders one e-mail: text and HTML parts with the same content, plus calendar files. */
export function renderMail(kind: MailKind, ctx: MailContext): Mail {
  const body = bodies(ctx)[kind]();
  const sk = ctx.locale === 'sk';
  const paragraphs: Paragraph[] = [
    { text: sk ? 'Dobrý deň,' : 'Hello,' },
    ...body.paragraphs.map((p) => (typeof p === 'string' ? { text: p } : p)),
    {
      text: sk
        ? 'Registráciu si môžete pozrieť alebo zrušiť tu:'
        : 'See or cancel your registration here:',
      link: ctx.manageUrl,
    },
    { text: (sk ? 'S pozdravom\n' : 'Kind regards,\n') + ctx.series.organizer.name },
  ];
  return {
    to: ctx.to,
    fromName: ctx.series.organizer.name,
    replyTo: ctx.series.organizer.email,
    subject: body.subject,
    text: paragraphs.map((p) => (p.link ? `${p.text}\n${p.link}` : p.text)).join('\n\n') + '\n',
    html: htmlDocument(ctx.locale, body.subject, paragraphs),
    attachments: calendars(body.calendars, ctx),
  };
}

function calendars(mode: Body['calendars'], ctx: MailContext): Attachment[] {
  if (mode === 'none') return [];
  return ctx.workshops.map((w) => {
    const withLink = mode === 'join';
    const sk = ctx.locale === 'sk';
    const description = withLink
      ? `${sk ? 'Odkaz na pripojenie' : 'Join link'}: ${w.joinUrl}`
      : mode === 'cancel'
        ? sk
          ? 'Tento termín je zrušený.'
          : 'This event is cancelled.'
        : sk
          ? 'Odkaz na pripojenie dostanete e-mailom približne 24 hodín pred začiatkom.'
          : 'You will get the join link by e-mail about 24 hours before the start.';
    return {
      filename: `workshop-${w.id}.ics`,
      contentType: `text/calendar; charset=utf-8; method=${mode === 'cancel' ? 'CANCEL' : 'PUBLISH'}`,
      content: calendarFile({
        uid: `${w.id}@workshop-signup`,
        sequence: w.sequence,
        startsAt: w.startsAt,
        endsAt: w.endsAt,
        stamp: ctx.now,
        summary: w.title[ctx.locale],
        description,
        location: withLink ? w.joinUrl : 'Online',
        url: withLink ? w.joinUrl : undefined,
        organizer: ctx.series.organizer,
        cancelled: mode === 'cancel',
      }),
    };
  });
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function htmlDocument(locale: Locale, subject: string, paragraphs: Paragraph[]): string {
  const body = paragraphs
    .map((p) => {
      const text = escapeHtml(p.text).replace(/\n/g, '<br>');
      const link = p.link
        ? `<br><a href="${escapeHtml(p.link)}" style="color:#126dff">${escapeHtml(p.link)}</a>`
        : '';
      return `<p style="margin:0 0 16px">${text}${link}</p>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#000">
${body}
</body></html>`;
}
