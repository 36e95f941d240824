/**
 * E-mail addresses the registration rule must accept and refuse, shared by the worker's tests and
 * the widget's form-model tests, so that the form and the API draw the line in the same place.
 */

/** Real addresses people have: every one must pass. */
export const ACCEPTED_EMAILS = [
  'a@b.sk',
  'jana.novakova@mirri.gov.sk',
  'Jana.Novakova@Mesto-Trnava.SK',
  "o'brien+workshops@mesto-trnava.sk",
  'jana+workshopy@example.org',
  'first_last-2@sub.domain.example.co.uk',
  '1234567@example.org',
  'x@example.museum',
  'someone@example.international',
  'someone@example.cancerresearch',
  // Internationalized domains in punycode: bücher.example, пример.рф, and an IDN top-level domain.
  'jana@xn--bcher-kva.example',
  'info@xn--e1afmkfd.xn--p1ai',
  'peter@obec.xn--80asehdb',
  ' jana@example.org ',
] as const;

/** Not deliverable, or typing mistakes a provider would bounce: every one must be refused. */
export const REFUSED_EMAILS = [
  '.a@example.org',
  'a.@example.org',
  'a..b@example.org',
  'a@b.c',
  'a@127.0.0.1',
  'a@[127.0.0.1]',
  'a@example.123',
  'jana',
  'jana@',
  '@example.org',
  'jana@localhost',
  'jana@example',
  'jana@example.',
  'jana@.example.org',
  'jana@example..org',
  'jana@-example.org',
  'jana@example-.org',
  'jana@xn--.org',
  'jana novakova@example.org',
  'jana@exa mple.org',
  'jana@@example.org',
  'jana@novak@example.org',
  'jána@example.org',
  'jana@žilina.sk',
  'jana\n@example.org',
  `${'a'.repeat(65)}@example.org`,
] as const;
