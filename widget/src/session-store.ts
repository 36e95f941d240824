import type { Contact } from './api.js';
import { formValuesFrom, type FormValues } from './form-model.js';

/**
 * What the widget keeps in the tab's sessionStorage, so that nothing typed is lost on a reload and
 * the organizer can still be named when the API is down. sessionStorage lives only as long as the
 * tab and never leaves the browser; no cookies, no localStorage. Storage may be unavailable
 * (privacy modes, sandboxed iframes): then the widget simply keeps nothing.
 */

const key = (kind: 'draft' | 'contact', api: string, series: string) =>
  `workshop-signup:${kind}:${api}:${series}`;

function read(storageKey: string): unknown {
  try {
    const json = sessionStorage.getItem(storageKey);
    return json === null ? undefined : JSON.parse(json);
  } catch {
    return undefined;
  }
}

function write(storageKey: string, value: unknown): void {
  try {
    if (value === undefined) sessionStorage.removeItem(storageKey);
    else sessionStorage.setItem(storageKey, JSON.stringify(value));
  } catch {
    // Full or forbidden storage: the draft is a convenience, never a requirement.
  }
}

/** The form as last typed in this tab, if any. */
export const loadDraft = (api: string, series: string): FormValues | undefined =>
  formValuesFrom(read(key('draft', api, series)));

export const saveDraft = (api: string, series: string, values: FormValues) =>
  write(key('draft', api, series), values);

export const clearDraft = (api: string, series: string) =>
  write(key('draft', api, series), undefined);

/** The organizer of the series as last loaded in this tab. */
export function loadContact(api: string, series: string): Contact | undefined {
  const stored = read(key('contact', api, series)) as Partial<Contact> | undefined;
  return typeof stored?.name === 'string' && typeof stored.email === 'string'
    ? { name: stored.name, email: stored.email }
    : undefined;
}

export const saveContact = (api: string, series: string, contact: Contact) =>
  write(key('contact', api, series), { name: contact.name, email: contact.email });
