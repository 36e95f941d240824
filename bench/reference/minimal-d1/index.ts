/**
 * The floor for a registration on this runtime and a local D1: per request one count, one insert
 * batch (a transaction; the seat trigger refuses a full workshop) and one select. No validation
 * library, no e-mail, no rate limit. It answers the project's registration path with the same
 * status codes, so the benchmark drives both with the very same load.
 */
interface Env {
  DB: D1Database;
}

interface Body {
  email?: unknown;
  workshopIds?: unknown;
}

const json = (status: number, value: unknown) =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

const full = (workshopIds: string[]) =>
  json(409, { error: { code: 'workshop_full', message: 'No seats left.', workshopIds } });

async function register(env: Env, request: Request): Promise<Response> {
  const body = (await request.json()) as Body;
  const ids = Array.isArray(body.workshopIds) ? body.workshopIds.map(String) : [];
  if (typeof body.email !== 'string' || ids.length === 0 || ids.length > 20) {
    return json(422, { error: { code: 'validation' } });
  }
  const placeholders = ids.map(() => '?').join(', ');
  // 1. count
  const { results: workshops } = await env.DB.prepare(
    `SELECT w.id, w.capacity, (SELECT COUNT(*) FROM seats s WHERE s.workshop_id = w.id) AS taken
     FROM workshops w WHERE w.id IN (${placeholders})`,
  )
    .bind(...ids)
    .all<{ id: string; capacity: number; taken: number }>();
  if (workshops.length !== ids.length) return json(422, { error: { code: 'validation' } });
  const noSeat = workshops.filter((w) => w.taken >= w.capacity).map((w) => w.id);
  if (noSeat.length > 0) return full(noSeat);
  // 2. insert batch (one transaction: all seats or none)
  const id = crypto.randomUUID();
  try {
    await env.DB.batch([
      env.DB.prepare(
        'INSERT INTO registrations (id, email, body, created_at) VALUES (?, ?, ?, ?)',
      ).bind(id, body.email, JSON.stringify(body), Date.now()),
      ...ids.map((workshopId) =>
        env.DB.prepare('INSERT INTO seats (registration_id, workshop_id) VALUES (?, ?)').bind(
          id,
          workshopId,
        ),
      ),
    ]);
  } catch (error) {
    if (error instanceof Error && error.message.includes('workshop_full')) return full(ids);
    throw error;
  }
  // 3. select
  const { results: seats } = await env.DB.prepare(
    'SELECT workshop_id FROM seats WHERE registration_id = ?',
  )
    .bind(id)
    .all<{ workshop_id: string }>();
  return json(201, {
    registration: { id, status: 'pending', workshopIds: seats.map((s) => s.workshop_id) },
  });
}

/** Setup for the benchmark: `PUT /workshops` with `{workshops: [{id, capacity}]}`. */
async function putWorkshops(env: Env, request: Request): Promise<Response> {
  const { workshops } = (await request.json()) as { workshops: { id: string; capacity: number }[] };
  await env.DB.batch(
    workshops.map((w) =>
      env.DB.prepare('INSERT INTO workshops (id, capacity) VALUES (?, ?)').bind(w.id, w.capacity),
    ),
  );
  return json(201, { workshops });
}

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    try {
      if (request.method === 'POST' && /^\/api\/v1\/series\/[^/]+\/registrations$/.test(pathname)) {
        return await register(env, request);
      }
      if (request.method === 'PUT' && pathname === '/workshops') {
        return await putWorkshops(env, request);
      }
      return json(404, { error: { code: 'not_found' } });
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      return json(500, { error: { code: 'internal' } });
    }
  },
} satisfies ExportedHandler<Env>;
