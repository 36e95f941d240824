import { demoSeries, demoWorkshops } from '../../demo/content';

/** The local admin token the benchmark gives its own worker (never a real one). */
export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';

/** Vars the project's worker gets, as `npm start` sets them (development: the dev routes). */
export const PROJECT_VARS = { ENVIRONMENT: 'development', ADMIN_TOKEN: BENCH_ADMIN_TOKEN };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of our own admin API
async function admin(base: string, method: string, path: string, body: unknown): Promise<any> {
  const response = await fetch(`${base}/api/v1/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok)
    throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * A series with `count` workshops of `capacity` seats, starting on the coming days, with the demo's
 * titles and descriptions (so the list's payload has a realistic size). Through the admin API, the
 * way organizers create them. Returns the workshop ids.
 */
export async function seedSeries(
  base: string,
  slug: string,
  { count, capacity }: { count: number; capacity: number },
): Promise<string[]> {
  await admin(base, 'PUT', `/series/${slug}`, demoSeries);
  const now = Date.now();
  const texts = demoWorkshops(now);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = texts[i % texts.length]!;
    const startsAt = now + (i + 2) * 86_400_000;
    const { workshop } = await admin(base, 'POST', `/series/${slug}/workshops`, {
      title: text.title,
      description: text.description,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 2 * 3_600_000).toISOString(),
      capacity,
      joinUrl: `https://meet.example.gov.sk/bench-${i + 1}`,
    });
    ids.push(workshop.id as string);
  }
  return ids;
}
