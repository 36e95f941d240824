import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Miniflare } from 'miniflare';
import { applyMigrations } from '../support/migrations';

test('0003 gives reminders queued before it their start time, so nobody is reminded twice', async (t) => {
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch: () => new Response() }',
    d1Databases: { DB: crypto.randomUUID() },
  });
  t.after(() => mf.dispose());
  const db = await mf.getD1Database('DB');
  await applyMigrations(db, (file) => file < '0003');

  const start = Date.parse('2026-12-04T09:00:00Z');
  await db.batch([
    db.prepare(
      `INSERT INTO series (id, slug, title_sk, title_en, privacy_url, organizer_name,
         organizer_email, created_at, updated_at) VALUES (1, 's', 'S', 'S', 'https://x', 'O', 'o@x.sk', 0, 0)`,
    ),
    db
      .prepare(
        `INSERT INTO workshops (id, series_id, title_sk, title_en, starts_at, ends_at, capacity,
           join_url, registration_closes_at, created_at, updated_at)
         VALUES ('wsid234567abcdef', 1, 'W', 'W', ?1, ?1 + 1, 5, 'https://j', ?1, 0, 0)`,
      )
      .bind(start),
    db.prepare(
      `INSERT INTO registrations (id, series_id, given_name, family_name, email, email_key,
         organization_type, locale, status, created_at)
       VALUES ('regid34567abcdef', 1, 'J', 'N', 'j@x.sk', 'j@x.sk', 'expert', 'sk', 'confirmed', 0)`,
    ),
    ...[
      ['m1', 'reminder', `reminder:regid34567abcdef:wsid234567abcdef:${start}`],
      ['m2', 'confirmed', 'confirmed:regid34567abcdef'],
    ].map(([id, kind, key]) =>
      db
        .prepare(
          `INSERT INTO outbox (id, dedupe_key, kind, registration_id, workshop_id, to_address,
             from_name, reply_to, subject, text_body, html_body, next_attempt_at, created_at)
           VALUES (?1, ?3, ?2, 'regid34567abcdef', 'wsid234567abcdef', 'j@x.sk', 'O', 'o@x.sk',
             '', '', '', 0, 0)`,
        )
        .bind(id, kind, key),
    ),
  ]);

  await applyMigrations(db, (file) => file.startsWith('0003'));
  const { results } = await db
    .prepare('SELECT id, starts_at FROM outbox ORDER BY id')
    .all<{ id: string; starts_at: number | null }>();
  assert.deepEqual(results, [
    { id: 'm1', starts_at: start },
    { id: 'm2', starts_at: null },
  ]);
});

test('0004 keeps every message, and names why each released seat was released', async (t) => {
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch: () => new Response() }',
    d1Databases: { DB: crypto.randomUUID() },
  });
  t.after(() => mf.dispose());
  const db = await mf.getD1Database('DB');
  await applyMigrations(db, (file) => file < '0004');

  const registration = (id: string, status: string) =>
    db.prepare(
      `INSERT INTO registrations (id, series_id, given_name, family_name, email, email_key,
         organization_type, locale, status, created_at)
       VALUES ('${id}', 1, 'J', 'N', 'j@x.sk', '${id}@x.sk', 'expert', 'sk', '${status}', 0)`,
    );
  const seat = (registrationId: string, workshopId: string, status: string) =>
    db.prepare(
      `INSERT INTO seats (registration_id, workshop_id, email_key, status, created_at)
       VALUES ('${registrationId}', '${workshopId}', '${registrationId}@x.sk', '${status}', 0)`,
    );
  await db.batch([
    db.prepare(
      `INSERT INTO series (id, slug, title_sk, title_en, privacy_url, organizer_name,
         organizer_email, created_at, updated_at) VALUES (1, 's', 'S', 'S', 'https://x', 'O', 'o@x.sk', 0, 0)`,
    ),
    ...['open', 'gone'].map((id) =>
      db.prepare(
        `INSERT INTO workshops (id, series_id, title_sk, title_en, starts_at, ends_at, capacity,
           join_url, registration_closes_at, created_at, updated_at, cancelled_at)
         VALUES ('${id}', 1, 'W', 'W', 10, 20, 5, 'https://j', 10, 0, 0, ${id === 'gone' ? 5 : 'NULL'})`,
      ),
    ),
    registration('lapsed', 'expired'),
    registration('quit', 'cancelled'),
    registration('kept', 'confirmed'),
    seat('lapsed', 'open', 'released'),
    seat('quit', 'open', 'released'),
    seat('kept', 'open', 'held'),
    seat('kept', 'gone', 'released'),
    db.prepare(
      `INSERT INTO outbox (id, dedupe_key, kind, registration_id, workshop_id, starts_at,
         to_address, from_name, reply_to, subject, text_body, html_body, status, attempts,
         next_attempt_at, created_at)
       VALUES ('m1', 'reminder:kept:open:10', 'reminder', 'kept', 'open', 10, 'j@x.sk', 'O',
         'o@x.sk', 'S', 'T', 'H', 'failed', 8, 0, 0)`,
    ),
  ]);

  await applyMigrations(db, (file) => file.startsWith('0004'));
  const seats = await db
    .prepare('SELECT registration_id, workshop_id, release_reason FROM seats ORDER BY 1, 2')
    .all();
  assert.deepEqual(seats.results, [
    { registration_id: 'kept', workshop_id: 'gone', release_reason: 'workshop_cancelled' },
    { registration_id: 'kept', workshop_id: 'open', release_reason: null },
    { registration_id: 'lapsed', workshop_id: 'open', release_reason: 'expired' },
    { registration_id: 'quit', workshop_id: 'open', release_reason: 'cancelled' },
  ]);
  const message = await db
    .prepare('SELECT id, status, attempts, starts_at, text_body, workshop_sequences FROM outbox')
    .first();
  assert.deepEqual(message, {
    id: 'm1',
    status: 'failed',
    attempts: 8,
    starts_at: 10,
    text_body: 'T',
    workshop_sequences: '{}',
  });
  await db.prepare(`UPDATE outbox SET status = 'dropped', drop_reason = 'x' WHERE id = 'm1'`).run();
  await assert.rejects(db.prepare(`UPDATE outbox SET status = 'lost' WHERE id = 'm1'`).run());
});

test('0008 keeps the reminder handovers (as first reminders), and a second kind may join them', async (t) => {
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch: () => new Response() }',
    d1Databases: { DB: crypto.randomUUID() },
  });
  t.after(() => mf.dispose());
  const db = await mf.getD1Database('DB');
  await applyMigrations(db, (file) => file < '0008');
  await db
    .prepare(
      `INSERT INTO reminder_handovers (registration_id, workshop_id, starts_at, handed_at)
       VALUES ('r', 'w', 100, 5)`,
    )
    .run();

  await applyMigrations(db, (file) => file.startsWith('0008'));
  await db
    .prepare(
      `INSERT INTO reminder_handovers (registration_id, workshop_id, starts_at, kind, handed_at)
       VALUES ('r', 'w', 100, 'reminder_short', 6)`,
    )
    .run();
  const { results } = await db
    .prepare('SELECT kind, handed_at FROM reminder_handovers ORDER BY handed_at')
    .all<{ kind: string; handed_at: number }>();
  assert.deepEqual(results, [
    { kind: 'reminder', handed_at: 5 },
    { kind: 'reminder_short', handed_at: 6 },
  ]);
});
