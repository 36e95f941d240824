import { adminSeriesPath, adminWorkshopPath, seriesBody, workshopBody } from './fixtures';
import { json } from './worker';

/** Every admin endpoint, plus paths under /admin that do not exist. */
export const adminRequests = (): [string, RequestInit][] => [
  [adminSeriesPath('some-series'), json('PUT', seriesBody())],
  [adminSeriesPath('some-series'), { method: 'GET' }],
  [`${adminSeriesPath('some-series')}/workshops`, json('POST', workshopBody())],
  [adminWorkshopPath('some-workshop'), json('PATCH', { capacity: 5 })],
  [`${adminSeriesPath('some-series')}/registrations`, { method: 'GET' }],
  ['/api/v1/admin/me', { method: 'GET' }],
  ['/api/v1/admin', { method: 'GET' }],
  ['/api/v1/admin/', { method: 'GET' }],
  ['/api/v1/admin/no-such-thing', { method: 'GET' }],
  ['/api/v1/admin/series', { method: 'DELETE' }],
];
