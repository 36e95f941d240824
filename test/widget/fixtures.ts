import { demoSeries, demoWorkshops, DEMO_SERIES_SLUG } from '../../demo/content.js';
import type { SeriesResponse, Workshop } from '../../widget/src/api.js';
import { DEFAULT_LEAD_MINUTES, formatLead, formatWhen } from '../../worker/src/mail/format.js';

/** The API's `when`: the worker's own wording, in both languages. */
export const whenOf = (startsAt: string, endsAt: string) => ({
  sk: formatWhen(Date.parse(startsAt), Date.parse(endsAt), 'sk'),
  en: formatWhen(Date.parse(startsAt), Date.parse(endsAt), 'en'),
});

/** The API's `joinLinkLead` for a series that sends join links `minutes` before (default: a day). */
export const leadOf = (minutes = DEFAULT_LEAD_MINUTES) => ({
  sk: formatLead(minutes, 'sk'),
  en: formatLead(minutes, 'en'),
});

/**
 * The public API's answer for the demo series, built from the same content the demo seeds, so the
 * widget tests see what the demo page shows: one closed workshop, one nearly full, three open.
 */
export function demoSeriesResponse(now = Date.now()): SeriesResponse {
  // As seeded: the two demo participants hold seats in the small workshops (one nearly full,
  // one full with its waiting list open).
  const seeded = 2;
  const workshops: Workshop[] = demoWorkshops(now).map((w, i) => {
    const seatsLeft = w.capacity <= seeded + 1 ? w.capacity - seeded : w.capacity;
    const registrationOpen = !w.registrationClosesAt || Date.parse(w.registrationClosesAt) > now;
    return {
      id: `w${i + 1}`,
      title: w.title,
      description: w.description,
      startsAt: w.startsAt,
      endsAt: w.endsAt,
      when: whenOf(w.startsAt, w.endsAt),
      capacity: w.capacity,
      seatsLeft,
      registrationOpen,
      waitlistOpen: registrationOpen && seatsLeft === 0,
    };
  });
  return {
    series: { slug: DEMO_SERIES_SLUG, ...demoSeries, joinLinkLead: leadOf() },
    workshops,
  };
}

export type Handler = (request: Request) => Response | Promise<Response>;

/**
 * Replaces window.fetch for one test: `handler` answers every request, and every request is
 * recorded. Returns a restore function.
 */
export function stubFetch(handler: Handler): { requests: Request[]; restore(): void } {
  const original = window.fetch;
  const requests: Request[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    return handler(request);
  };
  return { requests, restore: () => (window.fetch = original) };
}

export const jsonResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
