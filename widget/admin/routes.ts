/**
 * Hash routes (`/admin#/series/x`): the worker serves /admin as one static file, so every screen
 * is that file plus a fragment — no server fallback, no `run_worker_first`, and a reload or a
 * bookmark always works. Fragments carry slugs and workshop ids only: never a token, never a
 * person's data (the registrations search stays in the page's state).
 */
export type Route =
  | { name: 'home' }
  | { name: 'series-new' }
  | { name: 'series'; slug: string }
  | { name: 'series-edit'; slug: string }
  | { name: 'workshop-new'; slug: string }
  | { name: 'workshop-edit'; slug: string; id: string }
  | { name: 'workshop-cancel'; slug: string; id: string }
  | { name: 'workshop-waitlist'; slug: string; id: string }
  | { name: 'registrations'; slug: string; workshop?: string }
  | { name: 'registration'; slug: string; id: string }
  | { name: 'embed'; series?: string }
  | { name: 'audit'; series?: string }
  | { name: 'not-found' };

const SEGMENT = /^[A-Za-z0-9_-]{1,100}$/;

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean);
  if (!parts.every((p) => SEGMENT.test(p))) return { name: 'not-found' };
  const [first, slug, third, id, fifth] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (first === 'audit' && parts.length === 1) {
    const series = params.get('series');
    return series && SEGMENT.test(series) ? { name: 'audit', series } : { name: 'audit' };
  }
  if (first === 'embed' && parts.length === 1) {
    const series = params.get('series');
    return series && SEGMENT.test(series) ? { name: 'embed', series } : { name: 'embed' };
  }
  if (first !== 'series' || !slug) return { name: 'not-found' };
  if (parts.length === 2) return slug === 'new' ? { name: 'series-new' } : { name: 'series', slug };
  if (parts.length === 3 && third === 'edit') return { name: 'series-edit', slug };
  if (parts.length === 3 && third === 'registrations') {
    const workshop = params.get('workshop');
    return workshop && SEGMENT.test(workshop)
      ? { name: 'registrations', slug, workshop }
      : { name: 'registrations', slug };
  }
  if (parts.length === 4 && third === 'registrations')
    return { name: 'registration', slug, id: id! };
  if (third !== 'workshops' || !id) return { name: 'not-found' };
  if (parts.length === 4 && id === 'new') return { name: 'workshop-new', slug };
  if (parts.length === 5 && fifth === 'edit') return { name: 'workshop-edit', slug, id };
  if (parts.length === 5 && fifth === 'cancel') return { name: 'workshop-cancel', slug, id };
  if (parts.length === 5 && fifth === 'waitlist') return { name: 'workshop-waitlist', slug, id };
  return { name: 'not-found' };
}

/** Links between screens. */
export const href = {
  home: () => '#/',
  seriesNew: () => '#/series/new',
  series: (slug: string) => `#/series/${slug}`,
  seriesEdit: (slug: string) => `#/series/${slug}/edit`,
  workshopNew: (slug: string) => `#/series/${slug}/workshops/new`,
  workshopEdit: (slug: string, id: string) => `#/series/${slug}/workshops/${id}/edit`,
  workshopCancel: (slug: string, id: string) => `#/series/${slug}/workshops/${id}/cancel`,
  workshopWaitlist: (slug: string, id: string) => `#/series/${slug}/workshops/${id}/waitlist`,
  registrations: (slug: string, workshop?: string) =>
    `#/series/${slug}/registrations${workshop ? `?workshop=${workshop}` : ''}`,
  registration: (slug: string, id: string) => `#/series/${slug}/registrations/${id}`,
  embed: (series?: string) => `#/embed${series ? `?series=${series}` : ''}`,
  audit: (series?: string) => `#/audit${series ? `?series=${series}` : ''}`,
};

/** Goes to another screen (as a link would). */
export const navigate = (hash: string) => {
  location.hash = hash;
};
