import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { formatWhen } from '../../worker/src/mail/format';
import { announcePromotions } from '../../worker/src/services/waitlist';
import { adminSend } from '../support/admin';
import { offeredInBulk } from '../support/bulk-seed';
import { hasSql, pausedBefore } from '../support/interleave';
import {
  createSeries,
  createWorkshop,
  HOUR,
  MINUTE,
  outbox,
  settle,
  unique,
} from '../support/fixtures';
import { startTestWorker, type TestWorker } from '../support/worker';

/**
 * Announcing a promotion against what meets it: the announcement reads its page of people, then
 * queues their "you have a seat" messages in one batch. A person cancelled, or a workshop moved,
 * between that read and that batch must not get a message that is no longer true (the mail
 * guards, checked when the batch runs), and the promotion is still announced once.
 */
let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

/** One person moved in from the line ('promoted', the seat theirs), not yet announced. */
async function unannouncedPromotion() {
  const slug = unique('promo');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 1 });
  const prefix = unique('moved-in');
  const now = Date.now();
  await worker.db.batch([
    ...offeredInBulk(worker.db, prefix, workshop.id, 1, {
      offeredAt: now - MINUTE,
      offeredUntil: now + HOUR,
      announcedAt: null,
    }),
    worker.db
      .prepare(
        `UPDATE waitlist SET status = 'promoted', offered_until = NULL WHERE registration_id = ?`,
      )
      .bind(`${prefix}-0`),
  ]);
  return { workshop, id: `${prefix}-0` };
}

const promotedMessages = async (id: string) =>
  (await outbox(worker, { kind: 'promoted', registrationId: id })).length;

const announcedAt = async (id: string) =>
  (await worker.db
    .prepare(`SELECT announced_at FROM waitlist WHERE registration_id = ?`)
    .bind(id)
    .first<{ announced_at: number | null }>())!.announced_at;

describe('announcing a promotion', () => {
  test('the person cancelled between the read and the batch: no message, announced once', async () => {
    const { id } = await unannouncedPromotion();
    const db = pausedBefore(worker.db, hasSql('SET announced_at'), async () => {
      const res = await adminSend(worker, 'POST', `/api/v1/admin/registrations/${id}/cancel`, {});
      assert.equal(res.status, 200, await res.text());
      await settle(worker);
    });
    await announcePromotions(db as never, Date.now());
    assert.ok(db.paused(), 'the cancellation came between the read and the batch');
    assert.equal(await promotedMessages(id), 0);
    assert.notEqual(await announcedAt(id), null);
  });

  test('the workshop moved between the read and the batch: no message with the old time', async () => {
    const { workshop, id } = await unannouncedPromotion();
    const [from, to] = [Date.parse(workshop.startsAt), Date.parse(workshop.endsAt)];
    const [movedFrom, movedTo] = [from + 24 * HOUR, to + 24 * HOUR];
    const db = pausedBefore(worker.db, hasSql('SET announced_at'), async () => {
      const res = await adminSend(worker, 'PATCH', `/api/v1/admin/workshops/${workshop.id}`, {
        startsAt: new Date(movedFrom).toISOString(),
        endsAt: new Date(movedTo).toISOString(),
      });
      assert.equal(res.status, 200, await res.text());
      await settle(worker);
    });
    await announcePromotions(db as never, Date.now());
    assert.ok(db.paused(), 'the move came between the read and the batch');
    // The stale batch's message (read before the move) is refused by its guard; one read after
    // the move (the edit's own announcement) may stand, with the new time.
    const messages = await outbox(worker, { kind: 'promoted', registrationId: id });
    assert.ok(messages.length <= 1, `${messages.length} promoted messages`);
    for (const m of messages) {
      assert.ok(m.text.includes(formatWhen(movedFrom, movedTo, 'sk')), m.text);
      assert.ok(!m.text.includes(formatWhen(from, to, 'sk')), m.text);
    }
    assert.notEqual(await announcedAt(id), null);
  });
});
