import { request } from 'node:http';
import type {
  D1Database,
  D1ExecResult,
  D1PreparedStatement,
  D1Result,
} from '@cloudflare/workers-types/experimental';

/**
 * The tests' own way into the worker's D1 database: one HTTP round trip per query.
 *
 * Miniflare's `getD1Database()` proxy makes several synchronous calls per query (prepare, bind,
 * then the query), each through a worker thread and `Atomics.wait`: about 35 ms a query here,
 * and now and then it loses an answer under load (`false == true` in fetch-sync.ts). Instead,
 * a second, tiny worker runs in the same Miniflare, bound to the SAME D1 database, and runs each
 * call the tests make on the real D1 binding in workerd: `BRIDGE_WORKER` is that worker, and
 * `bridgeD1()` is a `D1Database` that sends it one request per query (or batch).
 */

/** What the bridge is asked to do: one statement run one way, a batch, or `exec`/`dump`. */
export type BridgeCall =
  | { op: 'first'; statement: WireStatement; column?: string }
  | { op: 'all' | 'run'; statement: WireStatement }
  | { op: 'raw'; statement: WireStatement; columnNames: boolean }
  | { op: 'batch'; statements: WireStatement[] }
  | { op: 'exec'; sql: string }
  | { op: 'dump' };

/** A statement on the wire; values are tagged so bytes and `undefined` survive JSON. */
export interface WireStatement {
  sql: string;
  /** Left out when the statement was never bound (D1 tells "never bound" from "bound to none"). */
  params?: WireValue[];
}
type WireValue = ['v', unknown] | ['u'] | ['b', string];

/**
 * The bridge worker (plain JavaScript: Miniflare runs it as it is). Results and errors go back
 * as JSON; bytes (BLOB values, `dump()`) as `{ "$bytes": base64 }`.
 */
export const BRIDGE_WORKER = /* js */ `
const fromBase64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0)).buffer;
const toBase64 = (bytes) => {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s);
};
const value = ([tag, v]) => (tag === 'u' ? undefined : tag === 'b' ? fromBase64(v) : v);
const statement = (db, { sql, params }) =>
  params ? db.prepare(sql).bind(...params.map(value)) : db.prepare(sql);
const bytes = (_, v) =>
  v instanceof ArrayBuffer || ArrayBuffer.isView(v)
    ? { $bytes: toBase64(ArrayBuffer.isView(v) ? v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength) : v) }
    : v;
async function run(db, call) {
  switch (call.op) {
    case 'first':
      return call.column === undefined
        ? statement(db, call.statement).first()
        : statement(db, call.statement).first(call.column);
    case 'all': return statement(db, call.statement).all();
    case 'run': return statement(db, call.statement).run();
    case 'raw': return statement(db, call.statement).raw({ columnNames: call.columnNames });
    case 'batch': return db.batch(call.statements.map((s) => statement(db, s)));
    case 'exec': return db.exec(call.sql);
    case 'dump': return db.dump();
  }
  throw new Error('unknown bridge call ' + call.op);
}
export default {
  async fetch(request, env) {
    try {
      const result = await run(env.DB, await request.json());
      return new Response(JSON.stringify({ result: result ?? null }, bytes));
    } catch (error) {
      const cause = error?.cause;
      return new Response(JSON.stringify({
        error: { name: error?.name, message: String(error?.message ?? error), cause: cause && { name: cause.name, message: String(cause.message ?? cause) } },
      }));
    }
  },
};
`;

const toWire = (value: unknown): WireValue => {
  if (value === undefined) return ['u'];
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const view = ArrayBuffer.isView(value)
      ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
      : Buffer.from(value);
    return ['b', view.toString('base64')];
  }
  return ['v', value];
};

const fromWire = (_: string, value: unknown) => {
  if (typeof value === 'object' && value !== null && '$bytes' in value) {
    const bytes = Buffer.from((value as { $bytes: string }).$bytes, 'base64');
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  return value;
};

interface BridgeError {
  name?: string;
  message: string;
  cause?: { name?: string; message: string };
}

/** An error as D1 threw it in the bridge: same name and message, and its cause. */
function rethrown({ name, message, cause }: BridgeError): Error {
  const error = new Error(
    message,
    cause && { cause: Object.assign(new Error(cause.message), { name: cause.name }) },
  );
  if (name) error.name = name;
  return error;
}

/** A `D1Database` whose every query is one request to the bridge worker at `url`. */
export function bridgeD1(url: URL): D1Database {
  // Node's own client, a few times quicker here than `fetch` (undici), on a new connection each
  // time: as quick on loopback as a kept-alive one, and never one workerd closed meanwhile
  // (a kept-alive socket reused just as workerd drops it fails with "socket hang up").
  const send = (call: BridgeCall) =>
    new Promise<unknown>((resolve, reject) => {
      const body = JSON.stringify(call);
      const req = request(
        url,
        { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            try {
              const answer = JSON.parse(Buffer.concat(chunks).toString('utf8'), fromWire) as
                { result: unknown } | { error: BridgeError };
              if ('error' in answer) reject(rethrown(answer.error));
              else resolve(answer.result);
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  const wire = new WeakMap<object, WireStatement>();
  const statement = (wired: WireStatement): D1PreparedStatement => {
    const prepared = {
      bind: (...values: unknown[]) => statement({ sql: wired.sql, params: values.map(toWire) }),
      first: (column?: string) =>
        send(
          column === undefined
            ? { op: 'first', statement: wired }
            : { op: 'first', statement: wired, column },
        ),
      all: () => send({ op: 'all', statement: wired }),
      run: () => send({ op: 'run', statement: wired }),
      raw: (options?: { columnNames?: boolean }) =>
        send({ op: 'raw', statement: wired, columnNames: options?.columnNames ?? false }),
    };
    wire.set(prepared, wired);
    return prepared as unknown as D1PreparedStatement;
  };

  const db = {
    prepare: (sql: string) => statement({ sql }),
    batch: async <T>(statements: D1PreparedStatement[]) => {
      const wired = statements.map((s) => wire.get(s));
      if (wired.some((s) => s === undefined))
        throw new TypeError('batch() takes statements prepared on this database');
      return (await send({ op: 'batch', statements: wired as WireStatement[] })) as D1Result<T>[];
    },
    exec: async (sql: string) => (await send({ op: 'exec', sql })) as D1ExecResult,
    dump: async () => (await send({ op: 'dump' })) as ArrayBuffer,
    withSession: () => {
      throw new Error('withSession() is not offered to tests (the worker does not use it)');
    },
  };
  return db as unknown as D1Database;
}
