import type { Series } from '../../worker/src/db/series';

/**
 * A series as the mail and page renderers get it, for tests that render wording without a worker
 * (wording.test, hold-and-start-wording.test): the join link 24 hours before, no second reminder.
 */
export const sampleSeries = {
  id: 1,
  slug: 'smart',
  title: { sk: 'Akčný plán', en: 'Action plan' },
  description: { sk: '', en: '' },
  privacyUrl: 'https://example.gov.sk/privacy',
  organizer: { name: 'Ministerstvo', email: 'info@example.gov.sk' },
  retentionDays: 30,
  turnstile: null,
  allowedOrigins: [],
  reminders: { leadMinutes: 24 * 60, secondLeadMinutes: null },
} as unknown as Series;
