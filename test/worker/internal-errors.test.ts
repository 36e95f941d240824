import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { demoParticipants } from '../../demo/content';
import { json, startTestWorker, type TestWorker } from '../support/worker';
import {
  createSeries,
  createWorkshop,
  registrationsPath,
  unique,
  validRegistration,
} from '../support/fixtures';

let worker: TestWorker;

before(async () => {
  worker = await startTestWorker();
});

after(() => worker.dispose());

test('an unexpected failure answers 500 internal and logs no personal data', async () => {
  const slug = unique('series');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug);
  // Break the database under the worker: storing a seat now fails in a way no input can cause.
  await worker.db.exec('DROP TABLE seats');

  const person = demoParticipants[0];
  const response = await worker.fetch(
    registrationsPath(slug),
    json('POST', validRegistration([workshop.id])),
  );
  assert.equal(response.status, 500);
  const body = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'internal');
  assert.doesNotMatch(JSON.stringify(body), /seats|SQL|D1/i, 'no internals in the response');

  await new Promise((r) => setTimeout(r, 100)); // let the log line arrive
  const logs = worker.logs();
  assert.match(logs, /unhandled_error/);
  assert.match(logs, /\/api\/v1\/series\/:slug\/registrations/, 'logs the route pattern');
  for (const value of [
    person.email,
    person.givenName,
    person.familyName,
    person.organization,
    slug,
  ]) {
    assert.ok(!logs.includes(value), `the log must not contain ${value}`);
  }
});
