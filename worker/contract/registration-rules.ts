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

/**
 * An address people can actually receive mail at, as they type it into a form: a dot-atom local
 * part of at most 64 characters (no dot at either end, no two dots in a row), `@`, and a domain
 * of labels (letters, digits, inner hyphens; at most 63 each) ending in a top-level domain of
 * letters (at least two) or an internationalized one in punycode (`xn--…`). So IP addresses
 * (`a@127.0.0.1`), one-letter TLDs (`a@b.c`) and dot mistakes are refused; plus-addressing,
 * punycode domains (`jana@xn--bcher-kva.example`) and long TLDs (`.international`) pass.
 * Internationalized domains typed in Unicode must be given in punycode.
 */
const ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const TLD = '(?:[a-z]{2,63}|xn--[a-z0-9-]{0,58}[a-z0-9])';
export const EMAIL_PATTERN = new RegExp(
  `^(?=[^@]{1,64}@)${ATOM}(?:\\.${ATOM})*@(?:${LABEL}\\.)+${TLD}$`,
  'i',
);

/** A form covers one series; twenty workshops is far beyond any real series and bounds the work. */
export const MAX_WORKSHOPS_PER_REGISTRATION = 20;

/** Everyone names their organization except the expert public, who take part as individuals. */
export const organizationRequired = (type: string) => type !== 'expert';
