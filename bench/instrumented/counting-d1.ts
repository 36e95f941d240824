/**
 * A D1 binding that counts what the code above it asks of the database, for the benchmark only.
 * It forwards every call unchanged to the real binding and tallies, per call that reaches D1:
 * one round trip and the statements it carried (a batch carries several). No timing: workerd's
 * clock stands still while JavaScript runs, so a "D1 wait" measured here would include the CPU
 * work before the call.
 */
export { addTally, emptyTally, type D1Tally } from '../lib/d1-tally';

type Sink = (statements: number) => void;

/**
 * Counts a call when it settles (it reached D1 whether or not it failed). A call still running
 * when the response goes out (started in waitUntil) so counts as after the response.
 */
async function tally<T>(sink: Sink, statements: number, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } finally {
    sink(statements);
  }
}

const REAL = Symbol('real statement');

type Counted = D1PreparedStatement & { [REAL]: D1PreparedStatement };

function countStatement(real: D1PreparedStatement, sink: Sink): D1PreparedStatement {
  const statement = {
    [REAL]: real,
    bind: (...values: unknown[]) => countStatement(real.bind(...values), sink),
    first: (column?: string) =>
      tally(sink, 1, () => (column === undefined ? real.first() : real.first(column))),
    all: () => tally(sink, 1, () => real.all()),
    run: () => tally(sink, 1, () => real.run()),
    raw: (options?: { columnNames?: boolean }) =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw()'s overloads
      tally(sink, 1, () => real.raw(options as any)),
  };
  return statement as unknown as Counted;
}

/** A batch must get the real statements back. */
const unwrap = (statement: D1PreparedStatement) =>
  (statement as Partial<Counted>)[REAL] ?? statement;

/** Wraps `db` so that every call through it is reported to `sink`. */
export function countingD1(db: D1Database, sink: Sink): D1Database {
  const database = {
    prepare: (sql: string) => countStatement(db.prepare(sql), sink),
    batch: (statements: D1PreparedStatement[]) =>
      tally(sink, statements.length, () => db.batch(statements.map(unwrap))),
    exec: (sql: string) => tally(sink, 1, () => db.exec(sql)),
    dump: () => tally(sink, 1, () => db.dump()),
    withSession: (constraint?: string) => {
      const session = db.withSession(constraint);
      return {
        prepare: (sql: string) => countStatement(session.prepare(sql), sink),
        batch: (statements: D1PreparedStatement[]) =>
          tally(sink, statements.length, () => session.batch(statements.map(unwrap))),
        getBookmark: () => session.getBookmark(),
      };
    },
  };
  return database as unknown as D1Database;
}
