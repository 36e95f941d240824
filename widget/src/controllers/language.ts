import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '../api.js';
import {
  getLocale,
  inheritedLang,
  toLocale,
  useLocale,
  watchInheritedLang,
} from '../localization.js';

/**
 * The widget's language: its own `lang`, else the nearest ancestor's, else Slovak. A host page's
 * language switch may set only <html lang>, so ancestors are watched while the element is in the
 * page, and a change re-renders it.
 */
export class LanguageController implements ReactiveController {
  private stopWatching?: () => void;
  /** The language this element last asked the page for. */
  private asked?: Locale;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /**
   * The language it shows: the page's once it has asked (@lit/localize keeps one per page, so two
   * widgets with different `lang` show the language asked for last), before that its own.
   */
  get locale(): Locale {
    return this.asked ? toLocale(getLocale()) : this.own();
  }

  private own(): Locale {
    return toLocale(this.host.lang || inheritedLang(this.host));
  }

  /**
   * Before each render: asks the page for this element's language only when that changed since it
   * last asked. Asking on every render made two widgets of different languages switch the page
   * back and forth for ever, each switch re-rendering the other.
   */
  settle(): Promise<void> {
    const own = this.own();
    if (own === this.asked) return Promise.resolve();
    this.asked = own;
    return useLocale(own);
  }

  hostConnected(): void {
    this.stopWatching = watchInheritedLang(this.host, () => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.stopWatching?.();
  }
}
