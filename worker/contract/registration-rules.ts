/**
 * The rules a registration must meet, shared by the API (zod schemas) and the widget (checks on
 * submit), so that the form never accepts what the API refuses or the other way round. No
 * dependencies: the widget bundles what it uses of this file.
 */

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

/** Longest accepted values; 254 is the longest address SMTP can deliver (RFC 5321). */
export const MAX_LENGTH = {
  givenName: 100,
  familyName: 100,
  email: 254,
  organization: 200,
  role: 100,
} as const;

/** The WHATWG "valid e-mail address" rule with a dotted domain, as people type them into forms. */
export const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** A form covers one series; twenty workshops is far beyond any real series and bounds the work. */
export const MAX_WORKSHOPS_PER_REGISTRATION = 20;

/** Everyone names their organization except the expert public, who take part as individuals. */
export const organizationRequired = (type: string) => type !== 'expert';
