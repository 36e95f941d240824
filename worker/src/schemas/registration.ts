import * as z from 'zod';
import { emailAddress, optionalLine, requiredLine } from './fields';

/** Who registers, as the announcement names its audience. */
export const ORGANIZATION_TYPES = [
  'municipality',
  'region',
  'university',
  'state',
  'expert',
  'business',
  'other',
] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const LOCALES = ['sk', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A form covers one series; twenty workshops is far beyond any real series and bounds the work. */
export const MAX_WORKSHOPS_PER_REGISTRATION = 20;

export const registrationInput = z
  .object({
    givenName: requiredLine(100),
    familyName: requiredLine(100),
    email: emailAddress,
    organizationType: z.enum(ORGANIZATION_TYPES),
    // Required for everyone but the expert public, who may take part as individuals.
    organization: optionalLine(200),
    role: optionalLine(100),
    workshopIds: z
      .array(z.string().min(1).max(64))
      .min(1)
      .max(MAX_WORKSHOPS_PER_REGISTRATION)
      .transform((ids) => [...new Set(ids)]),
    locale: z.enum(LOCALES),
  })
  .refine((value) => value.organizationType === 'expert' || value.organization !== '', {
    path: ['organization'],
    message: 'required',
    // Run even when other fields failed, so that a person sees every error after one submit.
    when: ({ issues }) =>
      !issues.some((i) => i.path?.[0] === 'organizationType' || i.path?.[0] === 'organization'),
  });

export type RegistrationInput = z.output<typeof registrationInput>;
