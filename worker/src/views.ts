import type { PublicSeries, PublicWorkshop } from '../contract';
import type { Series } from './db/series';
import type { Workshop } from './db/workshops';
import { isRegistrationOpen, seatsLeft } from './domain/workshops';
import { canJoinLine } from './domain/waitlist';
import { formatLead, formatWhen } from './mail/format';

/**
 * The JSON shapes the API returns. Public views are built field by field (never by spreading a
 * record) so that a join link or a new private column cannot leak into a public response.
 */
export const iso = (ms: number) => new Date(ms).toISOString();

/** An optional instant as ISO 8601, or null. */
export const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export const publicSeries = (s: Series): PublicSeries => ({
  slug: s.slug,
  title: s.title,
  description: s.description,
  privacyUrl: s.privacyUrl,
  organizer: { name: s.organizer.name, email: s.organizer.email },
  joinLinkLead: {
    sk: formatLead(s.reminders.leadMinutes, 'sk'),
    en: formatLead(s.reminders.leadMinutes, 'en'),
  },
  // Only when the organizer turned Turnstile on: the widget then loads it.
  ...(s.turnstile && { turnstileSiteKey: s.turnstile.siteKey }),
});

export const publicWorkshop = (w: Workshop, now: number): PublicWorkshop => ({
  id: w.id,
  title: w.title,
  description: w.description,
  startsAt: iso(w.startsAt),
  endsAt: iso(w.endsAt),
  when: {
    sk: formatWhen(w.startsAt, w.endsAt, 'sk'),
    en: formatWhen(w.startsAt, w.endsAt, 'en'),
  },
  capacity: w.capacity,
  seatsLeft: seatsLeft(w),
  registrationOpen: isRegistrationOpen(w, now),
  waitlistOpen: canJoinLine(w, now),
});
