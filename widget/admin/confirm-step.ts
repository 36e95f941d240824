import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { failureText } from './views/texts.js';

/** What the confirmation step says about an action, and whether its "yes" is a warning button. */
export interface ConfirmText {
  question: string;
  effect: string;
  yes: string;
  warning: boolean;
}

export interface ConfirmStepOptions<A> {
  describe(action: A): ConfirmText;
  /** Does it; resolves with what to tell the organizer. */
  perform(action: A): Promise<string>;
  /** A refusal in words (default: the API's error texts). */
  errorText?: (error: unknown) => string;
  /** After the action, done or refused: shows the list as it is now. */
  refresh(): Promise<unknown>;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * Ask, then do: a per-row action (resend, cancel, erase, move in from the line…) first shows a
 * question that says what will happen, focused; "No" puts focus back on the button that asked;
 * "Yes" does it, refreshes the list and announces the outcome in a focused live region.
 */
export class ConfirmStep<A> implements ReactiveController {
  /** The action being asked about. */
  pending: A | null = null;
  /** What the last action did (or why it did not). */
  result: { text: string; ok: boolean } | null = null;
  private busy = false;
  /** The button that asked: focus goes back to it when the organizer says no. */
  private opener: HTMLElement | null = null;

  constructor(
    private readonly host: Host,
    private readonly options: ConfirmStepOptions<A>,
  ) {
    host.addController(this);
  }

  /** A screen that leaves keeps no reference to its buttons. */
  hostDisconnected(): void {
    this.opener = null;
  }

  ask = async (action: A) => {
    this.opener = (this.host.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    this.pending = action;
    this.result = null;
    await this.settle();
    this.focus('.confirm h2');
  };

  private confirm = async () => {
    const action = this.pending!;
    this.busy = true;
    this.host.requestUpdate();
    try {
      this.result = { text: await this.options.perform(action), ok: true };
    } catch (error) {
      this.result = { text: (this.options.errorText ?? failureText)(error), ok: false };
    } finally {
      this.busy = false;
      this.pending = null;
    }
    await this.options.refresh();
    await this.settle();
    this.focus('.result');
  };

  private decline = async () => {
    this.pending = null;
    await this.settle();
    if (this.opener?.isConnected) this.opener.focus();
    else this.focus('h1');
  };

  private async settle() {
    this.host.requestUpdate();
    await this.host.updateComplete;
  }

  private focus(selector: string) {
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The outcome of the last action, then the question being asked, if any. */
  render() {
    const r = this.result;
    return html`${
      r
        ? html`<div
            class="notice ${r.ok ? 'notice--success' : 'notice--warning'} result"
            role="status"
            tabindex="-1"
          >
            <p>${r.text}</p>
          </div>`
        : nothing
    }
    ${this.pending ? this.question(this.options.describe(this.pending)) : nothing}`;
  }

  private question({ question, effect, yes, warning }: ConfirmText) {
    return html`<div
      class="notice notice--warning confirm"
      role="group"
      aria-labelledby="confirm-q"
    >
      <h2 id="confirm-q" tabindex="-1">${question}</h2>
      <p>${effect}</p>
      <button
        class=${warning ? 'button--warning' : ''}
        ?disabled=${this.busy}
        @click=${this.confirm}
      >
        ${yes}
      </button>
      <button class="button--secondary" @click=${this.decline}>${msg('No, go back')}</button>
    </div>`;
  }
}
