import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WRANGLER = fileURLToPath(
  new URL('../node_modules/wrangler/bin/wrangler.js', import.meta.url),
);

/** No telemetry, no update checks: everything here must work offline. */
const ENV = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: process.env.CI ?? '' };

export interface DevServerOptions {
  port: number;
  /** Where local D1 lives; default .wrangler/state. Tests pass a temporary folder. */
  persistTo?: string;
  /** Extra worker variables (tests pass ADMIN_TOKEN here instead of .dev.vars). */
  vars?: Record<string, string>;
  /** Print wrangler's output (npm start) or keep it for failures only (tests). */
  inheritOutput?: boolean;
}

export interface DevServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const persistArgs = (persistTo?: string) => (persistTo ? ['--persist-to', persistTo] : []);

/** `wrangler d1 migrations apply` against the local database: the same path production uses. */
export function applyLocalMigrations(persistTo?: string): void {
  const result = spawnSync(
    process.execPath,
    [WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--local', ...persistArgs(persistTo)],
    { cwd: ROOT, env: ENV, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`Applying migrations failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/** Starts `wrangler dev` (worker + static assets on one port) and waits until the API answers. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const vars = Object.entries(options.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
  const child = spawn(
    process.execPath,
    [
      WRANGLER,
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(options.port),
      '--show-interactive-dev-session=false',
      ...persistArgs(options.persistTo),
      ...vars,
    ],
    { cwd: ROOT, env: ENV, stdio: options.inheritOutput ? 'inherit' : 'pipe' },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));

  const url = `http://127.0.0.1:${options.port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${output}`);
    try {
      const response = await fetch(`${url}/api/v1/series/-`);
      if (response.status === 404) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not start within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, process: child, stop };
}
