/** What the worker's API answers, as the tests read it, and the paths they call. */

/** What the public API shows of a workshop. */
export interface PublicWorkshop {
  id: string;
  title: { sk: string; en: string };
  description: { sk: string; en: string };
  startsAt: string;
  endsAt: string;
  /** The times as the widget shows them, in both languages. */
  when: { sk: string; en: string };
  capacity: number;
  seatsLeft: number;
  registrationOpen: boolean;
  waitlistOpen?: boolean;
}

/** What the admin API shows of a workshop. */
export interface AdminWorkshop extends PublicWorkshop {
  seatsTaken: number;
  joinUrl: string;
  registrationClosesAt: string;
  waitlist: boolean;
  waitlistMode: 'auto' | 'offer';
  /** The entity tag to send back as If-Match with an edit. */
  version: string;
}

export interface PublicSeries {
  slug: string;
  title: { sk: string; en: string };
  description: { sk: string; en: string };
  privacyUrl: string;
  organizer: { name: string; email: string };
  /** How long before a workshop its join link goes out, worded for "about … before". */
  joinLinkLead: { sk: string; en: string };
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string>; workshopIds?: string[] };
}

export interface RegistrationBody {
  registration: { id: string; status: string; workshopIds: string[] };
}

export const seriesPath = (slug: string) => `/api/v1/series/${slug}`;
export const registrationsPath = (slug: string) => `/api/v1/series/${slug}/registrations`;
export const adminSeriesPath = (slug: string) => `/api/v1/admin/series/${slug}`;
export const adminWorkshopPath = (id: string) => `/api/v1/admin/workshops/${id}`;
