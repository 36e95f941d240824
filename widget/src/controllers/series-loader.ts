import type { ReactiveController } from 'lit';
import { msg, str } from '@lit/localize';
import { ApiRequestError, fetchSeries, type SeriesResponse, type Workshop } from '../api.js';
import { isSelectable } from '../form-model.js';
import { pluralCategory } from '../format.js';
import { getLocale, inheritedLang, toLocale } from '../localization.js';
import { saveContact } from '../session-store.js';
import type { Announcer } from './announcer.js';
import { apiBase, emit, focusAfterRender, type SignupHost } from './host.js';

export type LoadState = 'loading' | 'ready' | 'not-found' | 'error';

/**
 * Loads the host's series from the API: says so in the live region, fires
 * `workshop-signup-ready` or `workshop-signup-error`, and keeps the organizer for when the API
 * cannot be reached later. A newer load, or the element leaving the page, cancels an older one.
 */
export class SeriesLoader implements ReactiveController {
  state: LoadState = 'loading';
  data?: SeriesResponse;
  private abort?: AbortController;

  constructor(
    private readonly host: SignupHost,
    private readonly announcer: Announcer,
    /** Runs after every successful load, before the host renders what was loaded. */
    private readonly onLoad: () => void,
  ) {
    host.addController(this);
  }

  /** The series' workshops, or only those the host's `workshops` attribute names. */
  get shown(): Workshop[] {
    const all = this.data?.workshops ?? [];
    const wanted = this.host.workshops.split(/[\s,]+/).filter(Boolean);
    return wanted.length > 0 ? all.filter((w) => wanted.includes(w.id)) : all;
  }

  hostConnected(): void {
    // Moved in the page while loading: the move aborted that load, so start it again.
    if (this.host.hasUpdated && this.state === 'loading') void this.load();
  }

  hostDisconnected(): void {
    this.abort?.abort();
    // An aborted load is no load: connected again, the element loads again.
    if (this.state === 'loading') this.loadedFor = undefined;
  }

  /** `quiet`: refresh the seats behind the scenes, with no announcement, event or error shown. */
  /** What the last load was for (API and series), so the first update does not load twice. */
  private loadedFor?: string;

  /** The load in progress or last done: settles once its result is in `state`. */
  pending?: Promise<void>;

  /** Starts loading unless a load for the host's API and series has started already. */
  ensureLoading(): boolean {
    if (this.loadedFor === `${apiBase(this.host)} ${this.host.series}`) return false;
    this.pending = this.load();
    return true;
  }

  async load({ quiet = false } = {}): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    const { host, announcer } = this;
    const { series } = host;
    if (!series) {
      console.error('<workshop-signup>: the "series" attribute is required.');
      return this.set('not-found');
    }
    if (!quiet) {
      this.data = undefined;
      this.set('loading');
      announcer.announce(() => msg('Loading workshops…', { id: 'loading-workshops' }));
    }
    const api = apiBase(host);
    this.loadedFor = `${api} ${series}`;
    // A quiet reload follows a refusal: past the browser's cache, to show what the API knows.
    const answer = fetchSeries(api, series, abort.signal, quiet);
    // While the request is out (not before it: that would delay it): the first plural rules load
    // the language's locale data, which must not fall between data and list. The script did it
    // already for the elements in the page as it ran (early-load.ts); this is for one added
    // later, or in another language.
    pluralCategory(0, toLocale(host.lang || inheritedLang(host)));
    try {
      const data = await answer;
      if (abort.signal.aborted) return;
      this.data = data;
      saveContact(api, series, data.series.organizer);
      this.onLoad();
      this.set('ready');
      if (quiet) return;
      const shown = this.shown;
      const open = shown.filter(isSelectable).length;
      announcer.announce(() => workshopCountText(shown.length, open));
      emit(host, 'workshop-signup-ready', { workshopIds: shown.map((w) => w.id) });
    } catch (error) {
      if (abort.signal.aborted || quiet) return;
      const notFound = error instanceof ApiRequestError && error.status === 404;
      if (notFound) console.error(`<workshop-signup>: no series "${series}" at ${api}.`);
      this.set(notFound ? 'not-found' : 'error');
      announcer.announce(() =>
        notFound
          ? msg('Registration is not available at the moment.', {
              id: 'registration-is',
            })
          : msg('The workshops could not be loaded.', { id: 'the-workshops-could-not' }),
      );
      emit(host, 'workshop-signup-error', { code: notFound ? 'series_not_found' : 'load_failed' });
    }
  }

  /** "Try again": the button goes away while loading, so focus moves on to what replaced it. */
  retry = async (): Promise<void> => {
    await this.load();
    await focusAfterRender(this.host, this.state === 'ready' ? '.title' : '.load-failed button');
  };

  /** The API no longer knows the series (it said so when a registration was sent). */
  notFound(): void {
    this.data = undefined;
    this.set('not-found');
  }

  private set(state: LoadState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}

/** What the live region says once the list is in: the count, in its plural form. */
export function workshopCountText(total: number, open: number): string {
  if (total === 0) return msg('No workshops are planned at the moment.', { id: 'no-workshops' });
  switch (pluralCategory(total, toLocale(getLocale()))) {
    case 'one':
      return msg(str`${total} workshop loaded. Open for registration: ${open}.`, {
        id: 'loaded-one',
      });
    case 'few':
      return msg(str`${total} workshops loaded. Open for registration: ${open}.`, {
        id: 'loaded-few',
      });
    default:
      return msg(str`${total} workshops loaded. Open for registration: ${open}.`, {
        id: 'loaded-other',
      });
  }
}
