import { msg, str } from '@lit/localize';
import type { Locale, RegistrationRequest, Workshop } from './api.js';
import { pluralCategory, quotedList } from './format.js';

import {
  EMAIL_PATTERN,
  MAX_LENGTH,
  ORGANIZATION_TYPES,
  organizationRequired,
  type OrganizationType,
} from '../../worker/contract/registration-rules.js';

export { MAX_LENGTH, ORGANIZATION_TYPES, organizationRequired, type OrganizationType };

export interface FormValues {
  givenName: string;
  familyName: string;
  email: string;
  organizationType: OrganizationType | '';
  organization: string;
  role: string;
  workshopIds: string[];
}

export type FieldName = keyof FormValues;

/** Page order (the workshops come first): the error summary lists errors in this order. */
export const FIELD_ORDER: readonly FieldName[] = [
  'workshopIds',
  'givenName',
  'familyName',
  'email',
  'organizationType',
  'organization',
  'role',
];

/** Field → error code (the API's codes, so client and server errors read the same). */
export type FieldErrors = Partial<Record<FieldName, string>>;

export const emptyForm = (): FormValues => ({
  givenName: '',
  familyName: '',
  email: '',
  organizationType: '',
  organization: '',
  role: '',
  workshopIds: [],
});

/** Whether a person can still choose this workshop: a seat, or a place on its waiting list. */
export const isSelectable = (w: Workshop) =>
  w.registrationOpen && (w.seatsLeft > 0 || !!w.waitlistOpen);

/** Checks on submit what the API would refuse, so people learn it before a round trip. */
export function validate(values: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  const text = (field: keyof typeof MAX_LENGTH, required: boolean) => {
    const value = values[field].trim();
    if (required && value === '') errors[field] = 'required';
    else if (value.length > MAX_LENGTH[field]) errors[field] = 'too_long';
  };
  text('givenName', true);
  text('familyName', true);
  text('email', true);
  if (!errors.email && !EMAIL_PATTERN.test(values.email.trim())) errors.email = 'invalid_email';
  if (values.organizationType === '') errors.organizationType = 'required';
  text('organization', organizationRequired(values.organizationType));
  text('role', false);
  if (values.workshopIds.length === 0) errors.workshopIds = 'required';
  return errors;
}

export function organizationTypeLabel(type: OrganizationType): string {
  switch (type) {
    case 'municipality':
      return msg('Municipality, town or city district');
    case 'region':
      return msg('Self-governing region');
    case 'university':
      return msg('University or research institution');
    case 'state':
      return msg('State institution');
    case 'expert':
      return msg('Expert public');
    case 'business':
      return msg('Innovative business or company');
    case 'other':
      return msg('Other');
  }
}

export function fieldLabel(field: FieldName): string {
  switch (field) {
    case 'givenName':
      return msg('First name');
    case 'familyName':
      return msg('Last name');
    case 'email':
      return msg('Email address');
    case 'organizationType':
      return msg('Type of organisation');
    case 'organization':
      return msg('Name of organisation');
    case 'role':
      return msg('Job title');
    case 'workshopIds':
      return msg('Workshops');
  }
}

/**
 * What to tell a person about a field's error code, saying how to fix it (GOV.UK/ID-SK style).
 * `workshopTitles` names the workshops a 409 was about, in `locale`.
 */
export function errorMessage(
  field: FieldName,
  code: string,
  workshopTitles: string[] = [],
  locale: Locale = 'sk',
): string {
  if (field === 'workshopIds') {
    switch (code) {
      case 'required':
        return msg('Select at least one workshop.');
      case 'workshop_full':
        return workshopFullMessage(workshopTitles, locale);
      case 'registration_closed':
        return registrationClosedMessage(workshopTitles, locale);
      default:
        return msg('A workshop you selected is no longer available. Select another workshop.');
    }
  }
  if (code === 'required') {
    switch (field) {
      case 'givenName':
        return msg('Enter your first name.');
      case 'familyName':
        return msg('Enter your last name.');
      case 'email':
        return msg('Enter your email address.');
      case 'organizationType':
        return msg('Select the type of organisation you represent.');
      case 'organization':
        return msg('Enter the name of your organisation.');
    }
  }
  const label = fieldLabel(field);
  switch (code) {
    case 'invalid_email':
      return msg('Enter an email address in the correct format, like name@example.com.');
    case 'too_long':
      return msg(
        str`${label} must be ${MAX_LENGTH[field as keyof typeof MAX_LENGTH]} characters or fewer.`,
      );
    case 'invalid_characters':
      return msg(str`${label} must not contain line breaks or other control characters.`);
    default:
      return msg(str`Check the value of: ${label}.`);
  }
}

/** "Na workshope „A“ …" but "Na workshopoch „A“ a „B“ …": the count picks the message. */
function workshopFullMessage(titles: string[], locale: Locale): string {
  const list = quotedList(titles, locale);
  switch (pluralCategory(titles.length, locale)) {
    case 'one':
      return msg(str`No seats are left in ${list}. Select another workshop.`, {
        id: 'workshop-full-one',
      });
    case 'few':
      return msg(str`No seats are left in ${list}. Select another workshop.`, {
        id: 'workshop-full-few',
      });
    default:
      return msg(str`No seats are left in ${list}. Select another workshop.`, {
        id: 'workshop-full-other',
      });
  }
}

/** "Registrácia na workshop „A“ …" but "Registrácia na workshopy „A“ a „B“ …". */
function registrationClosedMessage(titles: string[], locale: Locale): string {
  const list = quotedList(titles, locale);
  switch (pluralCategory(titles.length, locale)) {
    case 'one':
      return msg(str`Registration has closed for ${list}. Select another workshop.`, {
        id: 'registration-closed-one',
      });
    case 'few':
      return msg(str`Registration has closed for ${list}. Select another workshop.`, {
        id: 'registration-closed-few',
      });
    default:
      return msg(str`Registration has closed for ${list}. Select another workshop.`, {
        id: 'registration-closed-other',
      });
  }
}

/** The request for a form that `validate` passed (so a type of organisation is chosen). */
export function registrationRequest(values: FormValues, locale: Locale): RegistrationRequest {
  const { organizationType } = values;
  if (organizationType === '') throw new Error('validate() the form before sending it');
  return { ...values, organizationType, locale };
}

export const isOrganizationType = (value: unknown): value is OrganizationType =>
  (ORGANIZATION_TYPES as readonly unknown[]).includes(value);

/** A draft read back from storage, checked field by field: storage is not ours alone. */
export function formValuesFrom(stored: unknown): FormValues | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const record = stored as Record<string, unknown>;
  const text = (key: keyof typeof MAX_LENGTH) =>
    typeof record[key] === 'string' ? (record[key] as string) : '';
  const ids = Array.isArray(record.workshopIds) ? record.workshopIds : [];
  return {
    givenName: text('givenName'),
    familyName: text('familyName'),
    email: text('email'),
    organizationType: isOrganizationType(record.organizationType) ? record.organizationType : '',
    organization: text('organization'),
    role: text('role'),
    workshopIds: ids.filter((id): id is string => typeof id === 'string'),
  };
}
