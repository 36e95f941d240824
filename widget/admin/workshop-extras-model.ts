import { msg, str } from '@lit/localize';
import type { AdminWorkshop, AdminWorkshopRequest } from '../../worker/contract/index.js';
import { hoursToMinutes, hoursValue } from './series-form-model.js';
import type { FieldError } from './views/form.js';

/** One link of the follow-up (materials, feedback form), as typed. */
export interface LinkValues {
  labelSk: string;
  labelEn: string;
  url: string;
}

/** The workshop's waiting list and follow-up (issue 12), as typed. */
export interface ExtrasValues {
  waitlist: boolean;
  waitlistMode: 'auto' | 'offer';
  /** How long an offered seat waits, in hours ("24", "0,5"). */
  offerHours: string;
  followUp: boolean;
  followUpSk: string;
  followUpEn: string;
  links: LinkValues[];
  /** Hours after the end. */
  afterHours: string;
}

export const MAX_LINKS = 10;
export const emptyLink = (): LinkValues => ({ labelSk: '', labelEn: '', url: '' });

/** A new workshop: the API's defaults (waiting list on, moved in automatically, no follow-up). */
export const emptyExtras = (): ExtrasValues => ({
  waitlist: true,
  waitlistMode: 'auto',
  offerHours: '24',
  followUp: false,
  followUpSk: '',
  followUpEn: '',
  links: [emptyLink()],
  afterHours: '2',
});

export function extrasValues(w: AdminWorkshop): ExtrasValues {
  const f = w.followUp;
  return {
    waitlist: w.waitlist ?? true,
    waitlistMode: w.waitlistMode ?? 'auto',
    offerHours: hoursValue(w.offerMinutes ?? 1440),
    followUp: Boolean(f),
    followUpSk: f?.text.sk ?? '',
    followUpEn: f?.text.en ?? '',
    links: f?.links.length
      ? f.links.map((l) => ({ labelSk: l.label.sk, labelEn: l.label.en, url: l.url }))
      : [emptyLink()],
    afterHours: hoursValue(f?.afterMinutes ?? 120),
  };
}

/** The API's field paths (`followUp.links.2.url`) → the form's field ids. */
export function extrasFieldId(path: string): string | undefined {
  const parts = path.split('.');
  if (parts[0] === 'offerMinutes') return 'offer-hours';
  if (parts[0] !== 'followUp') return undefined;
  if (parts[1] === 'afterMinutes') return 'after-hours';
  if (parts[1] === 'text') return parts[2] === 'en' ? 'followup-en' : 'followup-sk';
  if (parts[1] === 'links' && parts[2] !== undefined) {
    if (parts[3] === 'url') return `link-url-${parts[2]}`;
    return parts[4] === 'en' ? `link-label-en-${parts[2]}` : `link-label-sk-${parts[2]}`;
  }
  return 'followup-sk';
}

const isHttps = (text: string) => {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
};

type ExtrasBody = Pick<
  AdminWorkshopRequest,
  'waitlist' | 'waitlistMode' | 'offerMinutes' | 'followUp'
>;

function extrasBody(v: ExtrasValues, add: (id: string, text: string) => void): ExtrasBody {
  const body: ExtrasBody = { waitlist: v.waitlist, waitlistMode: v.waitlistMode };
  if (v.waitlist && v.waitlistMode === 'offer') {
    const offer = hoursToMinutes(v.offerHours);
    if (!(offer >= 15 && offer <= 10080))
      add('offer-hours', msg('Enter how long an offer waits, in hours from 0.25 to 168 (a week)'));
    body.offerMinutes = offer;
  }
  if (!v.followUp) return { ...body, followUp: null };
  if (!v.followUpSk.trim()) add('followup-sk', msg('Enter the follow-up message in Slovak'));
  for (const [id, text] of [
    ['followup-sk', v.followUpSk],
    ['followup-en', v.followUpEn],
  ] as const)
    if (text.trim().length > 5000) add(id, msg('The message can have at most 5000 characters'));
  const links = v.links
    .map((l, i) => ({ ...l, i }))
    .filter((l) => l.labelSk.trim() || l.labelEn.trim() || l.url.trim());
  for (const l of links) {
    const n = l.i + 1;
    if (!l.labelSk.trim())
      add(`link-label-sk-${l.i}`, msg(str`Enter the name of link ${n} in Slovak`));
    if (!isHttps(l.url.trim()))
      add(`link-url-${l.i}`, msg(str`Enter link ${n}, starting with https://`));
  }
  const after = hoursToMinutes(v.afterHours);
  if (!(after >= 0 && after <= 20160))
    add('after-hours', msg('Enter the hours after the end, from 0 to 336 (two weeks)'));
  return {
    ...body,
    followUp: {
      text: { sk: v.followUpSk.trim(), en: v.followUpEn.trim() },
      links: links.map((l) => ({
        label: { sk: l.labelSk.trim(), en: l.labelEn.trim() },
        url: l.url.trim(),
      })),
      afterMinutes: after,
    },
  };
}

/**
 * Checks the waiting-list and follow-up settings and builds their part of the request: for a new
 * workshop all of it; for an edit only the settings that changed.
 */
export function extrasRequest(
  v: ExtrasValues,
  original: ExtrasValues | null,
): { errors: FieldError[]; body: ExtrasBody } {
  const errors: FieldError[] = [];
  const add = (id: string, text: string) => errors.push({ id, text });
  const body = extrasBody(v, add);
  if (!original) return { errors, body };
  const before = extrasBody(original, () => {});
  const changed: ExtrasBody = {};
  for (const key of Object.keys(body) as (keyof ExtrasBody)[])
    if (JSON.stringify(body[key]) !== JSON.stringify(before[key]))
      (changed as Record<string, unknown>)[key] = body[key];
  return { errors, body: changed };
}
