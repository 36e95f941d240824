import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { adminSend } from '../support/admin';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  createSeries,
  createWorkshop,
  expectError,
  HOUR,
  MINUTE,
  outbox,
  registerConfirmed,
  settle,
  unique,
  uniqueEmail,
} from '../support/fixtures';

/**
 * A series' reminder lead (issue 12) is what the join link's timing is everywhere, not the 24
 * hours it defaults to: an organizer can send the link by hand from the moment the cron would.
 */
let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

const resendJoinLink = (id: string, workshopId: string) =>
  adminSend(worker, 'POST', `/api/v1/admin/registrations/${id}/resend-join-link`, { workshopId });

/** A series with this lead and one workshop `startsInHours` ahead, and one confirmed person. */
async function seated(leadMinutes: number, startsInHours: number) {
  const slug = unique('lead');
  await createSeries(worker, slug, { reminders: { leadMinutes, secondLeadMinutes: null } });
  const workshop = await createWorkshop(worker, slug, { startsInHours });
  const id = await registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail() });
  await settle(worker);
  return { workshop, id };
}

describe('the join link by hand follows the series’ lead time', () => {
  test('sent again while the workshop runs, it says the workshop has started (both languages)', async () => {
    const slug = unique('running');
    await createSeries(worker, slug);
    const workshop = await createWorkshop(worker, slug, { startsInHours: 3 });
    const ids = await Promise.all(
      (['sk', 'en'] as const).map((locale) =>
        registerConfirmed(worker, slug, [workshop.id], { email: uniqueEmail(), locale }),
      ),
    );
    await settle(worker);
    // It began half an hour ago and runs until its end.
    await worker.db
      .prepare(
        `UPDATE workshops SET starts_at = ?2, registration_closes_at = ?2, ends_at = ?2 + ${2 * HOUR}
         WHERE id = ?1`,
      )
      .bind(workshop.id, Date.now() - 30 * MINUTE)
      .run();
    for (const id of ids) {
      const res = await resendJoinLink(id, workshop.id);
      assert.equal(res.status, 202, await res.text());
    }
    await settle(worker);
    const [sk, en] = await Promise.all(
      ids.map(async (id) =>
        (await outbox(worker, { registrationId: id, kind: 'reminder' })).at(-1)!,
      ),
    );
    assert.equal(sk!.status, 'sent');
    assert.match(sk!.text, /sa už začal\./);
    assert.ok(!sk!.text.includes('necel'), sk!.text);
    assert.match(en!.text, /has already started\./);
    assert.ok(!en!.text.includes('less than'), en!.text);
  });

  test('a 48-hour lead: the link can be sent again 30 hours before, as the cron sent it', async () => {
    const { workshop, id } = await seated(48 * 60, 30);
    assert.equal((await outbox(worker, { registrationId: id, kind: 'reminder' })).length, 1);
    const res = await resendJoinLink(id, workshop.id);
    assert.equal(res.status, 202, await res.text());
    await settle(worker);
    assert.equal((await outbox(worker, { registrationId: id, kind: 'reminder' })).length, 2);
  });

  test('a 2-hour lead: not 10 hours before, and the refusal says when it opens', async () => {
    const { workshop, id } = await seated(120, 10);
    const body = await expectError(await resendJoinLink(id, workshop.id), 409, 'join_link_not_yet');
    const opensAt = new Date(Date.parse(workshop.startsAt) - 2 * HOUR).toISOString();
    assert.ok(body.error.message.includes(opensAt), body.error.message);
    assert.equal((await outbox(worker, { registrationId: id, kind: 'reminder' })).length, 0);
  });
});
