import type { AdminWaitlistEntry, AdminWaitlistResponse } from '../../contract';
import type { LinePlace } from '../db/waitlist-reads';
import { iso, isoOrNull } from '../views';

/** A workshop's line as organizers see it (admin only: names and addresses). */
export const adminWaitlist = (
  line: (LinePlace & { place: number | null })[],
): AdminWaitlistResponse => ({
  waitlist: line.map((p): AdminWaitlistEntry => ({
    registrationId: p.registrationId,
    givenName: p.givenName,
    familyName: p.familyName,
    email: p.email,
    registrationStatus: p.registrationStatus as AdminWaitlistEntry['registrationStatus'],
    state: p.status,
    place: p.place,
    joinedAt: iso(p.joinedAt),
    promotedAt: isoOrNull(p.promotedAt),
    offeredUntil: isoOrNull(p.offeredUntil),
    endedAt: isoOrNull(p.endedAt),
  })),
});
