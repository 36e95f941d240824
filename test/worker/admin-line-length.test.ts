import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AdminSeriesResponse } from '../../worker/contract';
import { adminGet } from '../support/admin';
import {
  adminSeriesPath,
  createSeries,
  createWorkshop,
  register,
  registerConfirmed,
  testWorker,
  unique,
  uniqueEmail,
} from '../support/fixtures';

/** The admin page's workshop cards show how long each waiting line is (`inLine`). */
test('the series view counts each workshop’s line now: confirmed and pending places', async (t) => {
  const worker = await testWorker(t);
  const slug = unique('line-length');
  await createSeries(worker, slug);
  const full = await createWorkshop(worker, slug, { startsInHours: 48, capacity: 1 });
  const open = await createWorkshop(worker, slug, { startsInHours: 72, capacity: 5 });
  await registerConfirmed(worker, slug, [full.id], { email: uniqueEmail('holder') });
  const line = { waitlistWorkshopIds: [full.id] };
  await registerConfirmed(worker, slug, [full.id], { ...line, email: uniqueEmail('first') });
  await register(worker, slug, [full.id], { ...line, email: uniqueEmail('second') });

  const { workshops } = await adminGet<AdminSeriesResponse>(worker, adminSeriesPath(slug));
  const inLine = Object.fromEntries(workshops.map((w) => [w.id, w.inLine]));
  assert.deepEqual(inLine, { [full.id]: 2, [open.id]: 0 });
});
