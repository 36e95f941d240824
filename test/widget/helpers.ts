import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type {
  RegistrationRequest,
  RegistrationResponse,
  SeriesResponse,
  Workshop,
} from '../../widget/src/api.js';
import type { OrganizationType } from '../../widget/src/form-model.js';
import type { WorkshopSignup } from '../../widget/src/workshop-signup.js';
import '../../widget/src/workshop-signup.js';
import { jsonResponse, leadOf, stubFetch, whenOf, type Handler } from './fixtures.js';

// ---- Data ---------------------------------------------------------------------------------------

export const SLUG = 'test-series';
export const API = 'https://api.example.test';

/**
 * One workshop for hand-made series, in winter time (CET, UTC+1): 09:00Z is 10:00 in Bratislava,
 * on Wednesday 2 December 2026 unless `startsAt`/`endsAt` say otherwise.
 */
export function workshop(id: string, overrides: Partial<Workshop> = {}): Workshop {
  const { startsAt = '2026-12-02T09:00:00Z', endsAt = '2026-12-02T11:00:00Z' } = overrides;
  return {
    id,
    title: { sk: `Workshop ${id} SK`, en: `Workshop ${id} EN` },
    description: { sk: `Popis ${id}`, en: `About ${id}` },
    startsAt,
    endsAt,
    // As the API words them, for the times given.
    when: whenOf(startsAt, endsAt),
    capacity: 30,
    seatsLeft: 30,
    registrationOpen: true,
    ...overrides,
  };
}

/** A small series with fixed times: one closed, one full, and open ones with 1, 4 and 21 seats. */
export function testSeries(workshops?: Workshop[]): SeriesResponse {
  return {
    series: {
      slug: SLUG,
      title: { sk: 'Séria dátových workshopov', en: 'Data workshop series' },
      description: { sk: 'Popis série', en: 'About the series' },
      privacyUrl: 'https://example.gov.sk/ochrana-osobnych-udajov',
      organizer: { name: 'Ministerstvo', email: 'info@example.gov.sk' },
      joinLinkLead: leadOf(),
    },
    workshops: workshops ?? [
      workshop('closed', {
        title: { sk: 'Uzavretý workshop', en: 'Closed workshop' },
        startsAt: '2026-11-30T09:00:00Z',
        endsAt: '2026-11-30T11:00:00Z',
        registrationOpen: false,
      }),
      workshop('full', {
        title: { sk: 'Obsadený workshop', en: 'Full workshop' },
        startsAt: '2026-12-01T09:00:00Z',
        endsAt: '2026-12-01T11:00:00Z',
        seatsLeft: 0,
      }),
      workshop('one', {
        title: { sk: 'Posledné miesto', en: 'Last seat' },
        startsAt: '2026-12-02T09:00:00Z',
        endsAt: '2026-12-02T11:00:00Z',
        seatsLeft: 1,
      }),
      workshop('few', {
        title: { sk: 'Zopár miest', en: 'A few seats' },
        startsAt: '2026-12-03T12:30:00Z',
        endsAt: '2026-12-03T14:05:00Z',
        seatsLeft: 4,
      }),
      workshop('many', {
        title: { sk: 'Veľa miest', en: 'Many seats' },
        startsAt: '2026-12-04T08:00:00Z',
        endsAt: '2026-12-04T10:00:00Z',
        seatsLeft: 21,
      }),
    ],
  };
}

export interface Person {
  givenName: string;
  familyName: string;
  email: string;
  organizationType: OrganizationType;
  organization: string;
  role: string;
}

export const JANA: Person = {
  givenName: 'Jana',
  familyName: 'Nováková',
  email: 'jana.novakova@example.org',
  organizationType: 'municipality',
  organization: 'Mesto Trnava',
  role: 'Vedúca oddelenia',
};

// ---- A fake API -------------------------------------------------------------------------------

const restores: Array<() => void> = [];

/** Replaces window.fetch with `handler` until cleanUp() (call it in afterEach). */
export function useFetch(handler: Handler) {
  const stub = stubFetch(handler);
  restores.push(stub.restore);
  return stub;
}

/** Puts fetch back and forgets the drafts and contacts the widgets kept in sessionStorage. */
export function cleanUp(): void {
  while (restores.length > 0) restores.pop()!();
  sessionStorage.clear();
}

/**
 * The API's answer to an accepted registration: typed by the contract, so it is `pending` (until
 * the person confirms it by e-mail), as the real API answers.
 */
export const registrationAccepted = (workshopIds: string[]) =>
  jsonResponse(
    { registration: { id: 'r1', status: 'pending', workshopIds } } satisfies RegistrationResponse,
    201,
  );

export interface FakeApi {
  requests: Request[];
  gets(): Request[];
  posts(): Request[];
  /** Bodies of the POSTed registrations, parsed. */
  postBodies(): Promise<RegistrationRequest[]>;
}

/**
 * window.fetch answering like the API: GET the series (`series`, or a function of the GET's
 * index), POST a registration (`register`, default 201 with the chosen workshops).
 */
export function fakeApi(
  options: {
    series?: SeriesResponse | ((index: number) => SeriesResponse | Response | Promise<Response>);
    register?: (body: RegistrationRequest, index: number) => Response | Promise<Response>;
  } = {},
): FakeApi {
  let getCount = 0;
  let postCount = 0;
  const stub = useFetch(async (request) => {
    if (request.method === 'GET') {
      const series = options.series ?? testSeries();
      const answer = typeof series === 'function' ? series(getCount++) : series;
      return answer instanceof Response || answer instanceof Promise
        ? answer
        : jsonResponse(answer);
    }
    const body = (await request.json()) as RegistrationRequest;
    if (options.register) return options.register(body, postCount++);
    return registrationAccepted(body.workshopIds);
  });
  return {
    requests: stub.requests,
    gets: () => stub.requests.filter((r) => r.method === 'GET'),
    posts: () => stub.requests.filter((r) => r.method === 'POST'),
    postBodies: () =>
      Promise.all(
        stub.requests
          .filter((r) => r.method === 'POST')
          .map((r) => r.clone().json() as Promise<RegistrationRequest>),
      ),
  };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// ---- Rendering --------------------------------------------------------------------------------

/** `<workshop-signup series api>` with an optional `lang`; returns once it rendered once. */
export function renderSignup(
  options: { lang?: string; api?: string; series?: string } = {},
): Promise<WorkshopSignup> {
  const { lang, api = API, series = SLUG } = options;
  return lang === undefined
    ? fixture<WorkshopSignup>(html`<workshop-signup series=${series} api=${api}></workshop-signup>`)
    : fixture<WorkshopSignup>(
        html`<workshop-signup series=${series} api=${api} lang=${lang}></workshop-signup>`,
      );
}

/** The widget inside `wrapper` (e.g. a `<div lang="en-GB">`), once it rendered once. */
export async function renderInside(template: TemplateResult): Promise<WorkshopSignup> {
  const wrapper = await fixture<HTMLElement>(template);
  const el = wrapper.querySelector('workshop-signup')!;
  await el.updateComplete;
  return el;
}

export const root = (el: WorkshopSignup): ShadowRoot => el.shadowRoot!;

export function $<E extends Element = HTMLElement>(el: WorkshopSignup, selector: string): E {
  const found = root(el).querySelector<E>(selector);
  if (!found) throw new Error(`No ${selector} in <workshop-signup>`);
  return found;
}

export const $$ = <E extends Element = HTMLElement>(el: WorkshopSignup, selector: string): E[] => [
  ...root(el).querySelectorAll<E>(selector),
];

/** Text as a person reads it: whitespace collapsed. */
export const textOf = (node: Node | null | undefined): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Text of the whole widget. */
export const widgetText = (el: WorkshopSignup) => textOf(root(el));

/**
 * Waits until the list of workshops (or the empty-series message) is shown, and a form's person
 * fields and button, which follow the list a frame later.
 */
export async function untilLoaded(el: WorkshopSignup): Promise<void> {
  const shown = () => {
    // No shadow root until the first render (it is attached then).
    const form = el.shadowRoot?.querySelector('form');
    return el.shadowRoot?.querySelector('.title') && (!form || form.querySelector('.actions'));
  };
  await waitUntil(shown, 'the series was not shown', { timeout: 3000 });
  await el.updateComplete;
}

/** Waits until the widget shows `selector`. */
export async function until(el: WorkshopSignup, selector: string, message?: string) {
  await waitUntil(() => root(el).querySelector(selector) !== null, message ?? `no ${selector}`, {
    timeout: 3000,
  });
  await el.updateComplete;
  return $(el, selector);
}

/**
 * A node as a short string (`<button.button>`), or null. Assert on this, not on nodes: the test
 * runner serializes a failed assertion's values, and a DOM node drags the whole page along (the
 * browser hangs instead of reporting the failure).
 */
export const nodeName = (node: Element | null | undefined): string | null =>
  node ? `<${node.tagName.toLowerCase()}${node.className ? `.${node.className}` : ''}>` : null;

/** The text of the polite live region. */
export const announced = (el: WorkshopSignup) => textOf($(el, '[role="status"]'));

/** Waits until the live region says `text` (announcements come a moment after a change). */
export async function untilAnnounced(el: WorkshopSignup, text: string): Promise<void> {
  await waitUntil(() => announced(el) === text, `never announced "${text}"`, { timeout: 3000 });
}

/** The active element inside the widget's shadow root. */
export const focused = (el: WorkshopSignup) => root(el).activeElement as HTMLElement | null;

// ---- Filling in the form ----------------------------------------------------------------------

export type TextField = 'givenName' | 'familyName' | 'email' | 'organization' | 'role';
export const TEXT_FIELDS: readonly TextField[] = [
  'givenName',
  'familyName',
  'email',
  'organization',
  'role',
];

export const input = (el: WorkshopSignup, field: TextField) =>
  $<HTMLInputElement>(el, `input[name="${field}"]`);

export const radio = (el: WorkshopSignup, type: OrganizationType) =>
  $<HTMLInputElement>(el, `input[name="organizationType"][value="${type}"]`);

export const checkbox = (el: WorkshopSignup, workshopId: string) =>
  root(el).querySelector<HTMLInputElement>(`input[type="checkbox"][value="${workshopId}"]`);

/** Types `value` into a text field as a person would (the element listens to `input`). */
export function type(el: WorkshopSignup, field: TextField, value: string): void {
  const target = input(el, field);
  target.value = value;
  target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Fills in the given fields, picks the organization type and ticks the workshops. */
export async function fillForm(
  el: WorkshopSignup,
  values: Partial<Person> & { workshopIds?: string[] },
): Promise<void> {
  for (const field of TEXT_FIELDS) {
    const value = values[field];
    if (value !== undefined) type(el, field, value);
  }
  if (values.organizationType) radio(el, values.organizationType).click();
  for (const id of values.workshopIds ?? []) {
    const box = checkbox(el, id);
    if (!box) throw new Error(`No checkbox for workshop ${id}`);
    if (!box.checked) box.click();
  }
  await el.updateComplete;
}

export const submitButton = (el: WorkshopSignup) =>
  $<HTMLButtonElement>(el, 'button[type="submit"]');

/** Clicks the submit button and lets the widget render what followed. */
export async function submit(el: WorkshopSignup): Promise<void> {
  submitButton(el).click();
  await el.updateComplete;
}

/** Links of the error summary, as text. */
export const summaryLinks = (el: WorkshopSignup) => $$(el, '.error-summary a').map(textOf);

/** Inline error texts by field (the id is `${field}-error`). */
export const inlineErrors = (el: WorkshopSignup) =>
  Object.fromEntries($$(el, '.error-message').map((p) => [p.id.replace(/-error$/, ''), textOf(p)]));

/** What each workshop in the list shows, read from the shadow DOM. */
export const workshopRows = (el: WorkshopSignup) =>
  $$(el, '.workshop').map((li) => ({
    title: textOf(li.querySelector('.workshop-title')),
    when: textOf(li.querySelector('.when')),
    availability: textOf(li.querySelector('.seats, .tag')),
    checkbox: li.querySelector<HTMLInputElement>('input[type="checkbox"]'),
  }));
