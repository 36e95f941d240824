import type {
  AdminSeries,
  AdminSeriesSummary,
  AdminWorkshop,
  AdminWorkshopWithStats,
  CancelWorkshopPreview,
  WorkshopStats,
} from '../../contract';
import type { CancelPreviewRead } from '../db/seat-holders';
import type { Series, SeriesOverview } from '../db/series';
import type { Workshop } from '../db/workshops';
import { isArchived } from '../domain/series';
import { etag } from '../http/preconditions';
import { iso, isoOrNull, publicSeries, publicWorkshop } from '../views';

/** What organizers see of a series and its workshops: the public views plus private fields. */
export const adminSeries = (s: Series): AdminSeries => ({
  ...publicSeries(s),
  retentionDays: s.retentionDays,
  allowedOrigins: s.allowedOrigins,
  reminders: s.reminders,
  // Only when on, and never the secret.
  ...(s.turnstile && { turnstile: { siteKey: s.turnstile.siteKey } }),
  version: etag(s.version),
});

export const seriesSummary = (o: SeriesOverview): AdminSeriesSummary => ({
  slug: o.series.slug,
  title: o.series.title,
  archived: isArchived(o),
  workshops: o.workshops,
  upcomingWorkshops: o.upcomingWorkshops,
  nextStartsAt: isoOrNull(o.nextStartsAt),
  lastEndsAt: isoOrNull(o.lastEndsAt),
  seats: { confirmed: o.confirmedSeats, pending: o.pendingSeats },
});

export const adminWorkshop = (w: Workshop, now: number): AdminWorkshop => ({
  ...publicWorkshop(w, now),
  seatsTaken: w.seatsTaken,
  joinUrl: w.joinUrl,
  registrationClosesAt: iso(w.registrationClosesAt),
  cancelledAt: isoOrNull(w.cancelledAt),
  waitlist: w.waitlistEnabled,
  waitlistMode: w.waitlistMode,
  offerMinutes: w.offerMinutes,
  followUp: w.followUp && {
    text: w.followUp.text,
    links: w.followUp.links,
    afterMinutes: w.followUp.afterMinutes,
  },
  version: etag(w.version),
});

export const adminWorkshopWithStats = (
  w: Workshop,
  stats: WorkshopStats,
  now: number,
  inLine = 0,
): AdminWorkshopWithStats => ({ ...adminWorkshop(w, now), stats, inLine });

export function cancelPreview(
  { workshop, holders, reminded, inLine }: CancelPreviewRead,
  now: number,
): CancelWorkshopPreview {
  const confirmed = holders.filter((h) => h.status === 'confirmed').length;
  return {
    workshopId: workshop.id,
    alreadyCancelled: workshop.cancelledAt !== null,
    notified: { confirmed, pending: holders.length - confirmed, total: holders.length },
    haveJoinLink: holders.filter((h) => reminded.has(h.id)).length,
    inLine: inLine.length,
    countedAt: iso(now),
    version: etag(workshop.version),
    workshop: adminWorkshop(workshop, now),
  };
}
