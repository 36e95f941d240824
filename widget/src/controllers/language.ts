import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '../api.js';
import { inheritedLang, toLocale, watchInheritedLang } from '../localization.js';

/**
 * The widget's language: its own `lang`, else the nearest ancestor's, else Slovak. A host page's
 * language switch may set only <html lang>, so ancestors are watched while the element is in the
 * page, and a change re-renders it.
 */
export class LanguageController implements ReactiveController {
  private stopWatching?: () => void;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  get locale(): Locale {
    return toLocale(this.host.lang || inheritedLang(this.host));
  }

  hostConnected(): void {
    this.stopWatching = watchInheritedLang(this.host, () => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.stopWatching?.();
  }
}
