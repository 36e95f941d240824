import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { adminSend } from '../support/admin';
import { startTestWorker, type TestWorker } from '../support/worker';
import { expectError, expectFieldErrors } from '../support/fixtures';

/**
 * The guide's "a zod validator on every input" for the admin API's paths: a malformed id or slug
 * is a 422 naming the field before anything reads or writes, a well-formed unknown one a 404.
 */
let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

const tooLong = 'x'.repeat(65);

describe('admin path parameters', () => {
  const malformed: [string, string, string, unknown?][] = [
    ['GET', `/api/v1/admin/registrations/${tooLong}`, 'id'],
    ['POST', `/api/v1/admin/registrations/${tooLong}/resend-confirmation`, 'id'],
    ['POST', `/api/v1/admin/registrations/${tooLong}/cancel`, 'id', {}],
    ['DELETE', `/api/v1/admin/registrations/${tooLong}`, 'id'],
    ['GET', `/api/v1/admin/workshops/${tooLong}`, 'id'],
    ['PATCH', `/api/v1/admin/workshops/${tooLong}`, 'id', { capacity: 3 }],
    ['POST', `/api/v1/admin/workshops/${tooLong}/cancel`, 'id'],
    ['GET', `/api/v1/admin/workshops/${tooLong}/waitlist`, 'id'],
    ['GET', '/api/v1/admin/series/Not_A_Slug', 'slug'],
    ['POST', '/api/v1/admin/series/Not_A_Slug/workshops', 'slug', {}],
    ['GET', '/api/v1/admin/series/Not_A_Slug/registrations.csv', 'slug'],
  ];
  for (const [method, path, field, body] of malformed) {
    test(`${method} ${path.replace(tooLong, '<65 characters>')}: 422 on ${field}`, async () => {
      const res = await adminSend(worker, method, path, body);
      const error = await expectError(res, 422, 'validation');
      assert.ok(error.error.fields && field in error.error.fields, JSON.stringify(error));
    });
  }

  test('well-formed but unknown: 404 as before', async () => {
    await expectError(
      await adminSend(worker, 'GET', '/api/v1/admin/registrations/no-such-registration'),
      404,
      'registration_not_found',
    );
    await expectError(
      await adminSend(worker, 'GET', '/api/v1/admin/series/no-such-series'),
      404,
      'series_not_found',
    );
  });

  test('a PUT still judges its body first, then the slug', async () => {
    await expectFieldErrors(await adminSend(worker, 'PUT', '/api/v1/admin/series/Bad_Slug', {}), {
      title: 'required',
      privacyUrl: 'required',
      organizer: 'required',
    });
  });
});
