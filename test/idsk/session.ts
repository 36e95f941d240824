import { join } from 'node:path';
import { DEMO_SERIES_SLUG } from '../../demo/content';
import { launchChromium } from '../support/browser';
import { startDevStack, type DevStack } from '../support/dev-stack';
import { measurePage, openMeasuredPage, type PageMeasurement } from './measure';
import { PARITY_TABLE, WIDTHS, type Width } from './parity-table';
import {
  IDSK_VERSIONS,
  WIDGET_THEME,
  serveReference,
  type IdskVersion,
  type ReferenceServer,
} from './reference-page';

export type Results = Record<IdskVersion, Record<Width, PageMeasurement>>;

export interface MeasuredSession {
  results: Results;
  chromium: string;
}

/**
 * Everything measured once: the reference pages (one per ID-SK version) served from one origin,
 * the widget — built by `npm run build`, served with its API by the dev stack (a real worker and
 * a seeded local D1) on another origin, the way a town-hall page embeds it — on each of them,
 * in Chromium at each width.
 */
export async function measureEverything({
  screenshots,
}: {
  /** A folder for full-page pictures (<version>-<width>.png) of each page as last measured. */
  screenshots?: string;
} = {}): Promise<MeasuredSession> {
  let stack: DevStack | undefined;
  let server: ReferenceServer | undefined;
  const browser = await launchChromium();
  try {
    stack = await startDevStack();
    const widgetOrigin = stack.url;
    server = await serveReference((version) => ({
      script: `${widgetOrigin}/workshop-signup.js`,
      series: DEMO_SERIES_SLUG,
      theme: WIDGET_THEME[version],
    }));
    const results = {} as Results;
    for (const version of IDSK_VERSIONS) {
      results[version] = {} as Record<Width, PageMeasurement>;
      for (const width of WIDTHS) {
        const page = await openMeasuredPage(browser, server.pageUrl(version), width);
        results[version][width] = await measurePage(page, PARITY_TABLE);
        if (screenshots) {
          await page.screenshot({
            path: join(screenshots, `${version}-${width}.png`),
            fullPage: true,
          });
        }
        await page.close();
      }
    }
    return { results, chromium: browser.version() };
  } finally {
    await browser.close();
    await server?.close();
    await stack?.stop();
  }
}
