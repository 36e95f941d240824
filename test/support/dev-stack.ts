import { spawn } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT,
  WRANGLER_ENV,
  applyLocalMigrations,
  startDevServer,
  type DevServer,
} from '../../demo/dev-server';
import { seedDemo } from '../../demo/seed';
import { launchChromium } from './browser';
import { freePort } from '../../demo/free-port';
import { E2E_ADMIN_TOKEN, E2E_VARS, copySeededState } from './seeded-state';

export { E2E_ADMIN_TOKEN, freePort };

export interface DevStack {
  server: DevServer;
  url: string;
  persistTo: string;
  /**
   * Runs SQL against the stack's local D1 with `wrangler d1 execute` and returns the rows.
   * Asynchronous: a test process blocked for the seconds wrangler takes would not see the dev
   * server close an idle keep-alive connection, and its next fetch would fail on that socket.
   */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * What `npm start` runs, in isolation: a fresh local D1 in a temporary folder, migrated with
 * wrangler and seeded through the API (or a copy of the run's D1 made so, see seeded-state.ts),
 * the worker and the built demo site served by `wrangler dev`.
 * Expects `npm run build` to have run (npm test and npm run test:e2e do it).
 */
export async function startDevStack(): Promise<DevStack> {
  const persistTo = mkdtempSync(join(tmpdir(), 'workshop-signup-e2e-'));
  const forget = () => rmSync(persistTo, { recursive: true, force: true });
  let server: DevServer | undefined;
  try {
    const seeded = copySeededState(persistTo);
    if (!seeded) await applyLocalMigrations(persistTo);
    server = await startDevServer({
      port: await freePort(),
      // Not the default: wrangler instances started side by side would both pick 9229.
      inspectorPort: await freePort(),
      persistTo,
      vars: E2E_VARS,
    });
    if (!seeded) await seedDemo(server.url, E2E_ADMIN_TOKEN);
  } catch (error) {
    // A wrangler left running would keep the test process, and the whole run, from ending.
    await server?.stop();
    forget();
    throw error;
  }
  const started = server;
  return {
    server,
    url: server.url,
    persistTo,
    async query<T>(sql: string): Promise<T[]> {
      // `wrangler d1 execute` opens the SQLite file that the running wrangler dev writes; while
      // the worker holds a write (a queue consumer sending mail after a registration, say) it
      // gets SQLITE_BUSY. One database has one writer in production: wait and ask again.
      for (let attempt = 1; ; attempt++) {
        try {
          return await queryOnce<T>(persistTo, sql);
        } catch (error) {
          const busy =
            error instanceof Error && /SQLITE_BUSY|database is locked/.test(error.message);
          if (!busy || attempt === 5) throw error;
          await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
        }
      }
    },
    async stop() {
      await started.stop();
      forget();
    },
  };
}

/** One `wrangler d1 execute --local` against the stack's persisted D1. */
async function queryOnce<T>(persistTo: string, sql: string): Promise<T[]> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/wrangler/bin/wrangler.js'),
      'd1',
      'execute',
      'DB',
      '--local',
      '--persist-to',
      persistTo,
      '--json',
      '--command',
      sql,
    ],
    { cwd: ROOT, env: WRANGLER_ENV, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`d1 execute failed: ${stderr}`);
  return (JSON.parse(stdout) as { results: T[] }[])[0]!.results;
}

/**
 * A dev stack and a browser, started side by side. If either fails, the other is closed again:
 * a Chromium left open would keep the test process, and the whole run, from ending.
 */
export async function startDevStackAndBrowser(): Promise<{ stack: DevStack; browser: Browser }> {
  const [stack, browser] = await Promise.allSettled([startDevStack(), launchChromium()]);
  if (stack.status === 'fulfilled' && browser.status === 'fulfilled') {
    return { stack: stack.value, browser: browser.value };
  }
  if (stack.status === 'fulfilled') await stack.value.stop();
  if (browser.status === 'fulfilled') await browser.value.close();
  throw stack.status === 'rejected' ? stack.reason : (browser as PromiseRejectedResult).reason;
}
