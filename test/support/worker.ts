import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { Miniflare, Response as MiniflareResponse } from 'miniflare';
import type { D1Database } from '@cloudflare/workers-types/experimental';
import { BRIDGE_WORKER, bridgeD1 } from './d1-bridge';
import { applyMigrations } from './migrations';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const ORIGIN = 'http://worker.test';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Bundled the way wrangler would: esbuild, workerd conditions. */
export const BUILD: BuildOptions = {
  absWorkingDir: ROOT,
  entryPoints: ['worker/src/index.ts'],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  conditions: ['workerd', 'worker', 'browser'],
  mainFields: ['module', 'main'],
  write: false,
  metafile: true,
};

/**
 * Every test file runs in a process of its own, so the bundle is kept on disk with a hash of each
 * file that went into it (the worker's sources, hono, zod) and rebuilt only when one changed.
 * One cache per checkout: git worktrees sharing one node_modules would otherwise evict each other.
 */
const CACHE = join(
  ROOT,
  'node_modules/.cache/workshop-signup',
  `worker-bundle-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.json`,
);

interface CachedBundle {
  options: string;
  inputs: Record<string, string>;
  code: string;
}

const hashOf = (path: string) =>
  createHash('sha256')
    .update(readFileSync(join(ROOT, path)))
    .digest('base64url');

function fromCache(options: string): string | undefined {
  try {
    const cached = JSON.parse(readFileSync(CACHE, 'utf8')) as CachedBundle;
    const fresh =
      cached.options === options &&
      Object.entries(cached.inputs).every(([path, hash]) => hashOf(path) === hash);
    return fresh ? cached.code : undefined;
  } catch {
    return undefined; // none yet, or an input is gone
  }
}

async function build(options: string): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build(BUILD);
  const code = result.outputFiles![0]!.text;
  const inputs = Object.fromEntries(
    Object.keys(result.metafile!.inputs).map((path) => [path, hashOf(path)]),
  );
  // Written aside and renamed: test files starting side by side may build at the same time.
  mkdirSync(join(CACHE, '..'), { recursive: true });
  const temporary = `${CACHE}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify({ options, inputs, code } satisfies CachedBundle));
  renameSync(temporary, CACHE);
  return code;
}

let bundled: Promise<string> | undefined;

/** The worker's bundle, built once per change of its inputs rather than once per test file. */
export function bundleWorker(): Promise<string> {
  const esbuild = JSON.parse(readFileSync(join(ROOT, 'node_modules/esbuild/package.json'), 'utf8'));
  const options = `esbuild ${esbuild.version} ${JSON.stringify(BUILD)}`;
  bundled ??= Promise.resolve(fromCache(options) ?? build(options));
  return bundled;
}

export interface TestWorker {
  /** A request to the worker; `path` is relative to its origin. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /**
   * The worker's own D1 database, for looking at what was stored: the real D1 binding in workerd,
   * reached through a bridge worker bound to the same database (see d1-bridge.ts).
   */
  db: D1Database;
  mf: Miniflare;
  /** Everything the worker wrote to stdout and stderr so far. */
  logs: () => string;
  /** What the worker was started with (e.g. the stand-in for the e-mail provider). */
  options: TestWorkerOptions;
  dispose(): Promise<void>;
}

export interface TestWorkerOptions {
  /**
   * Answers every outbound `fetch` the worker makes (e.g. to the HTTP e-mail provider). Without
   * it, outbound requests go to the network.
   */
  outbound?: (request: Request) => Response | Promise<Response>;
  /**
   * A Cloudflare Email Sending binding named EMAIL (Miniflare's local simulation), optionally
   * allowed to deliver only to these addresses.
   */
  sendEmail?: { allowedDestinations?: string[] };
  /**
   * The REGISTRATION_LIMITER Rate Limiting binding (Miniflare's local simulation: fixed windows
   * of `period` seconds, counted in memory). Without it the worker has no limiter.
   */
  registrationLimiter?: { limit: number; period: 10 | 60 };
  /**
   * Keep the D1 database in files under this directory (Miniflare's `d1Persist`) instead of in
   * memory, e.g. to look at what the files hold after an erasure.
   */
  persistTo?: string;
  /** A folder served as the worker's static assets, bound as ASSETS (as wrangler.jsonc does). */
  assets?: string;
  /**
   * The mail queue as wrangler.jsonc declares it (producer MAIL_QUEUE, the consumers with their
   * batch settings), run by Miniflare's local broker.
   */
  mailQueue?: boolean;
  /**
   * The Cache API (the public list's few-second cache). Off by default: most tests read the list
   * right after a change and check it shows the change, which the cache may not for a few seconds.
   */
  listCache?: boolean;
  /** Another bundle in the project worker's place (e.g. the benchmark's counting wrapper of it). */
  script?: string;
}

interface QueueConsumerConfig {
  queue: string;
  max_batch_size?: number;
  max_batch_timeout?: number;
  max_retries?: number;
  retry_delay?: number;
  dead_letter_queue?: string;
}

/**
 * wrangler.jsonc's queues, in Miniflare's terms (tests run with the settings production has).
 * TypeScript reads the JSONC; imported here only, since loading it costs every test process
 * about a second, and few workers have the queue.
 */
async function queuesFromWranglerConfig() {
  const { default: ts } = await import('typescript');
  const path = join(ROOT, 'wrangler.jsonc');
  const { config } = ts.parseConfigFileTextToJson(path, readFileSync(path, 'utf8')) as {
    config: {
      queues: {
        producers: { binding: string; queue: string }[];
        consumers: QueueConsumerConfig[];
      };
    };
  };
  return {
    queueProducers: Object.fromEntries(
      config.queues.producers.map((p) => [p.binding, { queueName: p.queue }]),
    ),
    queueConsumers: Object.fromEntries(
      config.queues.consumers.map((c) => [
        c.queue,
        {
          maxBatchSize: c.max_batch_size,
          maxBatchTimeout: c.max_batch_timeout,
          maxRetries: c.max_retries,
          retryDelay: c.retry_delay,
          deadLetterQueue: c.dead_letter_queue,
        },
      ]),
    ),
  };
}

const COMPATIBILITY_DATE = '2026-04-20';
const BRIDGE = 'd1-bridge';

/** The real worker in workerd with a fresh in-memory D1, migrations applied. */
export async function startTestWorker(
  bindings: Record<string, string | undefined> = {},
  options: TestWorkerOptions = {},
): Promise<TestWorker> {
  const logs: string[] = [];
  const { outbound, sendEmail, registrationLimiter, persistTo, assets, mailQueue, listCache } =
    options;
  const databaseId = crypto.randomUUID();
  const mf = new Miniflare({
    // Miniflare would download its sample `Request.cf` data; tests call nobody, and read no cf.
    cf: false,
    // The cron is run through a request (/cdn-cgi/handler/scheduled): `getWorker()`'s proxy
    // costs each worker about half a second to set up, and its synchronous calls are the ones
    // that now and then lose an answer under load (fetch-sync.ts).
    unsafeTriggerHandlers: true,
    ...(persistTo && { d1Persist: persistTo }),
    // Keep what the worker logs, so tests can check it carries no personal data.
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      for (const stream of [stdout, stderr])
        stream.on('data', (chunk: Buffer) => logs.push(String(chunk)));
    },
    workers: [
      {
        // First, so requests, `getWorker()` and the cron go to it, as before.
        name: 'worker',
        modules: true,
        script: options.script ?? (await bundleWorker()),
        compatibilityDate: COMPATIBILITY_DATE,
        d1Databases: { DB: databaseId },
        cache: listCache ?? false,
        // Development by default: the outbox transport (the row is the message) exists only there.
        // A binding given as undefined is left out.
        bindings: Object.fromEntries(
          Object.entries({ ADMIN_TOKEN, ENVIRONMENT: 'development', ...bindings }).filter(
            (entry): entry is [string, string] => entry[1] !== undefined,
          ),
        ),
        ...(sendEmail && {
          email: {
            send_email: [
              {
                name: 'EMAIL',
                ...(sendEmail.allowedDestinations && {
                  allowed_destination_addresses: sendEmail.allowedDestinations,
                }),
              },
            ],
          },
        }),
        // As wrangler sets it up: the worker answers whatever is not a file.
        ...(assets && {
          assets: { directory: assets, binding: 'ASSETS', routerConfig: { has_user_worker: true } },
        }),
        ...(mailQueue && (await queuesFromWranglerConfig())),
        ...(registrationLimiter && {
          ratelimits: { REGISTRATION_LIMITER: { simple: registrationLimiter } },
        }),
        ...(outbound && {
          // Miniflare hands over its own Request and wants its own Response back.
          outboundService: async (request: unknown) => {
            const response = await outbound(request as Request);
            const headers: Record<string, string> = {};
            response.headers.forEach((value, name) => (headers[name] = value));
            return new MiniflareResponse(await response.arrayBuffer(), {
              status: response.status,
              headers,
            });
          },
        }),
      },
      {
        // The tests' way into the same database (no route: only its own socket reaches it).
        name: BRIDGE,
        modules: true,
        script: BRIDGE_WORKER,
        compatibilityDate: COMPATIBILITY_DATE,
        d1Databases: { DB: databaseId },
        unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }],
      },
    ],
  });
  const db = bridgeD1(await mf.unsafeGetDirectURL(BRIDGE));
  await applyMigrations(db);
  return {
    db,
    mf,
    logs: () => logs.join(''),
    fetch: async (path, init) =>
      (await mf.dispatchFetch(new URL(path, ORIGIN), init as never)) as unknown as Response,
    options,
    dispose: () => mf.dispose(),
  };
}

/** JSON request helpers for tests. */
export const json = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export const asAdmin = (init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${ADMIN_TOKEN}` },
});
