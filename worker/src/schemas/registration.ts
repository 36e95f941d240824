import * as z from 'zod';
import { emailAddress, optionalLine, requiredLine } from './fields';
import {
  LOCALES,
  MAX_LENGTH,
  MAX_WORKSHOPS_PER_REGISTRATION,
  ORGANIZATION_TYPES,
  organizationRequired,
  type Locale,
  type OrganizationType,
} from '../../contract';

export { LOCALES, MAX_WORKSHOPS_PER_REGISTRATION, ORGANIZATION_TYPES };
export type { Locale, OrganizationType };

export const registrationInput = z
  .object({
    givenName: requiredLine(MAX_LENGTH.givenName),
    familyName: requiredLine(MAX_LENGTH.familyName),
    email: emailAddress,
    organizationType: z.enum(ORGANIZATION_TYPES),
    organization: optionalLine(MAX_LENGTH.organization),
    role: optionalLine(MAX_LENGTH.role),
    workshopIds: z
      .array(z.string().min(1).max(64))
      .min(1)
      .max(MAX_WORKSHOPS_PER_REGISTRATION)
      .transform((ids) => [...new Set(ids)]),
    /** The chosen workshops that were shown full and for which the person asked for a place in line. */
    waitlistWorkshopIds: z
      .array(z.string().min(1).max(64))
      .max(MAX_WORKSHOPS_PER_REGISTRATION)
      .optional(),
    locale: z.enum(LOCALES),
    /** Turnstile tokens are at most 2048 characters; checked only where the series uses it. */
    turnstileToken: z.string().max(2048).optional(),
  })
  .refine(
    (value) => (value.waitlistWorkshopIds ?? []).every((id) => value.workshopIds.includes(id)),
    {
      path: ['waitlistWorkshopIds'],
      message: 'invalid_choice',
    },
  )
  .refine((value) => !organizationRequired(value.organizationType) || value.organization !== '', {
    path: ['organization'],
    message: 'required',
    // Run even when other fields failed, so that a person sees every error after one submit.
    when: ({ issues }) =>
      !issues.some((i) => i.path?.[0] === 'organizationType' || i.path?.[0] === 'organization'),
  });

export type RegistrationInput = z.output<typeof registrationInput>;
