import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { state } from 'lit/decorators.js';
import { AdminScreen } from './admin-screen.js';
import { AdminApiError } from './api.js';
import { StaleCopy } from './stale-copy.js';
import {
  errorSummary,
  field,
  focusErrorSummary,
  type FieldError,
  type FieldOptions,
} from './views/form.js';

/** The title and description both forms ask for, in Slovak (required) and English. */
export interface TitleValues {
  titleSk: string;
  titleEn: string;
  descriptionSk: string;
  descriptionEn: string;
}

/** A field's options beyond what the form screen fills in itself. */
export type FieldExtras = Partial<Omit<FieldOptions, 'id' | 'label' | 'value' | 'onInput'>>;

/**
 * What the series and workshop forms share: the values typed (never lost on a failure), GOV.UK's
 * inline errors and error summary, and the submit's tail — the page's own checks, then the API's
 * field refusals beside their fields, any other failure in the screen's alert.
 */
export class AdminFormScreen<V extends TitleValues> extends AdminScreen {
  /** What the organizer typed; each form starts it with its empty values. */
  @state() protected values!: V;
  @state() protected errors: FieldError[] = [];
  /** The record to edit has arrived (a new one: at once). */
  @state() protected loaded = false;
  @state() protected busy = false;
  /** A save refused because the record changed after the form was filled (another tab or person). */
  private readonly staleCopy = new StaleCopy(this, {
    explanation: () =>
      msg(
        'What you typed is still in the form. Loading the current version shows what was saved meanwhile and replaces what you typed, so copy anything you want to keep first.',
      ),
    reloaded: () =>
      msg('The form now shows the current version. Make your changes again and save.'),
    // The current version replaces what was typed, at the organizer's request.
    reload: async () =>
      (await this.load(async () => {
        await this.loadCurrent();
        this.errors = [];
        return true;
      })) === true,
  });

  protected set<K extends keyof V>(key: K, value: V[K]) {
    this.values = { ...this.values, [key]: value };
  }

  protected errorFor(id: string) {
    return this.errors.find((e) => e.id === id)?.text;
  }

  /** A labelled field bound to `values[key]`. */
  protected input(id: string, key: keyof V, label: string, extra: FieldExtras = {}) {
    return field({
      id,
      label,
      value: String(this.values[key]),
      error: this.errorFor(id),
      onInput: (v) => this.set(key, v as V[keyof V]),
      ...extra,
    });
  }

  /** The title and description, each language marked with its `lang`. */
  protected titleFields(titleEnHint?: string) {
    return html`<fieldset>
      <legend>${msg('Title and description')}</legend>
      ${this.input('title-sk', 'titleSk', msg('Title in Slovak'), { lang: 'sk' })}
      ${this.input('title-en', 'titleEn', msg('Title in English (optional)'), {
        lang: 'en',
        hint: titleEnHint,
      })}
      ${this.input('description-sk', 'descriptionSk', msg('Description in Slovak (optional)'), {
        lang: 'sk',
        multiline: true,
      })}
      ${this.input('description-en', 'descriptionEn', msg('Description in English (optional)'), {
        lang: 'en',
        multiline: true,
      })}
    </fieldset>`;
  }

  /**
   * Submits: with `errors` (the page's own checks) nothing is sent; otherwise `send` saves and
   * `done` leaves the form. The API's field refusals come back as `fieldError`s; after any problem
   * focus goes to the error summary or the alert, and every value typed stays.
   */
  protected async save(
    errors: FieldError[],
    send: () => Promise<unknown>,
    fieldError: (path: string, code: string) => FieldError,
    done: () => void,
  ) {
    this.errors = errors;
    this.staleCopy.reset();
    if (errors.length === 0) {
      this.busy = true;
      try {
        await send();
        done();
        return;
      } catch (error) {
        const code = error instanceof AdminApiError ? error.code : '';
        if (code === 'edit_conflict') {
          // GOV.UK's summary names the problem; its link leads to the way out, below it.
          this.errors = [this.staleCopy.refused(this.conflictText())];
        } else if (code === 'series_exists') {
          this.errors = [fieldError('slug', code)];
        } else if (code === 'validation') {
          const fields = (error as AdminApiError).fields;
          this.errors = Object.entries(fields).map(([path, c]) => fieldError(path, c));
        } else {
          await this.attempt(() => Promise.reject(error));
          return;
        }
      } finally {
        this.busy = false;
      }
    }
    await focusErrorSummary(this, this.shadowRoot);
  }

  /** The summary's words for a save refused as stale; each form names its record. */
  protected conflictText(): string {
    return msg('Someone else saved changes after you opened this form, so yours were not saved');
  }

  /** Fills the form from the record as stored now, with its version; each form reads its own. */
  protected loadCurrent(): Promise<void> {
    return Promise.resolve();
  }

  /** The heading, the error summary (once the form shows), the conflict and failure notices. */
  protected formHead(title: string) {
    return html`<h1 tabindex="-1">${title}</h1>
      ${this.loaded ? errorSummary(this.errors, this.shadowRoot) : nothing}
      ${this.staleCopy.notice()} ${this.failureNotice()}`;
  }
}
