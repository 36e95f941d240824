import type { SeriesOverview } from '../db/series';

/** A series whose workshops have all ended or were cancelled: shown apart, never deleted. */
export const isArchived = (s: Pick<SeriesOverview, 'workshops' | 'upcomingWorkshops'>) =>
  s.workshops > 0 && s.upcomingWorkshops === 0;

/**
 * The admin home's order: series with workshops ahead (the soonest first), then series still
 * without workshops (the newest first), then archived ones (the most recently ended first).
 */
export function orderForHome(overviews: readonly SeriesOverview[]): SeriesOverview[] {
  const group = (s: SeriesOverview) => (s.upcomingWorkshops > 0 ? 0 : s.workshops === 0 ? 1 : 2);
  const within = (a: SeriesOverview, b: SeriesOverview) => {
    if (group(a) === 0) return a.nextStartsAt! - b.nextStartsAt!;
    if (group(a) === 1) return b.createdAt - a.createdAt;
    return b.lastEndsAt! - a.lastEndsAt!;
  };
  return [...overviews].sort(
    (a, b) => group(a) - group(b) || within(a, b) || a.series.slug.localeCompare(b.series.slug),
  );
}
