import { html } from 'lit';
import { localized, msg } from '@lit/localize';
import { property } from 'lit/decorators.js';
import type { AdminSeriesResponse } from '../../worker/contract/index.js';
import { AdminFormScreen } from './form-screen.js';
import { checkbox } from './views/form.js';
import { href, navigate } from './routes.js';
import {
  emptySeries,
  fieldCodeText,
  seriesFieldId,
  seriesRequest,
  seriesValues,
  type SeriesValues,
} from './series-form-model.js';

/** Create a series (no `slug` given) or edit one: Slovak required, English optional. */
@localized()
export class AdminSeriesForm extends AdminFormScreen<SeriesValues> {
  /** The series to edit; empty: a new one. */
  @property() slug = '';

  protected override values = emptySeries();
  private hadTurnstile = false;
  /** The version the form was filled from: the edit is saved only onto that one (If-Match). */
  private version = '';

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.slug) {
      this.loaded = true;
      return;
    }
    void this.load(() => this.loadCurrent());
  }

  protected override async loadCurrent() {
    const { series } = await this.api.get<AdminSeriesResponse>(`/series/${this.slug}`);
    this.values = seriesValues(series);
    this.hadTurnstile = Boolean(series.turnstile);
    this.version = series.version;
    this.loaded = true;
  }

  protected override conflictText() {
    return msg(
      'Someone else saved changes to this series after you opened it, so your changes were not saved',
    );
  }

  private async submit(event: Event) {
    event.preventDefault();
    const creating = !this.slug;
    const { errors, body } = seriesRequest(this.values, creating, this.hadTurnstile);
    const slug = creating ? this.values.slug.trim() : this.slug;
    await this.save(
      errors,
      // A new series only under a free address name; an edit only onto the version read.
      () =>
        this.api.call(
          'PUT',
          `/series/${slug}`,
          body,
          creating ? { 'if-none-match': '*' } : { 'if-match': this.version },
        ),
      (path, code) => ({ id: seriesFieldId(path), text: fieldCodeText(code) }),
      () => navigate(href.series(slug)),
    );
  }

  /** The reminder schedule (issue 12): the join link's lead time and an optional short one. */
  private reminderFields() {
    return html`<fieldset>
      <legend>${msg('Join-link emails')}</legend>
      ${this.input('lead-hours', 'leadHours', msg('Send the join link (hours before the start)'), {
        narrow: true,
        hint: msg(
          'Each confirmed person gets the join link by email this long before each workshop. Usually 24 hours, as the announcement promises.',
        ),
      })}
      ${checkbox(
        'second-reminder',
        msg('Also send a second, short reminder'),
        this.values.secondReminder,
        (on) => this.set('secondReminder', on),
      )}
      ${
        this.values.secondReminder
          ? this.input(
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
    if (!this.loaded) return this.formHead(title);
    return html`${this.formHead(title)}
      <form novalidate @submit=${this.submit}>
        ${
          creating
            ? this.input('slug', 'slug', msg('Address name'), {
                hint: msg(
                  'Part of the web address and of the embed code, e.g. akcny-plan-2026: lower-case letters, digits, dashes. It cannot be changed later.',
                ),
              })
            : html`<p>${msg('Address name:')} <code>${this.slug}</code></p>`
        }
        ${this.titleFields(msg('Left empty, English pages show the Slovak title.'))}
        <fieldset>
          <legend>${msg('Organizer and personal data')}</legend>
          ${this.input('organizer-name', 'organizerName', msg('Organizer'))}
          ${this.input('organizer-email', 'organizerEmail', msg('Organizer’s email address'), {
            type: 'email',
          })}
          ${this.input('privacy-url', 'privacyUrl', msg('Privacy notice address'), {
            type: 'url',
            hint: msg(
              'The page that says how registrants’ personal data is processed (https://…).',
            ),
          })}
          ${this.input('retention-days', 'retentionDays', msg('Keep personal data for (days)'), {
            type: 'number',
            narrow: true,
            hint: msg('Days after a person’s last workshop; then their data is deleted.'),
          })}
        </fieldset>
        ${this.reminderFields()}
        <fieldset>
          <legend>${msg('Embedding')}</legend>
          ${this.input('allowed-origins', 'allowedOrigins', msg('Websites allowed to embed it'), {
            multiline: true,
            hint: msg(
              'One origin per line, like https://www.obec.sk. Left empty, any website may embed the series.',
            ),
          })}
          ${checkbox(
            'turnstile',
            msg('Protect the form with Cloudflare Turnstile'),
            this.values.turnstile,
            (on) => this.set('turnstile', on),
          )}
          ${
            this.values.turnstile
              ? html`${this.input('site-key', 'siteKey', msg('Turnstile site key'))}
                ${this.input('secret-key', 'secretKey', msg('Turnstile secret key'), {
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
