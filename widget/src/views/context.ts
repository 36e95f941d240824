import type { Locale } from '../api.js';
import type { FieldErrors, FieldName, FormValues } from '../form-model.js';

/** What the form's templates read from the element and call back into it. */
export interface FormContext {
  locale: Locale;
  /** Aria level of the series heading; headings inside are one below. */
  level: number;
  values: FormValues;
  errors: FieldErrors;
  errorText(field: FieldName): string;
  setValue<K extends FieldName>(field: K, value: FormValues[K]): void;
  toggleWorkshop(id: string, checked: boolean): void;
  focusField(field: FieldName): void;
}
