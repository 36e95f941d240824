import { fixture, html, waitUntil } from '@open-wc/testing';
import type {
  AdminMessage,
  AdminRegistration,
  AdminSeriesResponse,
  AdminSeriesSummary,
  AdminWorkshopWithStats,
  AuditEntry,
  CancelWorkshopPreview,
  EmbedInfo,
} from '../../worker/contract/index.js';
import type { AdminApp } from '../../widget/admin/admin-app.js';
import '../../widget/admin/admin-app.js';
import { jsonResponse, leadOf, stubFetch, whenOf } from '../widget/fixtures.js';
import { waitlist } from './waitlist-fixtures.js';

/** What registrants may type, which must stay text on every admin screen. */
export const HOSTILE = {
  name: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=1</script>',
  formula: '=HYPERLINK("http://evil.example","klik")',
};

export const TOKEN = 'test-admin-token-0123456789abcdef';
const HOUR = 3_600_000;

export function workshop(
  id: string,
  overrides: Partial<AdminWorkshopWithStats> = {},
): AdminWorkshopWithStats {
  const start = Date.now() + 12 * HOUR;
  return {
    id,
    version: '"1"',
    title: { sk: `Workshop ${id}`, en: '' },
    description: { sk: 'Popis', en: '' },
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 2 * HOUR).toISOString(),
    when: whenOf(new Date(start).toISOString(), new Date(start + 2 * HOUR).toISOString()),
    capacity: 30,
    seatsLeft: 28,
    registrationOpen: true,
    waitlist: true,
    waitlistMode: 'auto',
    offerMinutes: 1440,
    followUp: null,
    seatsTaken: 2,
    inLine: 3,
    joinUrl: 'https://meet.example.org/x',
    registrationClosesAt: new Date(start).toISOString(),
    cancelledAt: null,
    stats: {
      confirmed: 1,
      pending: 1,
      cancelled: 3,
      expired: 0,
      reminders: { queued: 1, sent: 0, failed: 0 },
      organizationTypes: {
        municipality: 1,
        region: 0,
        university: 0,
        state: 0,
        expert: 0,
        business: 0,
        other: 0,
      },
    },
    ...overrides,
  };
}

/** w1's follow-up: thanks and the materials, two hours after the end. */
export const FOLLOW_UP: AdminWorkshopWithStats['followUp'] = {
  text: { sk: 'Ďakujeme za účasť.', en: 'Thank you for taking part.' },
  links: [{ label: { sk: 'Materiály', en: 'Materials' }, url: 'https://example.gov.sk/m' }],
  afterMinutes: 120,
};

export const seriesDetail = (): AdminSeriesResponse => ({
  series: {
    slug: 'smart',
    title: { sk: `Séria ${HOSTILE.script}`, en: '' },
    description: { sk: '', en: '' },
    privacyUrl: 'https://example.gov.sk/gdpr',
    organizer: { name: 'MIRRI', email: 'info@example.gov.sk' },
    retentionDays: 30,
    allowedOrigins: ['https://www.obec.sk'],
    reminders: { leadMinutes: 1440, secondLeadMinutes: 60 },
    joinLinkLead: leadOf(1440),
    version: '"1"',
  },
  archived: false,
  workshops: [
    workshop('w1', { followUp: FOLLOW_UP }),
    workshop('w2', { cancelledAt: new Date().toISOString() }),
  ],
});

const summary = (slug: string, archived: boolean): AdminSeriesSummary => ({
  slug,
  title: { sk: `Séria ${slug} ${HOSTILE.script}`, en: archived ? 'Archived series' : '' },
  archived,
  workshops: 2,
  upcomingWorkshops: archived ? 0 : 1,
  nextStartsAt: archived ? null : new Date(Date.now() + 12 * HOUR).toISOString(),
  lastEndsAt: null,
  seats: { confirmed: 3, pending: 1 },
});

export const registration = (overrides: Partial<AdminRegistration> = {}): AdminRegistration => ({
  id: 'r1',
  givenName: HOSTILE.name,
  familyName: 'Nováková',
  email: 'jana@example.org',
  organizationType: 'municipality',
  organization: HOSTILE.formula,
  role: HOSTILE.script,
  locale: 'sk',
  status: 'confirmed',
  createdAt: new Date().toISOString(),
  confirmedAt: new Date().toISOString(),
  workshopIds: ['w1'],
  seats: [
    {
      workshopId: 'w1',
      status: 'held',
      reminder: 'queued',
      secondReminder: 'failed',
      followUp: 'not_due',
    },
  ],
  ...overrides,
});

export const embedInfo: EmbedInfo = {
  scriptUrl: 'data:text/javascript,export{}',
  versionedScriptUrl: 'https://admin.example.test/v/0123456789abcdef/workshop-signup.js',
  integrity: `sha384-${'A'.repeat(64)}`,
  embedPageUrl: 'https://admin.example.test/embed/',
  hostScriptUrl: 'https://admin.example.test/embed-host.js',
  seriesApiUrl: 'https://admin.example.test/api/v1/series/',
};

const audit: AuditEntry[] = [
  {
    id: '2',
    at: new Date().toISOString(),
    actor: 'admin token',
    action: 'registration.erase',
    series: 'smart',
    target: { type: 'registration', id: null },
    detail: {},
  },
  {
    id: '1',
    at: new Date().toISOString(),
    actor: 'jana@mirri.gov.sk',
    action: 'series.create',
    series: 'smart',
    target: { type: 'series', id: 'smart' },
    detail: {},
  },
];

/** An email to r1 as the admin API lists it: by default w1's join link, which failed. */
export const message = (overrides: Partial<AdminMessage> = {}): AdminMessage => ({
  id: 'm1',
  kind: 'reminder',
  registrationId: 'r1',
  workshopId: 'w1',
  to: 'jana@example.org',
  status: 'failed',
  attempts: 5,
  lastError: 'smtp 550',
  dropReason: null,
  createdAt: new Date().toISOString(),
  sentAt: null,
  ...overrides,
});
const failedMessage = message();

/**
 * w1's cancel preview: two people hold a seat (one confirmed, one not), nobody waits in line
 * (`inLine`), counted at 10:42 Bratislava time, with the workshop (`overrides`) and its version.
 */
export function cancelPreview(
  overrides: Partial<AdminWorkshopWithStats> = {},
  notified = { confirmed: 1, pending: 1, total: 2 },
  inLine = 0,
): CancelWorkshopPreview {
  const w = workshop('w1', overrides);
  return {
    workshopId: 'w1',
    alreadyCancelled: w.cancelledAt !== null,
    notified,
    haveJoinLink: Math.min(1, notified.total),
    inLine,
    countedAt: new Date(Date.UTC(2026, 10, 30, 9, 42)).toISOString(),
    version: w.version,
    workshop: w,
  };
}

/** A fake admin API: answers as the worker would; `overrides` per "METHOD /path" win. */
export function fakeAdminApi(
  overrides: Record<string, (request: Request) => Response | Promise<Response>> = {},
  /** Behind Cloudflare Access: the browser's Access cookie signs every request in. */
  { access = false } = {},
) {
  return stubFetch(async (request) => {
    const url = new URL(request.url);
    const path = url.pathname.replace('/api/v1/admin', '');
    const key = `${request.method} ${path}`;
    if (overrides[key]) return overrides[key](request);
    if (!access && request.headers.get('authorization') !== `Bearer ${TOKEN}`)
      return jsonResponse({ error: { code: 'unauthorized', message: 'x' } }, 401);
    if (key === 'GET /me') return jsonResponse({ actor: 'admin token', via: 'token' });
    if (key === 'GET /series')
      return jsonResponse({ series: [summary('smart', false), summary('old', true)] });
    if (key === 'GET /embed') return jsonResponse(embedInfo);
    if (key === 'GET /audit') return jsonResponse({ entries: audit, next: null });
    if (key === 'POST /series/smart/registrations/search')
      return jsonResponse({ registrations: [registration()] });
    if (key === 'GET /series/smart') return jsonResponse(seriesDetail());
    if (key === 'GET /registrations/r1')
      return jsonResponse({ registration: registration(), messages: [failedMessage] });
    if (key === 'GET /series/smart/messages')
      return jsonResponse({ transport: 'dev-outbox', warning: null, messages: [failedMessage] });
    if (key === 'GET /workshops/w1/waitlist') return jsonResponse({ waitlist: waitlist() });
    if (key === 'GET /workshops/w1/cancel-preview') return jsonResponse(cancelPreview());
    return jsonResponse({ error: { code: 'not_found', message: key } }, 404);
  });
}

/** The admin app on `hash`, signed in unless `token` is null, in `locale`. */
export async function renderApp(
  hash: string,
  locale: 'sk' | 'en' = 'sk',
  token: string | null = TOKEN,
) {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  if (token) sessionStorage.setItem('workshop-signup-admin-token', token);
  else sessionStorage.removeItem('workshop-signup-admin-token');
  sessionStorage.setItem('workshop-signup-admin-locale', locale);
  return fixture<AdminApp>(html`<ws-admin-app></ws-admin-app>`);
}

/** The current screen element inside the app. */
export const screen = (app: AdminApp) =>
  app.shadowRoot!.querySelector('main')!.firstElementChild as HTMLElement & {
    shadowRoot: ShadowRoot;
  };

/** Waits until the screen shows `selector` (inside its shadow root). */
export async function until(app: AdminApp, selector: string): Promise<Element> {
  await waitUntil(
    () => screen(app)?.shadowRoot?.querySelector(selector),
    `no ${selector} on the screen`,
    { timeout: 4000 },
  );
  return screen(app).shadowRoot.querySelector(selector)!;
}

/** Every element in the app, across shadow roots. */
export function allElements(root: Element | ShadowRoot): Element[] {
  const found: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    found.push(el);
    if (el.shadowRoot) found.push(...allElements(el.shadowRoot));
  }
  return found;
}

/** The visible text of the app, across shadow roots. */
export const allText = (app: AdminApp) =>
  allElements(app.shadowRoot!)
    .map((el) =>
      [...el.childNodes]
        .filter((n) => n.nodeType === 3)
        .map((n) => n.textContent)
        .join(''),
    )
    .join(' ');

export function cleanUpApp(): void {
  sessionStorage.clear();
  history.replaceState(null, '', location.pathname + location.search);
}
