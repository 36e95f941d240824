import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { applyLocalMigrations, startDevServer } from '../../demo/dev-server';
import { seedDemo } from '../../demo/seed';
import { freePort } from '../../demo/free-port';

/**
 * Every end-to-end test file starts from the same state: a local D1 migrated by
 * `wrangler d1 migrations apply` and seeded with the demo through the API. Making it takes
 * wrangler about 20 s (most of it the migrations command); the files run in processes of their
 * own, so each made it again. Under with-seeded-state.ts it is made once, and each file starts
 * `wrangler dev` on a copy of its own. Without it (one file run by hand) each file makes it itself.
 */
export const SEEDED_STATE_ENV = 'WORKSHOP_SIGNUP_E2E_SEEDED_STATE';

export const E2E_ADMIN_TOKEN = 'e2e-admin-token-abcdefghijklmnop';

/** The worker's variables in every end-to-end stack. */
export const E2E_VARS = { ADMIN_TOKEN: E2E_ADMIN_TOKEN, ENVIRONMENT: 'development' };

/** Where wrangler keeps local D1 under a `--persist-to` folder (and nothing else: no cache). */
const d1Of = (persistTo: string) => join(persistTo, 'v3', 'd1');

/** Migrates and seeds a local D1 under `persistTo`, as `npm start` does, then stops wrangler. */
export async function makeSeededState(persistTo: string): Promise<void> {
  await applyLocalMigrations(persistTo);
  const server = await startDevServer({
    port: await freePort(),
    // Not the default: wrangler instances started side by side would both pick 9229.
    inspectorPort: await freePort(),
    persistTo,
    vars: E2E_VARS,
  });
  try {
    await seedDemo(server.url, E2E_ADMIN_TOKEN);
  } finally {
    await server.stop();
  }
}

/**
 * Fills `persistTo` with a copy of the run's seeded D1 and returns true, or returns false when no
 * seeded state was made for this run (the caller migrates and seeds itself).
 */
export function copySeededState(persistTo: string): boolean {
  const seeded = process.env[SEEDED_STATE_ENV];
  if (!seeded || !existsSync(d1Of(seeded))) return false;
  cpSync(d1Of(seeded), d1Of(persistTo), { recursive: true });
  return true;
}
