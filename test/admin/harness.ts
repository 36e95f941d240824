import type { AdminApp } from '../../widget/admin/admin-app.js';
import { cleanUpApp, fakeAdminApi, screen, until } from './fixtures.js';

/**
 * Each admin test's set-up and clean-up: call the returned function (as `fakeAdminApi`) to put a
 * fake admin API in place; after every test it is taken away and the app's traces cleared. A second
 * call in one test replaces the first.
 */
export function useFakeAdminApi() {
  let restore = () => {};
  afterEach(() => {
    restore();
    restore = () => {};
    cleanUpApp();
  });
  return (...args: Parameters<typeof fakeAdminApi>) => {
    restore();
    const api = fakeAdminApi(...args);
    restore = api.restore;
    return api;
  };
}

/** What a new series' form needs, by field id. */
export const NEW_SERIES = {
  slug: 'obec-2026',
  'title-sk': 'Obecné dielne',
  'organizer-name': 'Obec',
  'organizer-email': 'obec@example.org',
  'privacy-url': 'https://obec.example.org/gdpr',
};

/** What a new workshop's form needs, by field id. */
export const NEW_WORKSHOP = {
  'title-sk': 'Dáta v obciach',
  'start-date': '2026-12-02',
  'start-time': '10:00',
  'end-time': '12:00',
  capacity: '25',
  'join-url': 'https://meet.example.org/a',
};

/** Types into the screen's fields by id, as a person would (one input event each). */
export async function fill(app: AdminApp, values: Record<string, string>) {
  for (const [id, value] of Object.entries(values)) {
    const input = (await until(app, `#${id}`)) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
}

/** Presses the screen's submit button. */
export const submit = (app: AdminApp) =>
  (screen(app).shadowRoot.querySelector('button[type="submit"]') as HTMLButtonElement).click();

/** The screen's buttons whose text includes `text`. */
export const buttons = (app: AdminApp, text: string) =>
  [...screen(app).shadowRoot.querySelectorAll('button')].filter((b) =>
    b.textContent!.includes(text),
  );

/** The first of them. */
export const button = (app: AdminApp, text: string): HTMLButtonElement | undefined =>
  buttons(app, text)[0];

/**
 * An answer that is lost the first `times` times: the connection drops before it (fetch rejects
 * with a TypeError, as the browser's does), then `answer` comes.
 */
export function dropsFirst(times: number, answer: (request: Request) => Response) {
  let dropped = 0;
  return (request: Request) => {
    if (dropped < times) {
      dropped++;
      return Promise.reject(new TypeError('Failed to fetch'));
    }
    return answer(request);
  };
}

/** An answer whose headers arrive and whose body is then cut off. */
export const cutShort = () =>
  new Response(
    new ReadableStream({
      start: (controller) => controller.error(new TypeError('network error')),
    }),
    { status: 200, headers: { 'content-type': 'application/json' } },
  );
