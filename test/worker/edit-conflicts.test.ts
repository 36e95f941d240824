import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiError } from '../../worker/src/http/errors';
import { findSeriesById } from '../../worker/src/db/series';
import { findWorkshop } from '../../worker/src/db/workshops';
import { changeWorkshop } from '../../worker/src/services/workshop-changes';
import { hasSql, pausedBefore } from '../support/interleave';
import { adminSend } from '../support/admin';
import { asAdmin, json, startTestWorker, type TestWorker } from '../support/worker';
import {
  adminWorkshopPath,
  createSeries,
  seriesBody,
  createWorkshop,
  expectError,
  outbox,
  register,
  registerConfirmed,
  runCron,
  settle,
  unique,
  uniqueEmail,
  type AdminWorkshop,
} from '../support/fixtures';
import { cancelAllByLink, confirmByLink, confirmedInLine } from '../support/waitlist-fixtures';

/**
 * Two organizers editing one workshop in two tabs: the edit carries the version its form was
 * filled from (If-Match), and the one that comes second on an outdated copy is refused with 412
 * `edit_conflict` and changes nothing — no field, no version, no audit entry, no notice.
 */
let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

async function setup(capacity = 20) {
  const slug = unique('edits');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug, { capacity });
  return { slug, workshop };
}

/** The workshop's row as stored: everything an edit could change. */
const row = (id: string) =>
  worker.db
    .prepare('SELECT * FROM workshops WHERE id = ?')
    .bind(id)
    .first<Record<string, unknown>>();

const updates = async (id: string) =>
  (
    await worker.db
      .prepare(`SELECT detail FROM audit_log WHERE action = 'workshop.update' AND target_id = ?`)
      .bind(id)
      .all<{ detail: string }>()
  ).results.map((r) => JSON.parse(r.detail) as { fields: string[] });

const edit = (id: string, body: unknown, ifMatch?: string) =>
  worker.fetch(
    adminWorkshopPath(id),
    asAdmin(json('PATCH', body, ifMatch === undefined ? {} : { 'if-match': ifMatch })),
  );

/** The service as the route runs it, paused before its batch while `meanwhile` happens. */
async function changePausedBy(id: string, body: object, meanwhile: () => Promise<void>) {
  const current = (await findWorkshop(worker.db as never, id))!;
  const series = (await findSeriesById(worker.db as never, current.seriesId))!;
  const db = pausedBefore(worker.db, hasSql('UPDATE workshops SET title_sk'), meanwhile);
  const change = changeWorkshop(
    db as never,
    series,
    current,
    body,
    'tab-1@example.gov.sk',
    Date.now(),
  );
  return { db, change };
}

const isConflict = (error: unknown) => error instanceof ApiError && error.code === 'edit_conflict';

describe('a workshop edit on an outdated copy', () => {
  test('the read gives the version as an ETag and in the JSON; an edit moves it on', async () => {
    const { workshop } = await setup();
    const res = await adminSend(worker, 'GET', adminWorkshopPath(workshop.id));
    assert.equal(res.status, 200);
    const read = ((await res.json()) as { workshop: AdminWorkshop }).workshop;
    assert.match(read.version, /^"\d+"$/);
    assert.equal(res.headers.get('etag'), read.version);
    assert.equal(read.version, workshop.version, 'the series page lists the same version');
    const saved = await edit(workshop.id, { capacity: 21 }, read.version);
    assert.equal(saved.status, 200, await saved.clone().text());
    const after = ((await saved.json()) as { workshop: AdminWorkshop }).workshop;
    assert.notEqual(after.version, read.version);
    assert.equal(saved.headers.get('etag'), after.version);
  });

  test('two edits from the same version at once: exactly one wins, the other 412 and D1 holds the winner', async () => {
    const { workshop } = await setup();
    const before = await row(workshop.id);
    const [a, b] = await Promise.all([
      edit(workshop.id, { title: { sk: 'Názov z prvej karty', en: '' } }, workshop.version),
      edit(workshop.id, { capacity: 35 }, workshop.version),
    ]);
    const statuses = [a.status, b.status].sort();
    assert.deepEqual(statuses, [200, 412], `${await a.clone().text()} / ${await b.clone().text()}`);
    const loser = a.status === 412 ? a : b;
    const body = (await loser.json()) as { error: { code: string } };
    assert.equal(body.error.code, 'edit_conflict');
    const stored = (await row(workshop.id))!;
    if (a.status === 200) {
      assert.equal(stored.title_sk, 'Názov z prvej karty');
      assert.equal(stored.capacity, before!.capacity, 'the losing capacity edit changed nothing');
    } else {
      assert.equal(stored.capacity, 35);
      assert.equal(stored.title_sk, before!.title_sk, 'the losing title edit changed nothing');
    }
    assert.equal((await updates(workshop.id)).length, 1, 'one audit entry: the winner’s');
  });

  test('an edit that meets another between its read and its write: 412, nothing of it stored', async () => {
    const { workshop } = await setup();
    const { db, change } = await changePausedBy(workshop.id, { capacity: 5 }, async () => {
      const other = await edit(workshop.id, { capacity: 40 }, workshop.version);
      assert.equal(other.status, 200);
    });
    await assert.rejects(change, isConflict);
    assert.ok(db.paused(), 'the other edit came between the read and the write');
    const stored = (await row(workshop.id))!;
    assert.equal(stored.capacity, 40);
    assert.deepEqual(
      (await updates(workshop.id)).map((d) => d.fields),
      [['capacity']],
    );
  });

  test('a stale edit that moves the time: no notice queued, no reminder dropped', async () => {
    const { slug, workshop } = await setup();
    const id = await registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail() });
    await settle(worker);
    const outboxBefore = await outbox(worker, { registrationId: id });
    // The service takes the parsed patch: instants in milliseconds.
    const startsAt = Date.parse(workshop.startsAt) + 3_600_000;
    const endsAt = Date.parse(workshop.endsAt) + 3_600_000;
    const { change } = await changePausedBy(workshop.id, { startsAt, endsAt }, async () => {
      assert.equal((await edit(workshop.id, { capacity: 30 }, workshop.version)).status, 200);
    });
    await assert.rejects(change, isConflict);
    const stored = (await row(workshop.id))!;
    assert.equal(stored.starts_at, Date.parse(workshop.startsAt));
    assert.equal(stored.sequence, 0);
    assert.deepEqual(await outbox(worker, { registrationId: id }), outboxBefore);
  });

  test('an edit that meets a cancellation of the workshop: 412, it stays cancelled, nobody told of a change', async () => {
    const { slug, workshop } = await setup();
    const id = await registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail() });
    // The service takes the parsed patch: instants in milliseconds.
    const startsAt = Date.parse(workshop.startsAt) + 3_600_000;
    const endsAt = Date.parse(workshop.endsAt) + 3_600_000;
    const { change } = await changePausedBy(workshop.id, { startsAt, endsAt }, async () => {
      const res = await adminSend(worker, 'POST', `${adminWorkshopPath(workshop.id)}/cancel`);
      assert.equal(res.status, 200);
    });
    await assert.rejects(change, isConflict);
    const stored = (await row(workshop.id))!;
    assert.notEqual(stored.cancelled_at, null);
    assert.equal(stored.starts_at, Date.parse(workshop.startsAt));
    await settle(worker);
    assert.equal(
      (await outbox(worker, { registrationId: id, kind: 'workshop_changed' })).length,
      0,
    );
    // And after the cancellation, an edit from the old copy is refused as before.
    await expectError(
      await edit(workshop.id, { capacity: 3 }, workshop.version),
      412,
      'edit_conflict',
    );
  });

  test('an edit sent after the other one landed: 412 at once; without If-Match an API script still writes', async () => {
    const { workshop } = await setup();
    assert.equal((await edit(workshop.id, { capacity: 11 }, workshop.version)).status, 200);
    await expectError(
      await edit(workshop.id, { capacity: 12 }, workshop.version),
      412,
      'edit_conflict',
    );
    assert.equal((await row(workshop.id))!.capacity, 11);
    await expectError(
      await edit(workshop.id, { capacity: 12 }, `W/${workshop.version}`),
      412,
      'edit_conflict',
    );
    const blind = await edit(workshop.id, { capacity: 13 });
    assert.equal(blind.status, 200);
    assert.equal((await row(workshop.id))!.capacity, 13);
  });

  test('a malformed If-Match is a 422 on the header, before anything is read', async () => {
    const { workshop } = await setup();
    const res = await edit(workshop.id, { capacity: 2 }, 'version 7');
    const body = await expectError(res, 422, 'validation');
    assert.ok(body.error.fields && 'if-match' in body.error.fields, JSON.stringify(body));
    assert.equal((await row(workshop.id))!.capacity, 20);
  });

  test('two changes in the same millisecond still give two versions', async () => {
    const { workshop } = await setup();
    const now = Date.now();
    const read = async () => (await findWorkshop(worker.db as never, workshop.id))!;
    const series = (await findSeriesById(worker.db as never, (await read()).seriesId))!;
    const first = await read();
    await changeWorkshop(worker.db as never, series, first, { capacity: 1 }, 'a', now);
    const second = await read();
    await changeWorkshop(worker.db as never, series, second, { capacity: 2 }, 'a', now);
    const third = await read();
    assert.ok(second.version > first.version && third.version > second.version);
    await assert.rejects(
      changeWorkshop(worker.db as never, series, second, { capacity: 3 }, 'a', now),
      isConflict,
    );
  });
});

describe('a workshop edit against the other changes that meet it', () => {
  test('a seat added by hand (promote) between the read and the write: 412, the seat stays', async () => {
    const { workshop, id } = await confirmedInLine(worker);
    const { change } = await changePausedBy(
      workshop.id,
      { title: { sk: 'Nový', en: '' } },
      async () => {
        const promote = `${adminWorkshopPath(workshop.id)}/waitlist/${id}/promote`;
        assert.equal((await adminSend(worker, 'POST', promote)).status, 200);
      },
    );
    await assert.rejects(change, isConflict);
    const stored = (await row(workshop.id))!;
    assert.equal(stored.capacity, 2, 'the seat added by hand is kept');
    assert.equal(stored.title_sk, workshop.title.sk);
  });

  test('a registrant cancelling between the read and the write: the edit lands, they are not told', async () => {
    const { slug, workshop } = await setup();
    const id = await registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail() });
    await settle(worker);
    const startsAt = Date.parse(workshop.startsAt) + 3_600_000;
    const endsAt = Date.parse(workshop.endsAt) + 3_600_000;
    const { change } = await changePausedBy(workshop.id, { startsAt, endsAt }, () =>
      cancelAllByLink(worker, id),
    );
    await change;
    assert.equal((await row(workshop.id))!.starts_at, startsAt);
    await settle(worker);
    assert.equal(
      (await outbox(worker, { registrationId: id, kind: 'workshop_changed' })).length,
      0,
    );
  });

  test('a registrant confirming between the read and the write: the edit lands and tells them too', async () => {
    const { slug, workshop } = await setup();
    const id = await register(worker, slug, [workshop.id], { email: uniqueEmail() });
    const startsAt = Date.parse(workshop.startsAt) + 3_600_000;
    const endsAt = Date.parse(workshop.endsAt) + 3_600_000;
    const { db, change } = await changePausedBy(workshop.id, { startsAt, endsAt }, () =>
      confirmByLink(worker, id),
    );
    await change;
    assert.ok(db.paused());
    // The route hands its notices to delivery; called here directly, the cron sends them.
    await runCron(worker, Date.now());
    assert.equal(
      (await outbox(worker, { registrationId: id, kind: 'workshop_changed' })).length,
      1,
    );
  });

  test('a cron run between the read and the write: the edit lands (the cron does not touch the workshop)', async () => {
    const { slug, workshop } = await setup();
    const id = await registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail() });
    await settle(worker);
    const { change } = await changePausedBy(workshop.id, { capacity: 25 }, () =>
      runCron(worker, Date.now()),
    );
    await change;
    assert.equal((await row(workshop.id))!.capacity, 25);
    assert.equal(
      (await outbox(worker, { registrationId: id, kind: 'workshop_changed' })).length,
      0,
    );
  });

  test('three blind edits (no If-Match) of different fields at once: all three land', async () => {
    const { workshop } = await setup();
    const answers = await Promise.all([
      edit(workshop.id, { capacity: 33 }),
      edit(workshop.id, { title: { sk: 'Súbežný názov', en: '' } }),
      edit(workshop.id, { description: { sk: 'Súbežný popis', en: '' } }),
    ]);
    assert.deepEqual(
      answers.map((r) => r.status),
      [200, 200, 200],
    );
    const stored = (await row(workshop.id))!;
    assert.equal(stored.capacity, 33);
    assert.equal(stored.title_sk, 'Súbežný názov');
    assert.equal(stored.description_sk, 'Súbežný popis');
    assert.equal((await updates(workshop.id)).length, 3);
  });
});

describe('the audit entry of a workshop edit', () => {
  test('an edit that changes nothing writes no entry and keeps the version', async () => {
    const { workshop } = await setup();
    const same = {
      capacity: 20,
      title: { sk: workshop.title.sk, en: workshop.title.en },
      waitlist: workshop.waitlist,
      waitlistMode: workshop.waitlistMode,
    };
    const res = await edit(workshop.id, same, workshop.version);
    assert.equal(res.status, 200, await res.clone().text());
    const after = ((await res.json()) as { workshop: AdminWorkshop }).workshop;
    assert.equal(after.version, workshop.version);
    assert.deepEqual(await updates(workshop.id), []);
  });

  test('an edit records which fields changed, the waiting-list settings included', async () => {
    const { workshop } = await setup();
    const res = await edit(workshop.id, { capacity: 22, waitlistMode: 'offer' }, workshop.version);
    assert.equal(res.status, 200);
    assert.deepEqual(
      (await updates(workshop.id)).map((d) => d.fields),
      [['capacity', 'waitlistMode']],
    );
    // A settings-only change moves the version too: an edit from before it is stale.
    const read = ((await res.json()) as { workshop: AdminWorkshop }).workshop;
    const again = await edit(workshop.id, { offerMinutes: 60 }, read.version);
    assert.equal(again.status, 200);
    await expectError(await edit(workshop.id, { capacity: 1 }, read.version), 412, 'edit_conflict');
  });
});

describe('a series edit on an outdated copy', () => {
  const put = (slug: string, body: unknown, headers: Record<string, string> = {}) =>
    worker.fetch(`/api/v1/admin/series/${slug}`, asAdmin(json('PUT', body, headers)));
  const stored = (slug: string) =>
    worker.db
      .prepare('SELECT title_sk, retention_days, updated_at FROM series WHERE slug = ?')
      .bind(slug)
      .first<{ title_sk: string; retention_days: number; updated_at: number }>();

  test('two saves from the same version at once: one wins, the other 412 and changes nothing', async () => {
    const slug = unique('series-edits');
    const { version } = (await createSeries(worker, slug)) as unknown as { version: string };
    const [a, b] = await Promise.all([
      put(slug, seriesBody({ title: { sk: 'Z prvej karty', en: '' } }), { 'if-match': version }),
      put(slug, seriesBody({ retentionDays: 90 }), { 'if-match': version }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 412]);
    const loser = a.status === 412 ? a : b;
    assert.equal(((await loser.json()) as { error: { code: string } }).error.code, 'edit_conflict');
    const row = (await stored(slug))!;
    if (a.status === 200) assert.equal(row.retention_days, 30);
    else assert.equal(row.title_sk, seriesBody().title.sk);
  });

  test('creating under an address name that is taken: 412 series_exists, the series unchanged', async () => {
    const slug = unique('series-taken');
    await createSeries(worker, slug);
    const before = await stored(slug);
    const res = await put(slug, seriesBody({ title: { sk: 'Iná séria', en: '' } }), {
      'if-none-match': '*',
    });
    await expectError(res, 412, 'series_exists');
    assert.deepEqual(await stored(slug), before);
    const [x, y] = await Promise.all(
      ['Prvá', 'Druhá'].map((sk) =>
        put(`${slug}-new`, seriesBody({ title: { sk, en: '' } }), { 'if-none-match': '*' }),
      ),
    );
    assert.deepEqual([x!.status, y!.status].sort(), [201, 412]);
  });

  test('a save that changes nothing records nothing; each part that changes is recorded once', async () => {
    const slug = unique('series-same');
    await createSeries(worker, slug);
    const entries = async () =>
      (await worker.db
        .prepare(
          `SELECT COUNT(*) AS n FROM audit_log WHERE action = 'series.update' AND target_id = ?`,
        )
        .bind(slug)
        .first<{ n: number }>())!.n;
    const before = (await stored(slug))!.updated_at;
    assert.equal((await put(slug, seriesBody())).status, 200);
    assert.equal(await entries(), 0);
    assert.equal((await stored(slug))!.updated_at, before, 'no new version');
    const reminders = { leadMinutes: 1440, secondLeadMinutes: 60 };
    assert.equal((await put(slug, seriesBody({ reminders }))).status, 200);
    assert.equal(await entries(), 1, 'the reminder schedule alone changed');
    assert.ok((await stored(slug))!.updated_at > before);
    const keys = {
      siteKey: '1x00000000000000000000AA',
      secretKey: '1x0000000000000000000000000000000AA',
    };
    assert.equal((await put(slug, seriesBody({ reminders, turnstile: keys }))).status, 200);
    assert.equal(await entries(), 2, 'Turnstile alone changed');
    assert.equal((await put(slug, seriesBody({ reminders, turnstile: keys }))).status, 200);
    assert.equal(await entries(), 2, 'the same again changes nothing');
  });

  test('a save moves the version even within the same millisecond as the last one', async () => {
    const slug = unique('series-ms');
    await createSeries(worker, slug);
    const first = (await stored(slug))!.updated_at;
    // The clock is not asked: the stored version is pushed into the future, so `now` is behind.
    await worker.db
      .prepare('UPDATE series SET updated_at = ? WHERE slug = ?')
      .bind(first + 60_000, slug)
      .run();
    assert.equal((await put(slug, seriesBody({ title: { sk: 'Iný názov', en: '' } }))).status, 200);
    assert.equal((await stored(slug))!.updated_at, first + 60_001);
  });
});
