import { msg } from '@lit/localize';
import type { AdminWorkshop, AdminWorkshopRequest } from '../../worker/contract/index.js';
import { fromWallClock, toWallClock } from './time.js';
import type { FieldError } from './views/form.js';

/** The workshop form as typed: times as Bratislava wall-clock dates and times. */
export interface WorkshopValues {
  titleSk: string;
  titleEn: string;
  descriptionSk: string;
  descriptionEn: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  capacity: string;
  joinUrl: string;
  closesDate: string;
  closesTime: string;
}

export const emptyWorkshop = (): WorkshopValues => ({
  titleSk: '',
  titleEn: '',
  descriptionSk: '',
  descriptionEn: '',
  startDate: '',
  startTime: '',
  endDate: '',
  endTime: '',
  capacity: '',
  joinUrl: '',
  closesDate: '',
  closesTime: '',
});

export function workshopValues(w: AdminWorkshop): WorkshopValues {
  const start = toWallClock(w.startsAt);
  const end = toWallClock(w.endsAt);
  const closes = toWallClock(w.registrationClosesAt);
  return {
    titleSk: w.title.sk,
    titleEn: w.title.en,
    descriptionSk: w.description.sk,
    descriptionEn: w.description.en,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    capacity: String(w.capacity),
    joinUrl: w.joinUrl,
    // Closing at the start is the default: shown empty, so moving the start moves it too.
    closesDate: w.registrationClosesAt === w.startsAt ? '' : closes.date,
    closesTime: w.registrationClosesAt === w.startsAt ? '' : closes.time,
  };
}

/** The API's field paths → the form's field ids. */
export function workshopFieldId(path: string): string {
  const ids: Record<string, string> = {
    'title.sk': 'title-sk',
    'title.en': 'title-en',
    'description.sk': 'description-sk',
    'description.en': 'description-en',
    startsAt: 'start-date',
    endsAt: 'end-date',
    capacity: 'capacity',
    joinUrl: 'join-url',
    registrationClosesAt: 'closes-date',
  };
  return ids[path] ?? 'title-sk';
}

const isHttps = (text: string) => {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * Checks the form and builds the request: for a new workshop every field; for an edit only
 * what changed (a moved start re-plans reminders and tells registrants, a new title does not).
 */
export function workshopRequest(
  v: WorkshopValues,
  original: WorkshopValues | null,
): { errors: FieldError[]; body: Partial<AdminWorkshopRequest> } {
  const errors: FieldError[] = [];
  const add = (id: string, text: string) => errors.push({ id, text });
  if (!v.titleSk.trim()) add('title-sk', msg('Enter the title in Slovak'));
  const startsAt = fromWallClock(v.startDate, v.startTime);
  if (!v.startDate || !v.startTime) add('start-date', msg('Enter the date and time it starts'));
  else if (!startsAt)
    add(
      'start-date',
      msg('This time does not exist in Bratislava (clocks go forward); choose another'),
    );
  const endsAt = fromWallClock(v.endDate || v.startDate, v.endTime);
  if (!v.endTime) add('end-date', msg('Enter the time it ends'));
  else if (!endsAt)
    add(
      'end-date',
      msg('This time does not exist in Bratislava (clocks go forward); choose another'),
    );
  else if (startsAt && endsAt <= startsAt) add('end-date', msg('The end must be after the start'));
  const capacity = Number(v.capacity);
  if (v.capacity.trim() === '' || !Number.isInteger(capacity) || capacity < 0 || capacity > 100000)
    add('capacity', msg('Enter the number of seats, a whole number from 0 to 100000'));
  if (!isHttps(v.joinUrl.trim()))
    add('join-url', msg('Enter the join link, starting with https://'));
  let closesAt: string | undefined;
  if (v.closesDate || v.closesTime) {
    closesAt = fromWallClock(v.closesDate, v.closesTime || '00:00') ?? undefined;
    if (!closesAt) add('closes-date', msg('Enter a date and time that exists in Bratislava'));
    else if (startsAt && closesAt > startsAt)
      add('closes-date', msg('Registration must close no later than the start'));
  }
  const full: AdminWorkshopRequest = {
    title: { sk: v.titleSk.trim(), en: v.titleEn.trim() },
    description: { sk: v.descriptionSk.trim(), en: v.descriptionEn.trim() },
    startsAt: startsAt ?? '',
    endsAt: endsAt ?? '',
    capacity,
    joinUrl: v.joinUrl.trim(),
    ...(closesAt ? { registrationClosesAt: closesAt } : {}),
  };
  if (!original) return { errors, body: full };
  const body: Partial<AdminWorkshopRequest> = {};
  if (v.titleSk !== original.titleSk || v.titleEn !== original.titleEn) body.title = full.title;
  if (v.descriptionSk !== original.descriptionSk || v.descriptionEn !== original.descriptionEn)
    body.description = full.description;
  if (v.startDate !== original.startDate || v.startTime !== original.startTime)
    body.startsAt = full.startsAt;
  if (v.endDate !== original.endDate || v.endTime !== original.endTime) body.endsAt = full.endsAt;
  if (v.capacity !== original.capacity) body.capacity = capacity;
  if (v.joinUrl !== original.joinUrl) body.joinUrl = full.joinUrl;
  if (closesAt && (v.closesDate !== original.closesDate || v.closesTime !== original.closesTime))
    body.registrationClosesAt = closesAt;
  return { errors, body };
}

export function workshopFieldCodeText(code: string): string {
  switch (code) {
    case 'ends_before_start':
      return msg('The end must be after the start');
    case 'closes_after_start':
      return msg('Registration must close no later than the start');
    case 'required':
      return msg('This field is required');
    case 'too_long':
      return msg('This is too long');
    default:
      return msg('This value is not valid');
  }
}
