import type { AdminWaitlistEntry } from '../../worker/contract/index.js';

const HOUR = 3_600_000;
const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">';

/** One place in a workshop's line, as the admin API lists it. */
export const place = (
  registrationId: string,
  overrides: Partial<AdminWaitlistEntry> = {},
): AdminWaitlistEntry => ({
  registrationId,
  givenName: HOSTILE_NAME,
  familyName: `Čakajúca ${registrationId}`,
  email: `${registrationId}@example.org`,
  registrationStatus: 'confirmed',
  state: 'waiting',
  place: null,
  joinedAt: new Date(Date.now() - 5 * HOUR).toISOString(),
  promotedAt: null,
  offeredUntil: null,
  endedAt: null,
  ...overrides,
});

/** w1's line: one moved in, the first and second waiting, one pending, one who left. */
export const waitlist = (): AdminWaitlistEntry[] => [
  place('q0', { state: 'promoted', promotedAt: new Date(Date.now() - HOUR).toISOString() }),
  place('q1', { place: 1 }),
  place('q2', { place: 2 }),
  place('q3', { registrationStatus: 'pending' }),
  place('q4', { state: 'left', endedAt: new Date(Date.now() - 2 * HOUR).toISOString() }),
];
