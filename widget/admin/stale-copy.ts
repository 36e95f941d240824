import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { FieldError } from './views/form.js';

export interface StaleCopyOptions {
  /** Under the summary: what stays as it is, and what loading the current version replaces. */
  explanation(): string;
  /** Once loaded: what the screen shows now, and what the organizer does next. */
  reloaded(): string;
  /** Reads the record as stored now into the screen; resolves false when that failed. */
  reload(): Promise<boolean>;
}

type Host = Pick<ReactiveControllerHost, 'requestUpdate' | 'updateComplete'> & {
  renderRoot: HTMLElement | DocumentFragment;
};

/**
 * A change the API refused because the record changed after the screen read it (412
 * `edit_conflict`: another organizer, another tab). GOV.UK's error summary names the problem and
 * its link leads to the way out, a "Load the current version" button beneath it; once loaded, a
 * focused notice says the screen now shows the current version. The series and workshop forms and
 * the workshop cancellation share it.
 */
export class StaleCopy {
  /** The last change was refused as stale. */
  refusedNow = false;
  private loaded = false;

  constructor(
    private readonly host: Host,
    private readonly options: StaleCopyOptions,
  ) {}

  /** A new attempt: nothing to say until it is answered. */
  reset(): void {
    this.refusedNow = false;
    this.loaded = false;
    this.host.requestUpdate();
  }

  /** The change was refused as stale: the summary's entry, `text` naming the record. */
  refused(text: string): FieldError {
    this.refusedNow = true;
    this.loaded = false;
    this.host.requestUpdate();
    return { id: 'load-current', text };
  }

  private loadCurrent = async () => {
    if (!(await this.options.reload())) return;
    this.refusedNow = false;
    this.loaded = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('.reloaded')?.focus();
  };

  /** The way out under the summary, or the notice after loading; nothing otherwise. */
  notice() {
    if (this.refusedNow) {
      return html`<div class="notice notice--warning">
        <p>${this.options.explanation()}</p>
        <button
          type="button"
          id="load-current"
          class="button--secondary"
          @click=${this.loadCurrent}
        >
          ${msg('Load the current version')}
        </button>
      </div>`;
    }
    if (this.loaded) {
      return html`<div class="notice notice--success reloaded" role="status" tabindex="-1">
        <p>${this.options.reloaded()}</p>
      </div>`;
    }
    return nothing;
  }
}
