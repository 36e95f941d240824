import { msg } from '@lit/localize';
import type { AdminSeries, AdminSeriesRequest } from '../../worker/contract/index.js';
import type { FieldError } from './views/form.js';

/** What the series form holds: every field as typed (nothing typed is ever lost on an error). */
export interface SeriesValues {
  slug: string;
  titleSk: string;
  titleEn: string;
  descriptionSk: string;
  descriptionEn: string;
  privacyUrl: string;
  organizerName: string;
  organizerEmail: string;
  retentionDays: string;
  allowedOrigins: string;
  turnstile: boolean;
  siteKey: string;
  secretKey: string;
  /** The join-link reminder, in hours before the start ("24", "1,5"). */
  leadHours: string;
  secondReminder: boolean;
  /** The second, short reminder, in minutes before the start. */
  secondMinutes: string;
}

export const emptySeries = (): SeriesValues => ({
  slug: '',
  titleSk: '',
  titleEn: '',
  descriptionSk: '',
  descriptionEn: '',
  privacyUrl: '',
  organizerName: '',
  organizerEmail: '',
  retentionDays: '30',
  allowedOrigins: '',
  turnstile: false,
  siteKey: '',
  secretKey: '',
  leadHours: '24',
  secondReminder: false,
  secondMinutes: '60',
});

export const seriesValues = (s: AdminSeries): SeriesValues => ({
  slug: s.slug,
  titleSk: s.title.sk,
  titleEn: s.title.en,
  descriptionSk: s.description.sk,
  descriptionEn: s.description.en,
  privacyUrl: s.privacyUrl,
  organizerName: s.organizer.name,
  organizerEmail: s.organizer.email,
  retentionDays: String(s.retentionDays),
  allowedOrigins: s.allowedOrigins.join('\n'),
  turnstile: Boolean(s.turnstile),
  siteKey: s.turnstile?.siteKey ?? '',
  secretKey: '',
  // Series stored before issue 12 have no schedule in older answers: the default then.
  leadHours: hoursValue(s.reminders?.leadMinutes ?? 1440),
  secondReminder: (s.reminders?.secondLeadMinutes ?? null) !== null,
  secondMinutes: String(s.reminders?.secondLeadMinutes ?? 60),
});

/** Minutes as hours the way Slovak writes them: 90 → "1,5". */
export const hoursValue = (minutes: number) => String(minutes / 60).replace('.', ',');

/** "24", "1,5" or "1.5" hours → whole minutes; NaN when it is not a number. */
export function hoursToMinutes(text: string): number {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return NaN;
  return Math.round(Number(t) * 60);
}

const SLUG = /^(?=.{1,64}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The form's field ids for the API's field paths (`organizer.email`, `allowedOrigins.3`). */
export function seriesFieldId(path: string): string {
  const [head, sub] = path.split('.');
  const ids: Record<string, string> = {
    title: sub === 'en' ? 'title-en' : 'title-sk',
    description: sub === 'en' ? 'description-en' : 'description-sk',
    privacyUrl: 'privacy-url',
    organizer: sub === 'email' ? 'organizer-email' : 'organizer-name',
    retentionDays: 'retention-days',
    reminders: sub === 'secondLeadMinutes' ? 'second-minutes' : 'lead-hours',
    allowedOrigins: 'allowed-origins',
    turnstile: sub === 'secretKey' ? 'secret-key' : 'site-key',
    slug: 'slug',
  };
  return ids[head ?? ''] ?? 'title-sk';
}

const isHttps = (text: string) => {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * Checks what the page can check itself (the API checks everything again), and builds the PUT
 * body. `hadTurnstile`: on an edit, a blank secret keeps the stored keys.
 */
export function seriesRequest(
  v: SeriesValues,
  creating: boolean,
  hadTurnstile: boolean,
): { errors: FieldError[]; body: AdminSeriesRequest } {
  const errors: FieldError[] = [];
  const add = (id: string, text: string) => errors.push({ id, text });
  if (creating && !SLUG.test(v.slug.trim()))
    add('slug', msg('Enter an address name of lower-case letters, digits and dashes'));
  if (!v.titleSk.trim()) add('title-sk', msg('Enter the title in Slovak'));
  if (!isHttps(v.privacyUrl.trim()))
    add('privacy-url', msg('Enter the privacy notice address, starting with https://'));
  if (!v.organizerName.trim()) add('organizer-name', msg('Enter the organizer’s name'));
  if (!EMAIL.test(v.organizerEmail.trim()))
    add('organizer-email', msg('Enter the organizer’s email address, like info@mirri.gov.sk'));
  const days = Number(v.retentionDays);
  if (!Number.isInteger(days) || days < 1 || days > 3700)
    add('retention-days', msg('Enter a whole number of days from 1 to 3700'));
  const lead = hoursToMinutes(v.leadHours);
  if (!(lead >= 15 && lead <= 20160))
    add('lead-hours', msg('Enter the hours before the start, from 0.25 to 336 (two weeks)'));
  const second = Number(v.secondMinutes);
  if (v.secondReminder) {
    if (!/^\d+$/.test(v.secondMinutes.trim()) || second < 5 || second > 1440)
      add(
        'second-minutes',
        msg('Enter the minutes before the start, a whole number from 5 to 1440'),
      );
    else if (lead >= 15 && second >= lead)
      add('second-minutes', msg('The second reminder must come later than the first one'));
  }
  const origins = v.allowedOrigins
    .split(/[\s,]+/)
    .map((o) => o.trim())
    .filter(Boolean);
  const body: AdminSeriesRequest = {
    title: { sk: v.titleSk.trim(), en: v.titleEn.trim() },
    description: { sk: v.descriptionSk.trim(), en: v.descriptionEn.trim() },
    privacyUrl: v.privacyUrl.trim(),
    organizer: { name: v.organizerName.trim(), email: v.organizerEmail.trim() },
    retentionDays: days,
    allowedOrigins: origins,
    reminders: { leadMinutes: lead, secondLeadMinutes: v.secondReminder ? second : null },
  };
  if (!v.turnstile) {
    body.turnstile = null;
  } else if (v.secretKey.trim() || !hadTurnstile) {
    if (!v.siteKey.trim()) add('site-key', msg('Enter the Turnstile site key'));
    if (!v.secretKey.trim()) add('secret-key', msg('Enter the Turnstile secret key'));
    body.turnstile = { siteKey: v.siteKey.trim(), secretKey: v.secretKey.trim() };
  }
  return { errors, body };
}

/** The API's field codes, as a sentence about the field. */
export function fieldCodeText(code: string): string {
  switch (code) {
    case 'required':
      return msg('This field is required');
    case 'too_long':
      return msg('This is too long');
    case 'invalid_origin':
      return msg('Enter origins like https://www.obec.sk, one per line');
    case 'not_before_first':
      return msg('The second reminder must come later than the first one');
    case 'invalid_email':
      return msg('Enter a valid email address');
    case 'series_exists':
      return msg('A series with this address name already exists. Choose another one');
    default:
      return msg('This value is not valid');
  }
}
