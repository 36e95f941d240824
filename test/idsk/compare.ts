import { CORRECTIONS, type Correction, type Width } from './parity-table';
import type { Measured } from './probe-types';
import type { IdskVersion } from './reference-page';

/** The first family of a font stack, unquoted and lower-cased: `"Source Sans Pro", Arial` → `source sans pro`. */
export function firstFamily(stack: string): string {
  return (stack.split(',')[0] ?? '')
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
}

/** Colours stay whole (`rgb(0, 0, 0)`); everything else splits on spaces. */
const tokens = (value: string) => value.match(/[a-z-]*\([^)]*\)|[^\s,]+/gi) ?? [];

const length = (token: string) => (/^-?\d*\.?\d+px$/.test(token) ? parseFloat(token) : undefined);

/**
 * Whether the widget's value matches ID-SK's: font family by first name; lengths (also inside
 * four-sided values and shadows) within `tolerance` px; colours, keywords and weights exactly.
 */
export function matches(
  metric: string,
  expected: string | null,
  actual: string | null,
  tolerance = 1,
): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (metric === 'font-family') return firstFamily(expected) === firstFamily(actual);
  const [a, b] = [tokens(expected), tokens(actual)];
  if (a.length !== b.length) return false;
  return a.every((token, i) => {
    const [x, y] = [length(token), length(b[i]!)];
    if (x !== undefined && y !== undefined) return Math.abs(x - y) <= tolerance + 1e-9;
    return token === b[i];
  });
}

/** The corrections (parity-table.ts) that apply to one measured component. */
export function correctionsFor(
  version: IdskVersion,
  width: Width,
  component: string,
  values: Measured,
): readonly Correction[] {
  if (!values) return [];
  return CORRECTIONS.filter(
    (c) =>
      c.version === version &&
      (c.width ?? width) === width &&
      (c.component ?? component) === component &&
      Object.entries(c.when).every(([metric, value]) => values[metric] === value),
  );
}

/** The target: measured values with the corrections applied. */
export function target(
  version: IdskVersion,
  width: Width,
  component: string,
  values: Measured,
): Measured {
  if (!values) return values;
  return correctionsFor(version, width, component, values).reduce<Record<string, string | null>>(
    (v, c) => ({ ...v, ...c.set }),
    { ...values },
  );
}

/**
 * Values as they can be compared: without an outline (style `none`) its width, colour and
 * offset mean nothing (Chromium still reports them), so both sides say `none` for them.
 */
export function comparable(values: Measured | undefined): Measured {
  if (!values) return null;
  if (values['outline-style'] !== 'none') return values;
  const out = { ...values };
  for (const m of ['outline-width', 'outline-color', 'outline-offset']) {
    if (m in out) out[m] = 'none';
  }
  return out;
}

/** `2px 2px 2px 2px` → `2px`, `5px 16px 5px 16px` → `5px 16px`: CSS shorthand, for reading. */
function shorthand(value: string | null): string {
  if (value === null) return '—';
  const t = tokens(value);
  if (t.length !== 4) return value;
  const [top, right, bottom, left] = t;
  if (top === right && right === bottom && bottom === left) return top!;
  if (top === bottom && right === left) return `${top} ${right}`;
  if (right === left) return `${top} ${right} ${bottom}`;
  return value;
}

const hex = (n: string) => Number(n).toString(16).padStart(2, '0');

/** `rgb(11, 12, 12)` → `#0b0c0c`, `rgba(0, 0, 0, 0)` → `transparent`; four equal sides → one. */
export function readable(value: string | null | undefined): string {
  if (value === undefined || value === null) return '—';
  const colours = value
    .replace(/rgba\(\d+, \d+, \d+, 0\)/g, 'transparent')
    .replace(/rgb\((\d+), (\d+), (\d+)\)/g, (_, r, g, b) => `#${hex(r)}${hex(g)}${hex(b)}`);
  return shorthand(colours);
}
