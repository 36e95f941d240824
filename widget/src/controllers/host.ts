import type { ReactiveControllerHost } from 'lit';
import { defaultApiBase } from '../api.js';

/**
 * <workshop-signup> as its controllers see it: its public properties and Lit's update cycle, so
 * that they need nothing the element does not already show the page.
 */
export interface SignupHost extends ReactiveControllerHost, HTMLElement {
  series: string;
  api: string;
  workshops: string;
  organizationType: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly hasUpdated: boolean;
}

/** The API to call: the `api` attribute, else the origin this script was loaded from. */
export const apiBase = (host: SignupHost) => host.api || defaultApiBase();

export type SignupEventType =
  'workshop-signup-ready' | 'workshop-signup-registered' | 'workshop-signup-error';

/** Host-page events bubble out of the shadow root; their details never carry personal data. */
export function emit(host: SignupHost, type: SignupEventType, detail: Record<string, unknown>) {
  host.dispatchEvent(
    new CustomEvent(type, {
      detail: { series: host.series, ...detail },
      bubbles: true,
      composed: true,
    }),
  );
}

/** Focuses what `selector` finds once the pending render is done (it may be what moved focus). */
export async function focusAfterRender(host: SignupHost, selector: string): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}
