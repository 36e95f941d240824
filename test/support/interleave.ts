import type {
  D1Database,
  D1PreparedStatement,
  D1Result,
} from '@cloudflare/workers-types/experimental';

/**
 * The worker's own D1 database (the real one, through Miniflare), with a pause: the first time a
 * batch is about to run whose statements match `when` (by their SQL), `meanwhile` runs first, and
 * only then the batch. So a test can run the worker's code (a service, from Node) up to its write
 * and let a competing request (through the worker) happen in between, exactly there, every time.
 * `times`: pause before that many such batches, not only the first (a code path that retries);
 * `pauses()` says how many there were.
 */
export function pausedBefore(
  db: D1Database,
  when: (sql: string[]) => boolean,
  meanwhile: () => Promise<void>,
  times = 1,
): D1Database & { paused: () => boolean; pauses: () => number } {
  let pauses = 0;
  const sqlOf = new WeakMap<object, string>();
  const inner = new WeakMap<object, D1PreparedStatement>();
  const wrap = (statement: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const outer = {
      bind: (...values: unknown[]) => wrap(statement.bind(...values), sql),
      first: (column?: string) => (column ? statement.first(column) : statement.first()),
      all: () => statement.all(),
      run: () => statement.run(),
      raw: (options?: { columnNames?: boolean }) => statement.raw(options as never),
    } as unknown as D1PreparedStatement;
    sqlOf.set(outer, sql);
    inner.set(outer, statement);
    return outer;
  };
  const facade = {
    prepare: (sql: string) => wrap(db.prepare(sql), sql),
    batch: async <T>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> => {
      if (pauses < times && when(statements.map((s) => sqlOf.get(s) ?? ''))) {
        pauses++;
        await meanwhile();
      }
      return db.batch<T>(statements.map((s) => inner.get(s) ?? s));
    },
    exec: (sql: string) => db.exec(sql),
    dump: () => db.dump(),
    withSession: () => {
      throw new Error('not used by the worker');
    },
    paused: () => pauses > 0,
    pauses: () => pauses,
  };
  return facade as unknown as D1Database & { paused: () => boolean; pauses: () => number };
}

/** Whether one of the statements contains this SQL (whitespace-insensitive). */
export const hasSql = (fragment: string) => {
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  return (sql: string[]) => sql.some((s) => squash(s).includes(squash(fragment)));
};
