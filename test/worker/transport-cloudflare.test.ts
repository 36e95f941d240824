import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createSeries,
  createWorkshop,
  outbox,
  register,
  settle,
  testWorker,
  unique,
  uniqueEmail,
} from '../support/fixtures';

const CLOUDFLARE_MAIL = {
  MAIL_TRANSPORT: 'cloudflare',
  MAIL_FROM: 'workshopy@example.gov.sk',
};

test('the Cloudflare Email Sending transport hands the message to the EMAIL binding', async (t) => {
  const worker = await testWorker(t, CLOUDFLARE_MAIL, { sendEmail: {} });
  const slug = unique('cf');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug);
  const email = uniqueEmail('cf');
  await register(worker, slug, [workshop.id], { email });
  await settle(worker);
  const [message] = await outbox(worker, { to: email });
  assert.equal(message!.kind, 'confirm_request');
  assert.equal(message!.status, 'sent');
  assert.equal(message!.lastError, null);
});

test('a message the binding refuses is kept and retried, not lost', async (t) => {
  // The binding may only deliver to one (other) address, so it refuses ours.
  const worker = await testWorker(t, CLOUDFLARE_MAIL, {
    sendEmail: { allowedDestinations: ['someone-else@example.org'] },
  });
  const slug = unique('cf');
  await createSeries(worker, slug);
  const workshop = await createWorkshop(worker, slug);
  const email = uniqueEmail('cf');
  await register(worker, slug, [workshop.id], { email });
  await settle(worker);
  const [message] = await outbox(worker, { to: email });
  assert.equal(message!.status, 'queued', 'back in the queue for a later run');
  assert.equal(message!.attempts, 1);
  assert.ok(message!.lastError, 'the refusal is recorded');
  assert.ok(!message!.lastError!.includes(email), 'without the address');
  assert.ok(!worker.logs().includes(email), 'and the logs neither');
});
