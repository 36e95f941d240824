import assert from 'node:assert/strict';
import { findWorkshop } from '../../worker/src/db/workshops';
import { adminWorkshopPath } from './api-shapes';
import type { TestWorker } from './worker';
import {
  cancelThroughManagePage,
  confirmLink,
  tokenOf,
  createSeries,
  createWorkshop,
  manageLink,
  onlyMessage,
  postConfirmation,
  postRegistration,
  received,
  registerConfirmed,
  settle,
  unique,
  uniqueEmail,
  validRegistration,
} from './fixtures';

/** The worker-side steps the waiting-list, line-race and expiry tests share. */

/** A series with one workshop of `capacity` seats, all taken by confirmed holders. */
export async function fullWorkshop(
  worker: TestWorker,
  capacity: number,
  workshop: Record<string, unknown> = {},
) {
  const slug = unique('line');
  await createSeries(worker, slug);
  const made = await createWorkshop(worker, slug, { startsInHours: 72, capacity, ...workshop });
  const holders: string[] = [];
  for (let i = 0; i < capacity; i++) {
    holders.push(
      await registerConfirmed(worker, slug, [made.id], { email: uniqueEmail('holder') }),
    );
  }
  return { slug, workshop: made, holders };
}

/** A confirmed person waiting in the line of a full workshop (one seat, taken). */
export async function confirmedInLine(worker: TestWorker) {
  const { slug, workshop } = await fullWorkshop(worker, 1);
  const res = await postRegistration(
    worker,
    slug,
    validRegistration([workshop.id], {
      email: uniqueEmail('waiting'),
      waitlistWorkshopIds: [workshop.id],
    }),
  );
  assert.equal(res.status, 201);
  const { registration } = (await res.json()) as { registration: { id: string } };
  await settle(worker);
  await confirmByLink(worker, registration.id);
  return { slug, workshop, id: registration.id };
}

/** The token in the link of a registration's confirmation request. */
export async function confirmTokenOf(worker: TestWorker, registrationId: string) {
  const request = await onlyMessage(worker, { registrationId, kind: 'confirm_request' });
  return tokenOf(confirmLink(await received(worker, request)));
}

/** Confirms a registration by posting the token from its confirmation request's link. */
export async function confirmByLink(worker: TestWorker, registrationId: string) {
  const res = await postConfirmation(worker, await confirmTokenOf(worker, registrationId));
  assert.equal(res.status, 200, await res.text());
  await settle(worker);
}

/** Cancels the whole registration through the manage link in its `kind` message. */
export async function cancelAllByLink(
  worker: TestWorker,
  registrationId: string,
  kind = 'confirmed',
) {
  const message = await onlyMessage(worker, { registrationId, kind });
  const res = await cancelThroughManagePage(
    worker,
    manageLink(await received(worker, message)),
    'all',
  );
  assert.equal(res.status, 200);
  await res.arrayBuffer();
  await settle(worker);
}

/** A seat's status, or null when the registration has none at that workshop. */
export const seatStatus = async (worker: TestWorker, registrationId: string, workshopId: string) =>
  (
    await worker.db
      .prepare(`SELECT status FROM seats WHERE registration_id = ? AND workshop_id = ?`)
      .bind(registrationId, workshopId)
      .first<{ status: string }>()
  )?.status ?? null;

/** A workshop's capacity as stored now. */
export const capacityOf = async (worker: TestWorker, workshopId: string) =>
  (await findWorkshop(worker.db as never, workshopId))!.capacity;

/** The admin path that moves a person in from a workshop's line by hand. */
export const promotePath = (workshopId: string, registrationId: string) =>
  `${adminWorkshopPath(workshopId)}/waitlist/${registrationId}/promote`;
