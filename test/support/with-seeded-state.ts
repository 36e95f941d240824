import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEEDED_STATE_ENV, makeSeededState } from './seeded-state';

/**
 * `node --import tsx test/support/with-seeded-state.ts <command…>` (npm run test:e2e:built): makes
 * the end-to-end tests' migrated and seeded D1 once, runs the command with its folder in
 * SEEDED_STATE_ENV (each test file's stack starts on a copy), removes it, and exits as the command
 * did.
 */
const command = process.argv.slice(2);
const folder = mkdtempSync(join(tmpdir(), 'workshop-signup-e2e-seeded-'));
try {
  await makeSeededState(folder);
  const child = spawn(command[0]!, command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, [SEEDED_STATE_ENV]: folder },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  process.exitCode = await new Promise<number>((resolve) => {
    child.once('error', () => resolve(1));
    child.once('close', (code) => resolve(code ?? 1));
  });
} finally {
  rmSync(folder, { recursive: true, force: true });
}
