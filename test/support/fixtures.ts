import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { D1Database } from '@cloudflare/workers-types/experimental';
import { demoParticipants, demoSeries, demoWorkshops, type DemoWorkshop } from '../../demo/content';
import {
  outboxMessageFromRow,
  type OutboxMessage,
  type OutboxRow,
} from '../../worker/src/db/outbox';
import { asAdmin, json, ORIGIN, startTestWorker, type TestWorker } from './worker';

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
  waitlistOpen?: boolean;
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

// ---------------------------------------------------------------------------------------------
// E-mail lifecycle: the outbox, the links in messages, the cron and a fake e-mail provider.

export const MINUTE = 60_000;

/** The HTTP e-mail transport, pointed at the fake provider (see `fakeMailProvider`). */
export const HTTP_MAIL = {
  MAIL_TRANSPORT: 'http',
  MAIL_API_URL: 'https://mail.test/emails',
  MAIL_API_KEY: 'k',
  MAIL_FROM: 'workshopy@example.gov.sk',
};

/** A worker for one test, disposed when the test ends (cron runs travel in time over all data). */
export async function testWorker(
  t: { after: (fn: () => Promise<void>) => void },
  ...args: Parameters<typeof startTestWorker>
): Promise<TestWorker> {
  const worker = await startTestWorker(...args);
  t.after(() => worker.dispose());
  return worker;
}

export type { OutboxMessage };

/** A calendar file attached to a message. */
export type CalendarAttachment = OutboxMessage['attachments'][number];

/** Messages in the outbox, oldest first, optionally only those matching every given field. */
export async function outbox(
  worker: TestWorker,
  where: { to?: string; kind?: string; registrationId?: string; workshopId?: string } = {},
): Promise<OutboxMessage[]> {
  const { results } = await worker.db
    .prepare(
      `SELECT * FROM outbox
       WHERE (?1 IS NULL OR to_address = ?1) AND (?2 IS NULL OR kind = ?2)
         AND (?3 IS NULL OR registration_id = ?3) AND (?4 IS NULL OR workshop_id = ?4)
       ORDER BY created_at, rowid`,
    )
    .bind(
      where.to ?? null,
      where.kind ?? null,
      where.registrationId ?? null,
      where.workshopId ?? null,
    )
    .all<OutboxRow>();
  return results.map(outboxMessageFromRow);
}

/** The one message matching `where`; fails when there is none or more than one. */
export async function onlyMessage(
  worker: TestWorker,
  where: Parameters<typeof outbox>[1],
): Promise<OutboxMessage> {
  const messages = await outbox(worker, where);
  assert.equal(messages.length, 1, `exactly one message ${JSON.stringify(where)}`);
  return messages[0]!;
}

/** Every place a message carries text: the text part, the HTML part and each attachment. */
export const everythingIn = (m: OutboxMessage) =>
  [m.subject, m.text, m.html, ...m.attachments.map((a) => a.content)].join('\n');

/**
 * Waits until what requests handed to `waitUntil` is done: no message is being sent, and none is
 * still waiting for its first attempt. Time-travelling cron runs must not race those sends. The
 * limit only ends a wait that would never end: a busy machine may take seconds to get there.
 */
export async function settle(worker: TestWorker, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await worker.db
      .prepare(
        `SELECT COUNT(*) AS n FROM outbox
         WHERE status = 'sending' OR (status = 'queued' AND attempts = 0)`,
      )
      .first<{ n: number }>();
    if (row!.n === 0) return;
    assert.ok(Date.now() < deadline, `${row!.n} messages still unsent after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Runs the cron as if it fired at `ms` (epoch milliseconds), and checks that it succeeded. */
export async function runCron(worker: TestWorker, ms: number): Promise<void> {
  // Miniflare's trigger for the scheduled handler; it answers with the run's outcome.
  const res = await worker.fetch(`/cdn-cgi/handler/scheduled?cron=*/15+*+*+*+*&time=${ms}`);
  assert.equal(await res.text(), 'ok', `cron at ${new Date(ms).toISOString()}`);
}

/** The link of one kind (confirm or manage) a message carries, as a URL the worker answers. */
export function linkIn(message: Pick<OutboxMessage, 'text'>, kind: 'confirm' | 'manage'): string {
  const match = message.text.match(
    new RegExp(`https?://\\S+/api/v1/registrations/${kind}\\?token=[A-Za-z0-9_-]+`),
  );
  assert.ok(match, `a ${kind} link in:\n${message.text}`);
  return match[0];
}
export const confirmLink = (message: Pick<OutboxMessage, 'text'>) => linkIn(message, 'confirm');
export const manageLink = (message: Pick<OutboxMessage, 'text'>) => linkIn(message, 'manage');

/** A fresh e-mail address. */
export const uniqueEmail = (prefix = 'person') => `${unique(prefix)}@example.org`;

/**
 * Registers (201 expected) and returns the new registration's id, once its mail is sent (so not
 * for a worker without a transport, e.g. production: there use `postRegistration`).
 */
export async function register(
  worker: TestWorker,
  slug: string,
  workshopIds: string[],
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await postRegistration(worker, slug, validRegistration(workshopIds, overrides));
  const text = await res.text();
  assert.equal(res.status, 201, text);
  await settle(worker);
  return (JSON.parse(text) as RegistrationBody).registration.id;
}

/**
 * Registers, opens the confirm link from the e-mail and presses the button on the page; returns
 * the registration id.
 */
export async function registerConfirmed(
  worker: TestWorker,
  slug: string,
  workshopIds: string[],
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const id = await register(worker, slug, workshopIds, overrides);
  const request = await onlyMessage(worker, { registrationId: id, kind: 'confirm_request' });
  const res = await confirmThroughPage(worker, confirmLink(await received(worker, request)));
  assert.equal(res.status, 200, await res.text());
  await settle(worker);
  assert.equal(await registrationStatus(worker, id), 'confirmed');
  return id;
}

export async function registrationStatus(worker: TestWorker, id: string): Promise<string | null> {
  const row = await worker.db
    .prepare('SELECT status FROM registrations WHERE id = ?')
    .bind(id)
    .first<{ status: string }>();
  return row?.status ?? null;
}

/** What a confirm link's registration looks like in the database: status, times, its mail. */
async function confirmLinkSnapshot(worker: TestWorker, confirmUrl: string) {
  const token = new URL(confirmUrl, ORIGIN).searchParams.get('token') ?? '';
  const hash = createHash('sha256').update(token).digest('hex');
  return worker.db
    .prepare(
      `SELECT r.id, r.status, r.confirmed_at, r.expires_at,
         (SELECT COUNT(*) FROM outbox o WHERE o.registration_id = r.id) AS messages
       FROM registrations r JOIN tokens t ON t.registration_id = r.id
       WHERE t.purpose = 'confirm' AND t.hash = ?`,
    )
    .bind(hash)
    .first();
}

/**
 * Opens a confirm link, checks that opening it changed nothing, reads the form on the page and
 * submits it the way a browser would (application/x-www-form-urlencoded). Returns the answer to
 * the POST (the outcome page).
 */
export async function confirmThroughPage(
  worker: TestWorker,
  confirmUrl: string,
): Promise<Response> {
  const before = await confirmLinkSnapshot(worker, confirmUrl);
  assert.ok(before, `a registration holds ${confirmUrl}`);
  const page = await worker.fetch(confirmUrl);
  const html = await page.text();
  assert.equal(page.status, 200, html);
  assert.deepEqual(
    await confirmLinkSnapshot(worker, confirmUrl),
    before,
    'opening the link changes nothing',
  );
  const action = html.match(/<form method="post" action="([^"]+)"/)?.[1];
  assert.equal(action, '/api/v1/registrations/confirm', `a confirm form in:\n${html}`);
  const token = html.match(/<input type="hidden" name="token" value="([^"]+)"/)?.[1];
  assert.ok(token, 'the form carries the token');
  return worker.fetch(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
}

/**
 * Opens a manage link, reads the cancel form on the page and submits it the way a browser would
 * (application/x-www-form-urlencoded): the chosen workshops, or the "cancel all" button.
 */
export async function cancelThroughManagePage(
  worker: TestWorker,
  manageUrl: string,
  choice: { workshopIds: string[] } | 'all',
): Promise<Response> {
  const page = await worker.fetch(manageUrl);
  const html = await page.text();
  assert.equal(page.status, 200, html);
  const action = html.match(/<form method="post" action="([^"]+)"/)?.[1];
  assert.equal(action, '/api/v1/registrations/cancel');
  const token = html.match(/<input type="hidden" name="token" value="([^"]+)"/)?.[1];
  assert.ok(token, 'the form carries the token');
  const form = new URLSearchParams({ token });
  if (choice === 'all') form.set('all', '1');
  else for (const id of choice.workshopIds) form.append('workshopId', id);
  return worker.fetch(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
}

/** What the admin API lists of a series' messages. */
export interface MessageStatus {
  id: string;
  kind: string;
  registrationId: string;
  workshopId: string | null;
  to: string;
  status: string;
  attempts: number;
  lastError: string | null;
  /** Why a message was dropped instead of sent (status `dropped`). */
  dropReason: string | null;
  createdAt: string;
  sentAt: string | null;
}

export async function adminMessages(worker: TestWorker, slug: string): Promise<MessageStatus[]> {
  const res = await worker.fetch(`${adminSeriesPath(slug)}/messages`, asAdmin());
  assert.equal(res.status, 200);
  return ((await res.json()) as { messages: MessageStatus[] }).messages;
}

/** What the fake provider received: one call per HTTP request the worker made. */
export interface ProviderCall {
  idempotencyKey: string | null;
  authorization: string | null;
  body: {
    from: string;
    to: string[];
    reply_to: string;
    subject: string;
    text: string;
    html: string;
    attachments: { filename: string; content: string; content_type: string }[];
  };
  /** The status the fake answered. */
  status: number;
}

/** The fake provider behind each worker's `outbound`, so helpers can read what it delivered. */
const providers = new WeakMap<object, ReturnType<typeof fakeMailProvider>>();

/**
 * A message as its recipient got it. With a real transport the outbox forgets the bodies once
 * sent (they carry link tokens), so the text comes from what the fake provider accepted.
 */
export async function received(
  worker: TestWorker,
  message: OutboxMessage,
): Promise<Pick<OutboxMessage, 'text'>> {
  if (message.text !== '') return message;
  const provider = worker.options.outbound && providers.get(worker.options.outbound);
  const call = provider?.accepted().find((c) => c.idempotencyKey === message.id);
  assert.ok(call, `message ${message.id} was neither kept nor delivered`);
  return { text: call.body.text };
}

/**
 * A Resend-style e-mail API for `startTestWorker(HTTP_MAIL, { outbound })`. `answer` decides each
 * status (200 unless changed; tests may replace it at any time) and sees the calls so far.
 */
export function fakeMailProvider(
  answer: (call: ProviderCall['body'], n: number) => number = () => 200,
) {
  const provider = {
    answer,
    calls: [] as ProviderCall[],
    /** Calls the provider accepted. */
    accepted: () => provider.calls.filter((c) => c.status >= 200 && c.status < 300),
    outbound: async (request: Request): Promise<Response> => {
      assert.equal(request.url, HTTP_MAIL.MAIL_API_URL);
      assert.equal(request.method, 'POST');
      const body = (await request.json()) as ProviderCall['body'];
      const status = provider.answer(body, provider.calls.length + 1);
      provider.calls.push({
        idempotencyKey: request.headers.get('idempotency-key'),
        authorization: request.headers.get('authorization'),
        body,
        status,
      });
      // An error body that echoes the address: it must not end up in the worker's logs.
      const reply =
        status < 300 ? { id: unique('email') } : { message: `cannot send to ${body.to}` };
      return new Response(JSON.stringify(reply), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    },
  };
  providers.set(provider.outbound, provider);
  return provider;
}
