import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  createSeries,
  createWorkshop,
  postRegistration,
  publicWorkshop,
  registerConfirmed,
  unique,
  uniqueEmail,
  validRegistration,
} from '../support/fixtures';

/**
 * `seatsLeft` (what the API shows and what registering judges by, db/workshops.ts) counts a seat
 * exactly as the seat guard (migrations 0008, 0009) does: a newcomer sees a seat free exactly when
 * the database would let them take it. The rare case: a confirmed person in a workshop's line who
 * also holds a seat there (under another registration of the same address) is not owed a second
 * seat, so the guard does not count their place; the API used to, and showed the workshop full
 * with a seat free. (While that seat is a lapsed hold, they are owed one: lapsed-line.test.ts.)
 */
let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

/** Puts a registration of `email` in `workshopId`'s line as waiting (it is confirmed already). */
async function waitInLine(registrationId: string, workshopId: string, email: string) {
  await worker.db
    .prepare(
      `INSERT INTO waitlist (registration_id, workshop_id, email_key, created_at)
       VALUES (?, ?, ?, ?)`,
    )
    .bind(registrationId, workshopId, email.toLowerCase(), Date.now())
    .run();
}

describe('seats left agree with the seat guard', () => {
  test('a confirmed person in line who holds a seat there already is not counted twice', async () => {
    const slug = unique('seats-left');
    await createSeries(worker, slug);
    const full = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 3 });
    const other = await createWorkshop(worker, slug, { startsInHours: 96, capacity: 3 });
    const person = uniqueEmail('both');
    await registerConfirmed(worker, slug, [full.id], { email: uniqueEmail('holder') });
    await registerConfirmed(worker, slug, [full.id], { email: person });
    // The same address's second registration, waiting in the line of the workshop it has a seat in.
    const second = await registerConfirmed(worker, slug, [other.id], { email: person });
    await waitInLine(second, full.id, person);

    // Two seats held, the one waiting person holds one of them: one seat free for anyone.
    assert.equal((await publicWorkshop(worker, slug, full.id)).seatsLeft, 1);
    const res = await postRegistration(
      worker,
      slug,
      validRegistration([full.id], { email: uniqueEmail('newcomer') }),
    );
    assert.equal(res.status, 201, await res.text());
    const refused = await postRegistration(
      worker,
      slug,
      validRegistration([full.id], { email: uniqueEmail('late') }),
    );
    assert.equal(refused.status, 409, 'the seat guard refuses the next one: the API agrees');
    await refused.arrayBuffer();
  });

  test('a confirmed person in line without a seat is counted, as the guard counts them', async () => {
    const slug = unique('seats-left');
    await createSeries(worker, slug);
    const full = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 2 });
    const other = await createWorkshop(worker, slug, { startsInHours: 96, capacity: 3 });
    await registerConfirmed(worker, slug, [full.id], { email: uniqueEmail('holder') });
    const person = uniqueEmail('waiting');
    const id = await registerConfirmed(worker, slug, [other.id], { email: person });
    await waitInLine(id, full.id, person);

    assert.equal((await publicWorkshop(worker, slug, full.id)).seatsLeft, 0);
    const res = await postRegistration(
      worker,
      slug,
      validRegistration([full.id], { email: uniqueEmail('newcomer') }),
    );
    assert.equal(res.status, 409, 'the free seat is owed to the person in line');
    await res.arrayBuffer();
  });
});
