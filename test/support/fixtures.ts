import assert from 'node:assert/strict';
import type { D1Database } from '@cloudflare/workers-types/experimental';
import { demoParticipants, demoSeries, demoWorkshops, type DemoWorkshop } from '../../demo/content';
import { asAdmin, json, type TestWorker } from './worker';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** What the public API shows of a workshop. */
export interface PublicWorkshop {
  id: string;
  title: { sk: string; en: string };
  description: { sk: string; en: string };
  startsAt: string;
  endsAt: string;
  capacity: number;
  seatsLeft: number;
  registrationOpen: boolean;
}

/** What the admin API shows of a workshop. */
export interface AdminWorkshop extends PublicWorkshop {
  seatsTaken: number;
  joinUrl: string;
  registrationClosesAt: string;
}

export interface PublicSeries {
  slug: string;
  title: { sk: string; en: string };
  description: { sk: string; en: string };
  privacyUrl: string;
  organizer: { name: string; email: string };
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

/** POSTs a registration body (anything JSON-serializable) to a series. */
export const postRegistration = (worker: TestWorker, slug: string, body: unknown) =>
  worker.fetch(registrationsPath(slug), json('POST', body));

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

/** Reads an error response and checks its status and code. */
export async function expectError(res: Response, status: number, code: string): Promise<ErrorBody> {
  const text = await res.text();
  assert.equal(res.status, status, `status of ${text}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const body = JSON.parse(text) as ErrorBody;
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  return body;
}

/** Expects a 422 with exactly these field errors. */
export async function expectFieldErrors(
  res: Response,
  fields: Record<string, string>,
): Promise<void> {
  const body = await expectError(res, 422, 'validation');
  assert.deepEqual(body.error.fields, fields);
}

/** Row counts of the tables a registration writes to. */
export async function storedCounts(
  db: D1Database,
): Promise<{ registrations: number; seats: number }> {
  const [registrations, seats] = await Promise.all([
    db.prepare('SELECT COUNT(*) AS n FROM registrations').first<{ n: number }>(),
    db.prepare('SELECT COUNT(*) AS n FROM seats').first<{ n: number }>(),
  ]);
  return { registrations: registrations!.n, seats: seats!.n };
}

/** Held seats in one workshop, optionally for one e-mail key. */
export async function heldSeats(db: D1Database, workshopId: string, emailKey?: string) {
  const row = await db
    .prepare(
      `SELECT COUNT(*) AS n FROM seats
       WHERE workshop_id = ?1 AND status = 'held' AND (?2 IS NULL OR email_key = ?2)`,
    )
    .bind(workshopId, emailKey ?? null)
    .first<{ n: number }>();
  return row!.n;
}
