import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WRANGLER = fileURLToPath(
  new URL('../node_modules/wrangler/bin/wrangler.js', import.meta.url),
);

/**
 * Everything here must work offline and call nobody: no telemetry; no banner, whose update check
 * asks npm for a newer wrangler (this project pins it); and no download of Miniflare's sample
 * `Request.cf` data from workers.cloudflare.com, which offline prints a stack trace.
 */
export const WRANGLER_ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  CI: process.env.CI ?? '',
};

export interface DevServerOptions {
  port: number;
  /** Where local D1 lives; default .wrangler/state. Tests pass a temporary folder. */
  persistTo?: string;
  /** Extra worker variables (tests pass ADMIN_TOKEN here instead of .dev.vars). */
  vars?: Record<string, string>;
  /** Print wrangler's output (npm start) or keep it for failures only (tests). */
  inheritOutput?: boolean;
  /**
   * The devtools port; default the first free one from 9229, which wrangler instances started at
   * the same moment (tests side by side) may both pick.
   */
  inspectorPort?: number;
}

export interface DevServer {
  url: string;
  process: ChildProcess;
  /** Resolves once wrangler has printed nothing for `ms` (its log of requests trails them). */
  quiet(ms?: number): Promise<void>;
  stop(): Promise<void>;
}

const persistArgs = (persistTo?: string) => (persistTo ? ['--persist-to', persistTo] : []);

/**
 * Passes wrangler's output on without its hint to trigger crons at /cdn-cgi/handler/scheduled,
 * which a worker with static assets never receives (npm start prints the way that works).
 */
function withoutCronHint(write: (text: string) => void): (chunk: Buffer) => void {
  let rest = '';
  let dropping: 'nothing' | 'the hint' | 'blank lines after it' = 'nothing';
  return (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      const plain = stripVTControlCharacters(line).trim();
      if (plain.includes('Scheduled Workers are not automatically triggered')) {
        dropping = 'the hint';
      } else if (dropping === 'the hint' && plain.includes('#test-cron-triggers-locally')) {
        dropping = 'blank lines after it';
        continue;
      } else if (dropping === 'blank lines after it' && plain !== '') {
        dropping = 'nothing';
      }
      if (dropping === 'nothing') write(`${line}\n`);
    }
  };
}

const colours = () => (process.stdout.isTTY ? { FORCE_COLOR: '1' } : {});

/**
 * `wrangler d1 migrations apply` against the local database: the same path production uses.
 * Asynchronous, so that tests start their browser meanwhile.
 */
export function applyLocalMigrations(persistTo?: string): Promise<void> {
  const child = spawn(
    process.execPath,
    [WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--local', ...persistArgs(persistTo)],
    { cwd: ROOT, env: WRANGLER_ENV, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`Applying migrations failed:\n${output}`)),
    );
  });
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
      ...(options.inspectorPort ? ['--inspector-port', String(options.inspectorPort)] : []),
      ...persistArgs(options.persistTo),
      ...vars,
    ],
    // Piped, not inherited, so that npm start can leave out the cron hint; colours stay on a terminal.
    {
      cwd: ROOT,
      env: { ...WRANGLER_ENV, ...(options.inheritOutput && colours()) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // Kept until the server is up, to explain a failed start.
  let output: string | undefined = '';
  let lastOutputAt = Date.now();
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    from.on('data', (chunk) => {
      lastOutputAt = Date.now();
      if (output !== undefined) output += chunk;
    });
    if (options.inheritOutput) {
      from.on(
        'data',
        withoutCronHint((text) => to.write(text)),
      );
    }
  }

  const url = `http://127.0.0.1:${options.port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`wrangler dev exited early:\n${output}`);
    }
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
  output = undefined;
  const quiet = async (ms = 300) => {
    while (Date.now() - lastOutputAt < ms) await new Promise((r) => setTimeout(r, 50));
  };
  return { url, process: child, quiet, stop };
}
