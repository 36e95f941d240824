import { emptyForm, isOrganizationType, type FieldName, type FormValues } from '../form-model.js';
import { clearDraft, loadDraft, saveDraft } from '../session-store.js';
import { apiBase, type SignupHost } from './host.js';

/**
 * What the person has typed, kept as a draft in the tab's sessionStorage with every change, so
 * that a reload loses nothing (see session-store.ts for what is kept and for how long).
 */
export class FormDraft {
  values: FormValues = emptyForm();
  /**
   * Whether `values` hold this series' draft (or a fresh form) and the person's fields are shown:
   * not before the frame after the list (README, _First paint_).
   */
  ready = false;

  constructor(private readonly host: SignupHost) {}

  /** The draft this tab kept, else a blank form; of its workshops only `selectable` ones stay. */
  start(selectable: Set<string>): void {
    const draft = loadDraft(apiBase(this.host), this.host.series);
    const blank = this.blank();
    this.values = draft
      ? {
          ...draft,
          organizationType: draft.organizationType || blank.organizationType,
          workshopIds: draft.workshopIds.filter((id) => selectable.has(id)),
        }
      : blank;
    // The list is painted first, its data already in hand: the frame that shows it builds and lays
    // out that much less. What is ticked meanwhile goes into these values, so nothing is lost.
    // The fields come in the next frame's animation callbacks: no task of ours runs between the
    // list's paint and that frame (the bench's paint mark is the first task after the paint).
    const { series } = this.host;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        // Unless the element was given another series meanwhile, which starts its own draft.
        if (this.host.series === series) this.ready = true;
        this.host.requestUpdate();
      }),
    );
  }

  set<K extends FieldName>(field: K, value: FormValues[K]): void {
    this.values = { ...this.values, [field]: value };
    saveDraft(apiBase(this.host), this.host.series, this.values);
    this.host.requestUpdate();
  }

  toggleWorkshop(id: string, checked: boolean): void {
    const others = this.values.workshopIds.filter((w) => w !== id);
    this.set('workshopIds', checked ? [...others, id] : others);
  }

  /** Unchooses workshops not `shown`: a choice the host has since hidden must not be sent unseen. */
  keepOnly(shown: Set<string>): void {
    const workshopIds = this.values.workshopIds.filter((id) => shown.has(id));
    this.values = { ...this.values, workshopIds };
    this.host.requestUpdate();
  }

  /** Forgets the draft once the registration is sent. */
  forget(): void {
    clearDraft(apiBase(this.host), this.host.series);
  }

  /** A blank form for another person, and no draft. */
  reset(): void {
    this.forget();
    this.values = this.blank();
    this.host.requestUpdate();
  }

  /** A form with nothing typed; the host may have preselected the type of organisation. */
  private blank(): FormValues {
    const preset = this.host.organizationType;
    return { ...emptyForm(), organizationType: isOrganizationType(preset) ? preset : '' };
  }
}
