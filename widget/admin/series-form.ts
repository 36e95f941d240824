import { html } from 'lit';
import { localized, msg } from '@lit/localize';
import { property, state } from 'lit/decorators.js';
import type { AdminSeriesResponse } from '../../worker/contract/index.js';
import { AdminScreen } from './admin-screen.js';
import { AdminApiError } from './api.js';
import { href, navigate } from './routes.js';
import {
  emptySeries,
  fieldCodeText,
  seriesFieldId,
  seriesRequest,
  seriesValues,
  type SeriesValues,
} from './series-form-model.js';
import { errorSummary, field, focusErrorSummary, type FieldError } from './views/form.js';

/** Create a series (no `slug` given) or edit one: Slovak required, English optional. */
@localized()
export class AdminSeriesForm extends AdminScreen {
  /** The series to edit; empty: a new one. */
  @property() slug = '';

  @state() private values: SeriesValues = emptySeries();
  @state() private errors: FieldError[] = [];
  @state() private loaded = false;
  @state() private busy = false;
  private hadTurnstile = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.slug) {
      this.loaded = true;
      return;
    }
    void this.load(async () => {
      const { series } = await this.api.get<AdminSeriesResponse>(`/series/${this.slug}`);
      this.values = seriesValues(series);
      this.hadTurnstile = Boolean(series.turnstile);
      this.loaded = true;
    });
  }

  private set<K extends keyof SeriesValues>(key: K, value: SeriesValues[K]) {
    this.values = { ...this.values, [key]: value };
  }

  private errorFor(id: string) {
    return this.errors.find((e) => e.id === id)?.text;
  }

  private async submit(event: Event) {
    event.preventDefault();
    const creating = !this.slug;
    const { errors, body } = seriesRequest(this.values, creating, this.hadTurnstile);
    this.errors = errors;
    if (errors.length === 0) {
      const slug = creating ? this.values.slug.trim() : this.slug;
      this.busy = true;
      try {
        await this.api.call('PUT', `/series/${slug}`, body);
        navigate(href.series(slug));
        return;
      } catch (error) {
        if (!(error instanceof AdminApiError) || error.code !== 'validation') {
          await this.attempt(() => Promise.reject(error));
          return;
        }
        this.errors = Object.entries(error.fields).map(([path, code]) => ({
          id: seriesFieldId(path),
          text: fieldCodeText(code),
        }));
      } finally {
        this.busy = false;
      }
    }
    await focusErrorSummary(this, this.shadowRoot);
  }

  private text(id: string, key: keyof SeriesValues, label: string, extra: object = {}) {
    return field({
      id,
      label,
      value: String(this.values[key]),
      error: this.errorFor(id),
      onInput: (v) => this.set(key, v as never),
      ...extra,
    });
  }

  /** The reminder schedule (issue 12): the join link's lead time and an optional short one. */
  private reminderFields() {
    return html`<fieldset>
      <legend>${msg('Join-link emails')}</legend>
      ${this.text('lead-hours', 'leadHours', msg('Send the join link (hours before the start)'), {
        narrow: true,
        hint: msg(
          'Each confirmed person gets the join link by email this long before each workshop. Usually 24 hours, as the announcement promises.',
        ),
      })}
      <div class="checkbox">
        <input
          id="second-reminder"
          type="checkbox"
          .checked=${this.values.secondReminder}
          @change=${(e: Event) =>
            this.set('secondReminder', (e.target as HTMLInputElement).checked)}
        />
        <label for="second-reminder">${msg('Also send a second, short reminder')}</label>
      </div>
      ${
        this.values.secondReminder
          ? this.text(
              'second-minutes',
              'secondMinutes',
              msg('Second reminder (minutes before the start)'),
              {
                type: 'number',
                narrow: true,
                hint: msg('For example 60: the join link once more, an hour before the start.'),
              },
            )
          : ''
      }
    </fieldset>`;
  }

  override render() {
    const creating = !this.slug;
    const title = creating ? msg('Create a series') : msg('Edit the series');
    if (!this.loaded) {
      return html`<h1 tabindex="-1">${title}</h1>
        ${this.failureNotice()}`;
    }
    return html`<h1 tabindex="-1">${title}</h1>
      ${errorSummary(this.errors, this.shadowRoot)} ${this.failureNotice()}
      <form novalidate @submit=${this.submit}>
        ${
          creating
            ? this.text('slug', 'slug', msg('Address name'), {
                hint: msg(
                  'Part of the web address and of the embed code, e.g. akcny-plan-2026: lower-case letters, digits, dashes. It cannot be changed later.',
                ),
              })
            : html`<p>${msg('Address name:')} <code>${this.slug}</code></p>`
        }
        <fieldset>
          <legend>${msg('Title and description')}</legend>
          ${this.text('title-sk', 'titleSk', msg('Title in Slovak'), { lang: 'sk' })}
          ${this.text('title-en', 'titleEn', msg('Title in English (optional)'), {
            lang: 'en',
            hint: msg('Left empty, English pages show the Slovak title.'),
          })}
          ${this.text('description-sk', 'descriptionSk', msg('Description in Slovak (optional)'), {
            lang: 'sk',
            multiline: true,
          })}
          ${this.text('description-en', 'descriptionEn', msg('Description in English (optional)'), {
            lang: 'en',
            multiline: true,
          })}
        </fieldset>
        <fieldset>
          <legend>${msg('Organizer and personal data')}</legend>
          ${this.text('organizer-name', 'organizerName', msg('Organizer'))}
          ${this.text('organizer-email', 'organizerEmail', msg('Organizer’s email address'), {
            type: 'email',
          })}
          ${this.text('privacy-url', 'privacyUrl', msg('Privacy notice address'), {
            type: 'url',
            hint: msg(
              'The page that says how registrants’ personal data is processed (https://…).',
            ),
          })}
          ${this.text('retention-days', 'retentionDays', msg('Keep personal data for (days)'), {
            type: 'number',
            narrow: true,
            hint: msg('Days after a person’s last workshop; then their data is deleted.'),
          })}
        </fieldset>
        ${this.reminderFields()}
        <fieldset>
          <legend>${msg('Embedding')}</legend>
          ${this.text('allowed-origins', 'allowedOrigins', msg('Websites allowed to embed it'), {
            multiline: true,
            hint: msg(
              'One origin per line, like https://www.obec.sk. Left empty, any website may embed the series.',
            ),
          })}
          <div class="checkbox">
            <input
              id="turnstile"
              type="checkbox"
              .checked=${this.values.turnstile}
              @change=${(e: Event) => this.set('turnstile', (e.target as HTMLInputElement).checked)}
            />
            <label for="turnstile">${msg('Protect the form with Cloudflare Turnstile')}</label>
          </div>
          ${
            this.values.turnstile
              ? html`${this.text('site-key', 'siteKey', msg('Turnstile site key'))}
                ${this.text('secret-key', 'secretKey', msg('Turnstile secret key'), {
                  type: 'password',
                  hint: this.hadTurnstile
                    ? msg('Stored and never shown. Enter it only to change the keys.')
                    : msg('Stored and never shown again.'),
                })}`
              : ''
          }
        </fieldset>
        <button type="submit" ?disabled=${this.busy}>
          ${creating ? msg('Create the series') : msg('Save changes')}
        </button>
        <a href=${creating ? href.home() : href.series(this.slug)}
          >${msg('Go back without saving')}</a
        >
      </form>`;
  }
}

if (!customElements.get('ws-admin-series-form'))
  customElements.define('ws-admin-series-form', AdminSeriesForm);
