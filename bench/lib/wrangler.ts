import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../demo/free-port';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');

/**
 * No telemetry, and no attempt to fetch the `Request.cf` placeholder from the internet: the
 * benchmark works offline, like `npm start`. A dev registry of this run's own (where `wrangler
 * dev` finds the workers a service binding names): the API worker's ASSETS binding must find this
 * run's site worker, not another `wrangler dev` of the same name on the machine.
 */
export const DEV_REGISTRY = join(tmpdir(), `workshop-signup-bench-registry-${process.pid}`);
const ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_REGISTRY_PATH: DEV_REGISTRY,
};

/** Runs a wrangler command (asynchronously, so several can run side by side); its stdout. */
function wrangler(args: string[], what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRANGLER, ...args], { cwd: ROOT, env: ENV });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${what} failed:\n${stdout}\n${stderr}`)),
    );
  });
}

/** `wrangler d1 migrations apply DB --local`: the same path production uses. */
export async function applyMigrations(config: string, persistTo: string): Promise<void> {
  await wrangler(
    ['d1', 'migrations', 'apply', 'DB', '--local', '-c', config, '--persist-to', persistTo],
    `Migrating ${config}`,
  );
}

/** Runs SQL (a file, or one statement) on a local D1 and returns the last statement's rows. */
export async function d1Execute<T = Record<string, unknown>>(
  config: string,
  persistTo: string,
  sql: { file: string } | { command: string },
): Promise<T[]> {
  const what = 'file' in sql ? ['--file', sql.file] : ['--command', sql.command];
  let out: string;
  for (let attempt = 1; ; attempt++) {
    try {
      out = await wrangler(
        [
          'd1',
          'execute',
          'DB',
          '--local',
          '-c',
          config,
          '--persist-to',
          persistTo,
          '--json',
          ...what,
        ],
        `d1 execute on ${config}`,
      );
      break;
    } catch (error) {
      // The running worker may be writing (e.g. its mail queue's consumer after a rush): SQLite
      // answers SQLITE_BUSY to this second process. Wait and try again.
      if (attempt >= 10 || !String(error).includes('SQLITE_BUSY')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
  const results = JSON.parse(out) as { results: T[] }[];
  return results.at(-1)?.results ?? [];
}

export interface DevOptions {
  /** Shown in logs and errors. */
  name: string;
  config: string;
  persistTo?: string;
  vars?: Record<string, string>;
  /** Where wrangler's output goes (kept for diagnosis: reloads, errors). */
  logFile: string;
  /** A path that answers once the worker runs (any HTTP status counts as up). */
  readyPath?: string;
}

export interface Dev {
  name: string;
  url: string;
  /** The wrangler process (for CPU accounting, lib/cpu.ts). */
  pid: number;
  port: number;
  /** wrangler's output so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `wrangler dev` for `config` on a free port and waits until it answers. */
export async function startDev(options: DevOptions): Promise<Dev> {
  const port = await freePort();
  const inspectorPort = await freePort();
  const vars = Object.entries(options.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
  const persist = options.persistTo ? ['--persist-to', options.persistTo] : [];
  const child = spawn(
    process.execPath,
    [
      WRANGLER,
      'dev',
      '-c',
      options.config,
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
      '--show-interactive-dev-session=false',
      ...persist,
      ...vars,
    ],
    { cwd: dirname(options.config), env: ENV, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const log = createWriteStream(options.logFile);
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      output += chunk;
      if (!log.writableEnded) log.write(chunk);
    });
  }
  // 'close': the process has exited and its output has been read to the end.
  const closed = new Promise<void>((resolve) => child.once('close', () => log.end(resolve)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }
    await closed;
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${options.name}: wrangler dev exited:\n${output}`);
    try {
      const response = await fetch(url + (options.readyPath ?? '/'));
      await response.arrayBuffer();
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${options.name}: wrangler dev did not start within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { name: options.name, url, pid: child.pid!, port, output: () => output, stop };
}
