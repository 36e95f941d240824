import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { Comparison, Side, Width } from './parity-table';
import type { Measured, Root, Target } from './probe-types';

/** The probe (in-page.ts) as one classic script defining `idskProbe` on the page. */
let probeScript: string | undefined;
function probe(): string {
  probeScript ??= buildSync({
    entryPoints: [fileURLToPath(new URL('./in-page.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'idskProbe',
    target: 'es2022',
    // Playwright wraps init scripts in a function: make the global explicit.
    footer: { js: 'globalThis.idskProbe = idskProbe;' },
    write: false,
  }).outputFiles[0]!.text;
  return probeScript;
}

/**
 * What in-page.ts exports, as the page sees it. Functions run in the page cannot close over
 * Node's variables, hence the cast inside each of them.
 */
interface ProbeGlobal {
  idskProbe: {
    measure(target: Target, metrics: readonly string[]): Measured;
    focus(target: Target): boolean;
    settle(): Promise<void>;
    blur(): void;
    widgetReady(): boolean;
    submitWidget(): void;
    widgetShowsErrors(): boolean;
  };
}

/** Component name → its measured values, per side. */
export type Measurements = Record<string, Measured>;

export interface PageMeasurement {
  reference: Measurements;
  widget: Measurements;
}

/** Opens a page at one width, with the probe in it; waits for the widget's form and the fonts. */
export async function openMeasuredPage(browser: Browser, url: string, width: Width): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.addInitScript(probe());
  await page.goto(url);
  await page.waitForFunction('idskProbe.widgetReady()', undefined, { timeout: 15_000 });
  await page.evaluate('document.fonts.ready.then(() => undefined)');
  return page;
}

const target = (root: Root, { selector, pseudo }: Side): Target => ({ root, selector, pseudo });

async function measureSide(page: Page, root: Root, row: Comparison): Promise<Measured> {
  const side = root === 'page' ? row.idsk : row.widget;
  const measured = target(root, side);
  if (!row.focused) {
    return page.evaluate(
      ([t, m]) => (globalThis as unknown as ProbeGlobal).idskProbe.measure(t, m),
      [measured, row.metrics] as const,
    );
  }
  const focusTarget = target(root, { selector: side.focus ?? side.selector });
  const focused = await page.evaluate(
    (t) => (globalThis as unknown as ProbeGlobal).idskProbe.focus(t),
    focusTarget,
  );
  if (!focused) return null;
  await page.evaluate(() => (globalThis as unknown as ProbeGlobal).idskProbe.settle());
  const values = await page.evaluate(
    ([t, m]) => (globalThis as unknown as ProbeGlobal).idskProbe.measure(t, m),
    [measured, row.metrics] as const,
  );
  await page.evaluate(() => (globalThis as unknown as ProbeGlobal).idskProbe.blur());
  return values;
}

/**
 * Measures every row on the reference components and on the widget: the widget first as loaded,
 * then after an empty submit (its errors); focus rows last in each state, so that a focused
 * element never colours another row.
 */
export async function measurePage(
  page: Page,
  rows: readonly Comparison[],
): Promise<PageMeasurement> {
  const ordered = [...rows].sort((a, b) => Number(a.focused ?? false) - Number(b.focused ?? false));
  const reference: Measurements = {};
  for (const row of ordered) reference[row.component] = await measureSide(page, 'page', row);

  const widget: Measurements = {};
  for (const row of ordered.filter((r) => r.state === 'normal')) {
    widget[row.component] = await measureSide(page, 'widget', row);
  }
  await page.evaluate('idskProbe.submitWidget()');
  await page.waitForFunction('idskProbe.widgetShowsErrors()', undefined, { timeout: 5_000 });
  for (const row of ordered.filter((r) => r.state === 'error')) {
    widget[row.component] = await measureSide(page, 'widget', row);
  }
  return { reference, widget };
}
