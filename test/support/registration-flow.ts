import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { RegistrationBody } from './api-shapes';
import { received } from './mail-provider';
import { confirmLink, onlyMessage, settle } from './outbox';
import { postRegistration, validRegistration } from './series-fixtures';
import { ORIGIN, type TestWorker } from './worker';

/** A person's way through registration: register, confirm on the page, cancel on the page. */

/**
 * Registers (201 expected) and returns the new registration's id, once its mail is sent (so not
 * for a worker without a transport, e.g. production: there use `postRegistration`).
 */
export async function register(
  worker: TestWorker,
  slug: string,
  workshopIds: string[],
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await postRegistration(worker, slug, validRegistration(workshopIds, overrides));
  const text = await res.text();
  assert.equal(res.status, 201, text);
  await settle(worker);
  return (JSON.parse(text) as RegistrationBody).registration.id;
}

/**
 * Registers, opens the confirm link from the e-mail and presses the button on the page; returns
 * the registration id.
 */
export async function registerConfirmed(
  worker: TestWorker,
  slug: string,
  workshopIds: string[],
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const id = await register(worker, slug, workshopIds, overrides);
  const request = await onlyMessage(worker, { registrationId: id, kind: 'confirm_request' });
  const res = await confirmThroughPage(worker, confirmLink(await received(worker, request)));
  assert.equal(res.status, 200, await res.text());
  await settle(worker);
  assert.equal(await registrationStatus(worker, id), 'confirmed');
  return id;
}

export async function registrationStatus(worker: TestWorker, id: string): Promise<string | null> {
  const row = await worker.db
    .prepare('SELECT status FROM registrations WHERE id = ?')
    .bind(id)
    .first<{ status: string }>();
  return row?.status ?? null;
}

/** What a confirm link's registration looks like in the database: status, times, its mail. */
async function confirmLinkSnapshot(worker: TestWorker, confirmUrl: string) {
  const token = new URL(confirmUrl, ORIGIN).searchParams.get('token') ?? '';
  const hash = createHash('sha256').update(token).digest('hex');
  return worker.db
    .prepare(
      `SELECT r.id, r.status, r.confirmed_at, r.expires_at,
         (SELECT COUNT(*) FROM outbox o WHERE o.registration_id = r.id) AS messages
       FROM registrations r JOIN tokens t ON t.registration_id = r.id
       WHERE t.purpose = 'confirm' AND t.hash = ?`,
    )
    .bind(hash)
    .first();
}

/**
 * Opens a confirm link, checks that opening it changed nothing, reads the form on the page and
 * submits it the way a browser would (application/x-www-form-urlencoded). Returns the answer to
 * the POST (the outcome page).
 */
export async function confirmThroughPage(
  worker: TestWorker,
  confirmUrl: string,
): Promise<Response> {
  const before = await confirmLinkSnapshot(worker, confirmUrl);
  assert.ok(before, `a registration holds ${confirmUrl}`);
  const page = await worker.fetch(confirmUrl);
  const html = await page.text();
  assert.equal(page.status, 200, html);
  assert.deepEqual(
    await confirmLinkSnapshot(worker, confirmUrl),
    before,
    'opening the link changes nothing',
  );
  const action = html.match(/<form method="post" action="([^"]+)"/)?.[1];
  assert.equal(action, '/api/v1/registrations/confirm', `a confirm form in:\n${html}`);
  const token = html.match(/<input type="hidden" name="token" value="([^"]+)"/)?.[1];
  assert.ok(token, 'the form carries the token');
  return postConfirmation(worker, token);
}

/**
 * Opens a manage link, reads the cancel form on the page and submits it the way a browser would
 * (application/x-www-form-urlencoded): the chosen workshops, or the "cancel all" button.
 */
export async function cancelThroughManagePage(
  worker: TestWorker,
  manageUrl: string,
  choice: { workshopIds: string[] } | 'all',
): Promise<Response> {
  const page = await worker.fetch(manageUrl);
  const html = await page.text();
  assert.equal(page.status, 200, html);
  const action = html.match(/<form method="post" action="([^"]+)"/)?.[1];
  assert.equal(action, '/api/v1/registrations/cancel');
  const token = html.match(/<input type="hidden" name="token" value="([^"]+)"/)?.[1];
  assert.ok(token, 'the form carries the token');
  const form = new URLSearchParams({ token });
  if (choice === 'all') form.set('all', '1');
  else for (const id of choice.workshopIds) form.append('workshopId', id);
  return worker.fetch(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
}

/** Posts a confirmation token as the confirm page's form does. */
export function postConfirmation(worker: TestWorker, token: string): Promise<Response> {
  return worker.fetch('/api/v1/registrations/confirm', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
}
