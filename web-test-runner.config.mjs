import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

/**
 * `executeServerCommand('emulate-media-features', [{name, value}])`: Chromium's own media
 * emulation, for features puppeteer's emulateMediaFeatures refuses (forced-colors). The CDP
 * session stays open per page, since emulation ends with it.
 */
function emulateMediaFeaturesPlugin() {
  const sessions = new WeakMap();
  return {
    name: 'emulate-media-features',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      await sessions.get(page).send('Emulation.setEmulatedMedia', { features: payload });
      return true;
    },
  };
}

/** Widget and admin-page tests in real Chromium: Debian's package, never a downloaded browser. */
export default {
  files: ['test/widget/**/*.test.ts', 'test/admin/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  // Lit's dev-mode notice is expected in tests (they load the sources, not the build).
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    // Point esbuild at the widget's tsconfig so Lit's decorators compile as in the build.
    esbuildPlugin({ ts: true, tsconfig: 'widget/tsconfig.json', target: 'es2022' }),
    emulateMediaFeaturesPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
        ],
      },
    }),
  ],
};
