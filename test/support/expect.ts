import assert from 'node:assert/strict';
import type { D1Database } from '@cloudflare/workers-types/experimental';
import type { ErrorBody } from './api-shapes';

/** Checks of error answers, and of what the database holds after a request. */

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
