import assert from 'node:assert/strict';
import { demoParticipants, demoSeries, demoWorkshops, type DemoWorkshop } from '../../demo/content';
import {
  adminSeriesPath,
  registrationsPath,
  seriesPath,
  type AdminWorkshop,
  type PublicSeries,
  type PublicWorkshop,
} from './api-shapes';
import { asAdmin, json, type TestWorker } from './worker';

/** Series, workshops and registrations made through the API, with values no other test uses. */

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** An ISO instant `ms` milliseconds from now (negative: in the past). */
export const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

let counter = 0;
/** A value no other fixture in this process uses (for slugs, e-mails, join links). */
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/** The demo series as an admin PUT body, with any top-level fields replaced. */
export const seriesBody = (overrides: Record<string, unknown> = {}) => ({
  ...structuredClone(demoSeries),
  ...overrides,
});

/** Creates (or replaces) a series through the admin API; returns what the API returned. */
export async function createSeries(
  worker: TestWorker,
  slug: string,
  overrides: Record<string, unknown> = {},
): Promise<PublicSeries> {
  const res = await worker.fetch(
    adminSeriesPath(slug),
    asAdmin(json('PUT', seriesBody(overrides))),
  );
  assert.ok(res.status === 201 || res.status === 200, `PUT series ${slug}: ${res.status}`);
  return ((await res.json()) as { series: PublicSeries }).series;
}

/**
 * A demo workshop as an admin POST body: starts in `startsInHours` (default a week), lasts two
 * hours, with a join link of its own. `overrides` replace any field (`undefined` removes it).
 */
export function workshopBody(
  overrides: Partial<Record<keyof DemoWorkshop, unknown>> & { startsInHours?: number } = {},
): Record<string, unknown> {
  const { startsInHours = 7 * 24, ...fields } = overrides;
  const body: Record<string, unknown> = {
    ...structuredClone(demoWorkshops(Date.now())[1]!),
    registrationClosesAt: undefined,
    startsAt: fromNow(startsInHours * HOUR),
    endsAt: fromNow((startsInHours + 2) * HOUR),
    joinUrl: `https://meet.example.gov.sk/${unique('room')}`,
    ...fields,
  };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

/** Creates a workshop in a series through the admin API; returns the admin view of it. */
export async function createWorkshop(
  worker: TestWorker,
  slug: string,
  overrides: Parameters<typeof workshopBody>[0] = {},
): Promise<AdminWorkshop> {
  const res = await worker.fetch(
    `${adminSeriesPath(slug)}/workshops`,
    asAdmin(json('POST', workshopBody(overrides))),
  );
  const body = (await res.json()) as { workshop: AdminWorkshop };
  assert.equal(res.status, 201, `POST workshop: ${JSON.stringify(body)}`);
  return body.workshop;
}

/** A new series with two roomy workshops, in three and four days, with distinct titles. */
export async function seriesWithTwoWorkshops(worker: TestWorker) {
  const slug = unique('series');
  await createSeries(worker, slug);
  const first = await createWorkshop(worker, slug, {
    startsInHours: 72,
    capacity: 100,
    title: { sk: 'Prvý workshop', en: 'First workshop' },
  });
  const second = await createWorkshop(worker, slug, {
    startsInHours: 96,
    capacity: 100,
    title: { sk: 'Druhý workshop', en: 'Second workshop' },
  });
  return { slug, first, second };
}

/** A registration body that passes validation: the first demo participant, in Slovak. */
export function validRegistration(
  workshopIds: string[],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    ...demoParticipants[0],
    workshopIds,
    locale: 'sk',
    ...overrides,
  };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

let clients = 0;
/**
 * A client address no other simulated client has (RFC 2544's benchmarking range): locally every
 * request comes from one address, and per-client limits would count different people as one.
 */
export const nextClientIp = () => {
  const n = ++clients;
  return `198.18.${(n >> 8) & 255}.${n & 255}`;
};

/**
 * POSTs a registration body (anything JSON-serializable) to a series, as a person of their own:
 * from an address of its own unless `headers` name one (`cf-connecting-ip`).
 */
export const postRegistration = (
  worker: TestWorker,
  slug: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  worker.fetch(
    registrationsPath(slug),
    json('POST', body, { 'cf-connecting-ip': nextClientIp(), ...headers }),
  );

/** The public view of one workshop of a series (fails when it is not listed). */
export async function publicWorkshop(
  worker: TestWorker,
  slug: string,
  id: string,
): Promise<PublicWorkshop> {
  const res = await worker.fetch(seriesPath(slug));
  assert.equal(res.status, 200);
  const { workshops } = (await res.json()) as { workshops: PublicWorkshop[] };
  const workshop = workshops.find((w) => w.id === id);
  assert.ok(workshop, `workshop ${id} is listed`);
  return workshop;
}

/** A fresh e-mail address. */
export const uniqueEmail = (prefix = 'person') => `${unique(prefix)}@example.org`;
