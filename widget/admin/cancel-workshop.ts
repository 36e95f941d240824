import { html, nothing } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { property, state } from 'lit/decorators.js';
import type { CancelWorkshopPreview } from '../../worker/contract/index.js';
import { AdminScreen } from './admin-screen.js';
import { AdminApiError } from './api.js';
import { href, navigate } from './routes.js';
import { StaleCopy } from './stale-copy.js';
import { formatDateTime, toWallClock } from './time.js';
import { errorSummary, focusErrorSummary, type FieldError } from './views/form.js';
import { localizedText } from './views/localized-text.js';
import { peopleCount } from './views/texts.js';

/**
 * Cancelling a workshop: first who will be told, then the organizer confirms. The warning, the
 * workshop it names and its version come from one read (the cancel preview, one D1 batch), and
 * the cancellation carries exactly that version (If-Match): if someone moved or changed the
 * workshop meanwhile, nothing is cancelled and the page says so, as a form does for a stale save,
 * with the current version a click away. Seats taken or given up do not change the version, and
 * the cancellation tells whoever holds a seat when it is made: the warning says its count is as
 * of the time it was read, not a promise.
 */
@localized()
export class AdminCancelWorkshop extends AdminScreen {
  @property() slug = '';
  @property() workshopId = '';

  @state() private preview: CancelWorkshopPreview | null = null;
  @state() private busy = false;
  @state() private errors: FieldError[] = [];
  private readonly staleCopy = new StaleCopy(this, {
    explanation: () =>
      msg(
        'Nothing was cancelled and nobody was emailed. Load the current version to see the workshop as it is now and who cancelling it would tell.',
      ),
    reloaded: () =>
      msg(
        'The page now shows the current version of the workshop. Check who will be told, then decide again.',
      ),
    reload: async () =>
      (await this.load(async () => {
        await this.read();
        this.errors = [];
        return true;
      })) === true,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(() => this.read());
  }

  /** The workshop as stored now, with its version, and who cancelling it would tell: one read. */
  private async read() {
    this.preview = await this.api.get<CancelWorkshopPreview>(
      `/workshops/${this.workshopId}/cancel-preview`,
    );
  }

  private async confirm() {
    this.busy = true;
    this.failure = null;
    this.errors = [];
    this.staleCopy.reset();
    // The version the warning on the screen was read with, never a newer one.
    const headers = { 'if-match': this.preview!.version };
    try {
      await this.api.call('POST', `/workshops/${this.workshopId}/cancel`, undefined, headers);
      navigate(href.series(this.slug));
      return;
    } catch (error) {
      if (!(error instanceof AdminApiError && error.code === 'edit_conflict')) {
        await this.attempt(() => Promise.reject(error));
        return;
      }
      this.errors = [
        this.staleCopy.refused(
          msg(
            'Someone else changed this workshop after you opened this page, so it was not cancelled',
          ),
        ),
      ];
    } finally {
      this.busy = false;
    }
    await focusErrorSummary(this, this.shadowRoot);
  }

  /** Who held a seat (or waited in line) when the page read it; the cancellation tells who does then. */
  private warning(p: CancelWorkshopPreview) {
    const at = toWallClock(p.countedAt).time;
    const now =
      p.notified.total === 0
        ? html`<p>${msg(str`Nobody held a seat at ${at} (Bratislava time).`)}</p>`
        : html`<p>
              ${msg(
                str`Holding a seat at ${at} (Bratislava time): ${peopleCount(p.notified.total, this.locale)}`,
              )}
            </p>
            <ul>
              <li>${msg(str`confirmed: ${p.notified.confirmed}`)}</li>
              <li>${msg(str`waiting for confirmation: ${p.notified.pending}`)}</li>
              <li>${msg(str`of them already have the join link: ${p.haveJoinLink}`)}</li>
            </ul>`;
    const line =
      p.inLine === 0
        ? nothing
        : html`<p>
            ${msg(
              str`With a confirmed place on its waiting list at ${at} (Bratislava time): ${peopleCount(p.inLine, this.locale)}. They are told too.`,
            )}
          </p>`;
    return html`${now} ${line}
      <p class="when-told">
        ${msg(
          'Everyone who holds a seat, or a confirmed place in the waiting list, at the moment you cancel will be told by email that the workshop is cancelled. Until then people can still register, cancel or join the line, so the numbers may change.',
        )}
      </p>`;
  }

  override render() {
    const p = this.preview;
    const w = p?.workshop;
    return html`<h1 tabindex="-1">${msg('Cancel the workshop')}</h1>
      ${errorSummary(this.errors, this.shadowRoot)} ${this.staleCopy.notice()}
      ${this.failureNotice()}
      ${
        !w || !p
          ? this.failure
            ? nothing
            : html`<p role="status">${msg('Loading…')}</p>`
          : html`<p>
                <strong>${localizedText(w.title, this.locale)}</strong>,
                ${formatDateTime(w.startsAt, this.locale)}
              </p>
              ${
                p.alreadyCancelled
                  ? html`<p>${msg('This workshop is already cancelled.')}</p>`
                  : html`<div class="notice notice--warning">
                        ${this.warning(p)}
                        <p>
                          <strong
                            >${msg(
                              'Their seats are released and nobody can register any more. This cannot be undone.',
                            )}</strong
                          >
                        </p>
                      </div>
                      <button
                        class="button--warning"
                        ?disabled=${this.busy}
                        @click=${() => void this.confirm()}
                      >
                        ${msg('Yes, cancel the workshop and tell them')}
                      </button>`
              }
              <a href=${href.series(this.slug)}>${msg('No, go back')}</a>`
      }`;
  }
}

if (!customElements.get('ws-admin-cancel-workshop'))
  customElements.define('ws-admin-cancel-workshop', AdminCancelWorkshop);
