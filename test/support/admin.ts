import assert from 'node:assert/strict';
import { adminSeriesPath, adminWorkshopPath, seriesBody, workshopBody } from './fixtures';
import { asAdmin, json, type TestWorker } from './worker';

/** Every admin endpoint, plus paths under /admin that do not exist. */
export const adminRequests = (): [string, RequestInit][] => [
  [adminSeriesPath('some-series'), json('PUT', seriesBody())],
  [adminSeriesPath('some-series'), { method: 'GET' }],
  [`${adminSeriesPath('some-series')}/workshops`, json('POST', workshopBody())],
  [adminWorkshopPath('some-workshop'), { method: 'GET' }],
  [adminWorkshopPath('some-workshop'), json('PATCH', { capacity: 5 })],
  [`${adminSeriesPath('some-series')}/registrations`, { method: 'GET' }],
  [`${adminSeriesPath('some-series')}/registrations?q=a&status=confirmed`, { method: 'GET' }],
  [`${adminSeriesPath('some-series')}/registrations.csv`, { method: 'GET' }],
  [`${adminSeriesPath('some-series')}/messages`, { method: 'GET' }],
  [`${adminSeriesPath('some-series')}/messages/retry`, { method: 'POST' }],
  ['/api/v1/admin/series', { method: 'GET' }],
  [`${adminWorkshopPath('some-workshop')}/cancel`, { method: 'POST' }],
  [`${adminWorkshopPath('some-workshop')}/cancel-preview`, { method: 'GET' }],
  [`${adminWorkshopPath('some-workshop')}/registrations.csv`, { method: 'GET' }],
  ['/api/v1/admin/registrations/some-registration', { method: 'GET' }],
  ['/api/v1/admin/registrations/some-registration', { method: 'DELETE' }],
  ['/api/v1/admin/registrations/some-registration/resend-confirmation', { method: 'POST' }],
  [
    '/api/v1/admin/registrations/some-registration/resend-join-link',
    json('POST', { workshopId: 'w' }),
  ],
  ['/api/v1/admin/registrations/some-registration/cancel', json('POST', {})],
  ['/api/v1/admin/audit', { method: 'GET' }],
  ['/api/v1/admin/audit?series=some-series', { method: 'GET' }],
  ['/api/v1/admin/me', { method: 'GET' }],
  ['/api/v1/admin/embed', { method: 'GET' }],
  ['/api/v1/admin', { method: 'GET' }],
  ['/api/v1/admin/', { method: 'GET' }],
  ['/api/v1/admin/no-such-thing', { method: 'GET' }],
  ['/api/v1/admin/series', { method: 'DELETE' }],
];

/** An admin GET that must answer 200; its JSON, typed by the admin contract. */
export async function adminGet<T>(worker: TestWorker, path: string): Promise<T> {
  const res = await worker.fetch(path, asAdmin());
  const text = await res.text();
  assert.equal(res.status, 200, `GET ${path}: ${text}`);
  return JSON.parse(text) as T;
}

/** An admin request with a JSON body (or none); the response as it came. */
export const adminSend = (worker: TestWorker, method: string, path: string, body?: unknown) =>
  worker.fetch(path, asAdmin(body === undefined ? { method } : json(method, body)));

/** Every table of the worker's database with all its rows, as text: what erasure must clear. */
export async function everyTable(worker: TestWorker): Promise<Record<string, string>> {
  const { results: tables } = await worker.db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table'
       AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'`,
    )
    .all<{ name: string }>();
  const dump: Record<string, string> = {};
  for (const { name } of tables) {
    const { results } = await worker.db.prepare(`SELECT * FROM "${name}"`).all();
    dump[name] = JSON.stringify(results);
  }
  return dump;
}
