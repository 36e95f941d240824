import type { Series, SeriesOverview } from '../db/series';
import type { SeriesInput } from '../schemas/series';
import { namesOfChanged } from './changes';

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

/**
 * The names (as the admin API spells them) of what a save would change in the series as read:
 * the `series.update` audit entry's record, as a workshop edit's is (domain/workshops.ts
 * `changedFields`). What the input leaves out is kept (retention, origins, Turnstile, the
 * reminder schedule), so it is no change; a description left out is stored empty. Exact when
 * the save is checked against the version `current` was read at (services/series.ts).
 */
export function changedSeriesFields(current: Series, input: SeriesInput): string[] {
  const kept = <T>(given: T | undefined, now: T) => (given === undefined ? now : given);
  const pairs: [string, unknown, unknown][] = [
    ['title', current.title, { sk: input.title.sk, en: input.title.en }],
    [
      'description',
      current.description,
      { sk: input.description?.sk ?? '', en: input.description?.en ?? '' },
    ],
    ['privacyUrl', current.privacyUrl, input.privacyUrl],
    ['organizer', current.organizer, { name: input.organizer.name, email: input.organizer.email }],
    ['retentionDays', current.retentionDays, kept(input.retentionDays, current.retentionDays)],
    ['allowedOrigins', current.allowedOrigins, kept(input.allowedOrigins, current.allowedOrigins)],
    ['turnstile', current.turnstile, kept(input.turnstile, current.turnstile)],
    ['reminders', current.reminders, kept(input.reminders, current.reminders)],
  ];
  return namesOfChanged(pairs);
}
