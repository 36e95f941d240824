/**
 * The public API's wire format: what `GET /api/v1/series/:slug` and
 * `POST /api/v1/series/:slug/registrations` send and answer. The worker's presenters are typed
 * with these, and the widget reads responses through them, so neither side can drift from the
 * other (test/contract/ proves the worker's schemas agree). Types only: importing this file adds
 * nothing to a bundle.
 */
import type { OrganizationType } from './registration-rules';

export const LOCALES = ['sk', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in both languages; `en` may be empty where the organizer gave Slovak only. */
export type Localized = Record<Locale, string>;

/** Who to write to about a series. */
export interface Contact {
  name: string;
  email: string;
}

export interface PublicSeries {
  slug: string;
  title: Localized;
  description: Localized;
  privacyUrl: string;
  organizer: Contact;
  /**
   * How long before a workshop its join link is e-mailed (the series' reminder lead), worded as
   * the object of "about … before": "24 hodín", "2 hodiny", "hodinu" / "24 hours", "an hour".
   */
  joinLinkLead: Localized;
  /**
   * Set only when the organizer turned Cloudflare Turnstile on for the series: the widget then
   * loads Turnstile with this site key and sends its token as `turnstileToken`.
   */
  turnstileSiteKey?: string;
}

/** Instants are ISO 8601 strings in UTC. Never a join link. */
export interface PublicWorkshop {
  id: string;
  title: Localized;
  description: Localized;
  startsAt: string;
  endsAt: string;
  /**
   * startsAt–endsAt as people read it, in Bratislava time, in both languages: "streda 25. mája
   * 2022, 10:00 – 12:00" / "Wednesday 25 May 2022, 10:00 – 12:00" (no-break spaces inside). The
   * list is built once per cache fill, so the widget formats no dates itself: no date code in its
   * bundle and no locale data to load before the list can render.
   */
  when: Localized;
  capacity: number;
  seatsLeft: number;
  registrationOpen: boolean;
  /** Full, open and its waiting list is on: a person may ask for a place in line (absent: no). */
  waitlistOpen?: boolean;
}

/** `GET /api/v1/series/:slug` */
export interface SeriesResponse {
  series: PublicSeries;
  workshops: PublicWorkshop[];
}

/** `POST /api/v1/series/:slug/registrations` body. */
export interface RegistrationRequest {
  givenName: string;
  familyName: string;
  email: string;
  organizationType: OrganizationType;
  organization?: string;
  role?: string;
  workshopIds: string[];
  /**
   * Chosen workshops that were shown full, for which the person asked for a place in line. One
   * that has a free seat by then gets a seat; one that is full and not listed here refuses the
   * whole request (`workshop_full`), as before.
   */
  waitlistWorkshopIds?: string[];
  locale: Locale;
  /** Turnstile's token, required when the series has a `turnstileSiteKey`. */
  turnstileToken?: string;
}

/** A registration is pending until the person confirms it with the link in the e-mail. */
export interface RegistrationReceipt {
  id: string;
  status: 'pending';
  /** Every chosen workshop: a seat in each, except those in `waitlist`. */
  workshopIds: string[];
  /** The chosen workshops where the person has a place in line instead (1: next; absent: none). */
  waitlist?: WaitlistPlace[];
}

export interface WaitlistPlace {
  workshopId: string;
  place: number;
}

/** `POST /api/v1/series/:slug/registrations` → 201 */
export interface RegistrationResponse {
  registration: RegistrationReceipt;
}

/** Why a field was refused; the widget localizes each. */
export type FieldErrorCode =
  | 'required'
  | 'invalid_email'
  | 'too_long'
  | 'invalid_choice'
  | 'invalid_type'
  | 'invalid_characters'
  | 'unknown_workshop'
  | (string & {});

/** Every error answer: `code` is stable and meant for programs, `message` for developers. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: Record<string, FieldErrorCode>;
    workshopIds?: string[];
  };
}
