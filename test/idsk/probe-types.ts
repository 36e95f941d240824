/** Shared by the in-page probe (in-page.ts, DOM) and the Node side (measure.ts). */

export type Root = 'page' | 'widget';

export interface Target {
  root: Root;
  selector: string;
  pseudo?: '::before' | '::after';
}

/** Metric → computed value; `null` for the whole record when the element does not exist. */
export type Measured = Record<string, string | null> | null;
