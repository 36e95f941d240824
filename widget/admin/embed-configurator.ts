import { html, nothing } from 'lit';
import { localized, msg } from '@lit/localize';
import { keyed } from 'lit/directives/keyed.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { property, state } from 'lit/decorators.js';
import type {
  AdminSeriesListResponse,
  AdminSeriesResponse,
  AdminSeriesSummary,
  EmbedInfo,
} from '../../worker/contract/index.js';
import { AdminScreen } from './admin-screen.js';
import { embedStyles } from './embed-configurator.styles.js';
import {
  iframeSnippet,
  latestSnippet,
  sriSnippet,
  widgetAttributes,
  type EmbedChoice,
} from './embed-snippets.js';
import { formatDateTime } from './time.js';
import { localizedString, localizedText } from './views/localized-text.js';

/**
 * For editors: choose series, language, look, heading level and workshops; see the real widget;
 * copy the snippet — versioned with Subresource Integrity, the latest, or the iframe.
 */
@localized()
export class AdminEmbedConfigurator extends AdminScreen {
  static override styles = [...AdminScreen.styles, embedStyles];

  /** The series to start with. */
  @property() series = '';
  /** Load the widget's script for the live preview (tests without a worker turn it off). */
  @property({ type: Boolean, attribute: 'no-preview' }) noPreview = false;

  @state() private list: AdminSeriesSummary[] = [];
  @state() private info: EmbedInfo | null = null;
  @state() private detail: AdminSeriesResponse | null = null;
  @state() private choice: EmbedChoice = {
    series: '',
    lang: 'sk',
    theme: '',
    headingLevel: 2,
    workshops: [],
  };
  @state() private copied = '';
  @state() private previewReady = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(async () => {
      const [list, info] = await Promise.all([
        this.api.get<AdminSeriesListResponse>('/series'),
        this.api.get<EmbedInfo>('/embed'),
      ]);
      this.list = list.series;
      this.info = info;
      const first =
        this.series || list.series.find((s) => !s.archived)?.slug || list.series[0]?.slug;
      if (first) await this.chooseSeries(first);
      if (!this.noPreview) await this.loadWidget(info);
    });
  }

  /** The real widget, from this server, as host pages load it. */
  private async loadWidget(info: EmbedInfo) {
    if (!customElements.get('workshop-signup')) {
      try {
        await import(/* @vite-ignore */ info.scriptUrl);
      } catch {
        return;
      }
    }
    this.previewReady = true;
  }

  private async chooseSeries(slug: string) {
    this.choice = { ...this.choice, series: slug, workshops: [] };
    this.detail = null;
    await this.load(async () => {
      this.detail = await this.api.get<AdminSeriesResponse>(`/series/${slug}`);
    });
  }

  private set(patch: Partial<EmbedChoice>) {
    this.choice = { ...this.choice, ...patch };
  }

  private toggleWorkshop(id: string, on: boolean) {
    const rest = this.choice.workshops.filter((w) => w !== id);
    this.set({ workshops: on ? [...rest, id] : rest });
  }

  private async copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = `${msg('Copied:')} ${what}`;
    } catch {
      this.copied = msg('Copying is not allowed here: select the code and copy it yourself.');
    }
  }

  private radio(
    name: string,
    value: string,
    label: string,
    checked: boolean,
    on: () => void,
    lang?: string,
  ) {
    const id = `${name}-${value || 'default'}`;
    return html`<div class="checkbox">
      <input type="radio" id=${id} name=${name} .checked=${checked} @change=${on} />
      <label for=${id} lang=${ifDefined(lang)}>${label}</label>
    </div>`;
  }

  private choices() {
    const c = this.choice;
    const upcoming = (this.detail?.workshops ?? []).filter(
      (w) => !w.cancelledAt && Date.parse(w.endsAt) > Date.now(),
    );
    return html`<div class="field">
        <label for="series">${msg('Series')}</label>
        <select
          id="series"
          @change=${(e: Event) => void this.chooseSeries((e.target as HTMLSelectElement).value)}
        >
          ${this.list.map(
            (s) =>
              html`<option value=${s.slug} ?selected=${s.slug === c.series}>
                ${localizedString(s.title, this.locale)}
              </option>`,
          )}
        </select>
      </div>
      <fieldset>
        <legend>${msg('Language of the form')}</legend>
        <div class="radios">
          ${this.radio('lang', 'sk', 'Slovensky', c.lang === 'sk', () => this.set({ lang: 'sk' }), 'sk')}
          ${this.radio('lang', 'en', 'English', c.lang === 'en', () => this.set({ lang: 'en' }), 'en')}
        </div>
      </fieldset>
      <fieldset>
        <legend>${msg('Look')}</legend>
        <div class="radios">
          ${this.radio('theme', '', msg('ID-SK 3 (current)'), c.theme === '', () => this.set({ theme: '' }))}
          ${this.radio('theme', 'idsk2', msg('ID-SK 2 (older sites)'), c.theme === 'idsk2', () =>
            this.set({ theme: 'idsk2' }),
          )}
        </div>
      </fieldset>
      <div class="field">
        <label for="heading-level">${msg('Heading level of the series title')}</label>
        <span class="hint" id="heading-level-hint"
          >${msg('Pick the level that fits the page: usually 2, under the page’s own title.')}</span
        >
        <select
          id="heading-level"
          class="narrow"
          aria-describedby="heading-level-hint"
          @change=${(e: Event) => this.set({ headingLevel: Number((e.target as HTMLSelectElement).value) })}
        >
          ${[1, 2, 3, 4, 5].map((n) => html`<option value=${n} ?selected=${n === c.headingLevel}>${n}</option>`)}
        </select>
      </div>
      <fieldset>
        <legend>${msg('Workshops to show')}</legend>
        <span class="hint"
          >${msg('None ticked: all upcoming workshops of the series, new ones included.')}</span
        >
        ${upcoming.map(
          (w) =>
            html`<div class="checkbox">
              <input
                type="checkbox"
                id="w-${w.id}"
                .checked=${c.workshops.includes(w.id)}
                @change=${(e: Event) => this.toggleWorkshop(w.id, (e.target as HTMLInputElement).checked)}
              />
              <label for="w-${w.id}"
                >${localizedText(w.title, this.locale)},
                ${formatDateTime(w.startsAt, this.locale)}</label
              >
            </div>`,
        )}
      </fieldset>`;
  }

  private snippet(id: string, title: string, text: string, note: string) {
    return html`<h3 id="${id}-title">${title}</h3>
      <p>${note}</p>
      <pre id=${id} aria-labelledby="${id}-title"><code>${text}</code></pre>
      <button class="button--secondary" @click=${() => void this.copy(text, title)}>
        ${msg('Copy the code')}<span class="visually-hidden"> – ${title}</span>
      </button>`;
  }

  private preview() {
    const c = this.choice;
    const attrs = Object.fromEntries(widgetAttributes(c));
    if (!this.previewReady)
      return html`<p>${msg('The preview appears once the widget has loaded.')}</p>`;
    return keyed(
      JSON.stringify(c),
      html`<workshop-signup
        series=${c.series}
        lang=${c.lang}
        theme=${ifDefined(attrs.theme)}
        heading-level=${ifDefined(attrs['heading-level'])}
        workshops=${ifDefined(attrs.workshops)}
      ></workshop-signup>`,
    );
  }

  override render() {
    const info = this.info;
    const c = this.choice;
    const frameTitle = c.lang === 'en' ? 'Workshop registration' : 'Registrácia na workshopy';
    return html`<h1 tabindex="-1">${msg('Embed on a website')}</h1>
      ${this.failureNotice()}
      <p>
        ${msg('Choose how the registration form should look, check it in the preview, then copy the code into the page’s HTML.')}
      </p>
      ${c.series ? this.choices() : nothing}
      <h2>${msg('Preview')}</h2>
      <div class="preview">${c.series ? this.preview() : nothing}</div>
      <h2>${msg('Code to copy')}</h2>
      <p class="visually-hidden" role="status">${this.copied}</p>
      ${
        info && c.series
          ? html`${this.snippet(
              'snippet-sri',
              msg('Recommended: this version, checked by the browser'),
              sriSnippet(info, c),
              msg(
                'The script’s address never changes and the browser refuses it if a single byte differs (Subresource Integrity). Updates need a new code from this page.',
              ),
            )}
            ${this.snippet(
              'snippet-latest',
              msg('Always the latest version'),
              latestSnippet(info, c),
              msg('Updates arrive by themselves, without an integrity check.'),
            )}
            ${this.snippet(
              'snippet-iframe',
              msg('For a CMS that removes scripts: iframe'),
              iframeSnippet(info, c, frameTitle),
              msg(
                'The second line makes the frame as tall as the form; without it the frame scrolls.',
              ),
            )}`
          : nothing
      }`;
  }
}

if (!customElements.get('ws-admin-embed-configurator'))
  customElements.define('ws-admin-embed-configurator', AdminEmbedConfigurator);
