import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Screen readers notice a live region's text only when it changes after the region exists, so
 * every announcement empties the region first and fills it this much later.
 */
const ANNOUNCE_DELAY_MS = 150;

/** The text of the widget's polite live region, which is in the page from the start. */
export class Announcer implements ReactiveController {
  /** A function, so that the text follows a change of language. */
  private message?: () => string;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get text(): string {
    return this.message?.() ?? '';
  }

  /** Puts `message` into the live region after emptying it; without one, only empties it. */
  announce(message?: () => string): void {
    clearTimeout(this.timer);
    this.show(undefined);
    if (message) this.timer = setTimeout(() => this.show(message), ANNOUNCE_DELAY_MS);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  private show(message?: () => string): void {
    if (message === this.message) return;
    this.message = message;
    this.host.requestUpdate();
  }
}
