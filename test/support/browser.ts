import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * A navigation that has not loaded in 15 s is tried once more. `wrangler dev`'s proxy can lose a
 * GET whose connection to the worker was reset and wait for ever for a reload that never comes
 * (README "The 503s"); production has no such proxy. A page that never loads still fails, after
 * the second try.
 */
function withSecondTry(page: Page): Page {
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    try {
      return await goto(url, { ...options, timeout: options?.timeout ?? 15_000 });
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'TimeoutError') throw error;
      return goto(url, options);
    }
  };
  return page;
}

/** Debian's Chromium, headless; never a browser downloaded by a test tool. */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => withSecondTry(await newPage(options));
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on('page', withSecondTry);
    return context;
  };
  return browser;
}
