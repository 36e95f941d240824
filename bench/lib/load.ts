import { Agent, request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/**
 * A small closed-loop load generator on node:http (keep-alive, a fixed number of connections),
 * lighter on the CPU than fetch: on two cores the generator competes with workerd, so it must
 * cost as little as possible and exactly the same for every worker it drives.
 */

export interface Sample {
  /** Response time in ms (until the last body byte). */
  ms: number;
  /** HTTP status; 0 when the request failed on the network (reset, refused, timeout). */
  status: number;
}

export interface Reply extends Sample {
  /** The body, kept only when asked for (`keepBody`) or for a 5xx / network failure. */
  body?: string;
}

export interface RequestSpec {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  keepBody?: boolean;
  /** Give up after this long (a network failure, status 0). Default 60 s. */
  timeoutMs?: number;
}

/** What a browser asks for; workerd compresses JSON when asked, and that work is part of a reply. */
const ACCEPT_ENCODING = 'gzip, deflate, br';

const TIMEOUT_MS = 60_000;

/** The body as text, uncompressed (only for the replies whose body is kept). */
function decode(bytes: Buffer, encoding: string | undefined): string {
  try {
    if (encoding === 'gzip') return gunzipSync(bytes).toString();
    if (encoding === 'br') return brotliDecompressSync(bytes).toString();
    if (encoding === 'deflate') return inflateSync(bytes).toString();
  } catch (error) {
    return `undecodable ${encoding} body: ${String(error)}`;
  }
  return bytes.toString();
}

export function keepAliveAgent(connections: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
}

/** One request; never throws: a network failure is a Reply with status 0. */
export function send(base: string, agent: Agent, spec: RequestSpec): Promise<Reply> {
  const url = new URL(spec.path, base);
  const start = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (reply: Omit<Reply, 'ms'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...reply, ms: performance.now() - start });
    };
    const req = httpRequest(
      url,
      {
        method: spec.method ?? 'GET',
        agent,
        headers: {
          'accept-encoding': ACCEPT_ENCODING,
          ...(spec.body === undefined
            ? {}
            : {
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(spec.body),
              }),
          ...spec.headers,
        },
        timeout: spec.timeoutMs ?? TIMEOUT_MS,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const keep = spec.keepBody || status >= 500;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => keep && chunks.push(chunk));
        res.on('end', () =>
          done({
            status,
            body: keep ? decode(Buffer.concat(chunks), res.headers['content-encoding']) : undefined,
          }),
        );
        res.on('error', (error) => done({ status: 0, body: String(error) }));
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`timeout after ${spec.timeoutMs ?? TIMEOUT_MS} ms`)),
    );
    req.on('error', (error) => done({ status: 0, body: String(error) }));
    req.end(spec.body);
  });
}

export interface Throughput {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Replies that were not 2xx (network failures included). */
  failed: number;
  statuses: Record<string, number>;
}

/** Nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function countStatuses(samples: readonly Sample[]): Record<string, number> {
  const statuses: Record<string, number> = {};
  for (const s of samples) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  return statuses;
}

export function summarize(samples: readonly Sample[], seconds: number): Throughput {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    requests: samples.length,
    seconds,
    perSecond: samples.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    failed: samples.filter((s) => s.status < 200 || s.status >= 300).length,
    statuses: countStatuses(samples),
  };
}

/**
 * `concurrency` loops each sending `spec` back to back on their own keep-alive connection for
 * `seconds`; the replies of the first `warmupSeconds` are not counted (connections, JIT, caches).
 */
export async function closedLoop(
  base: string,
  spec: RequestSpec,
  options: { concurrency: number; seconds: number; warmupSeconds: number },
  /** Called when the measured window opens and closes (e.g. to read CPU counters). */
  window?: { open(): void; close(): void },
): Promise<{ samples: Sample[]; seconds: number }> {
  const agent = keepAliveAgent(options.concurrency);
  const samples: Sample[] = [];
  const t0 = performance.now();
  const measureFrom = t0 + options.warmupSeconds * 1000;
  const end = measureFrom + options.seconds * 1000;
  if (window) {
    setTimeout(() => window.open(), measureFrom - t0);
    setTimeout(() => window.close(), end - t0);
  }
  const loop = async () => {
    while (performance.now() < end) {
      const sentAt = performance.now();
      const reply = await send(base, agent, spec);
      // Only requests sent and answered inside the window count, so the rate is not inflated.
      if (sentAt >= measureFrom && performance.now() <= end) samples.push(reply);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  agent.destroy();
  return { samples, seconds: options.seconds };
}
