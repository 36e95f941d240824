/** What code asked of D1, as the counting binding (bench/instrumented/counting-d1.ts) tallies it. */
export interface D1Tally {
  /** Calls that went to the database: first/all/run/raw, batch, exec. */
  roundTrips: number;
  /** Statements they carried (a batch of five counts five). */
  statements: number;
}

export const emptyTally = (): D1Tally => ({ roundTrips: 0, statements: 0 });

export function addTally(into: D1Tally, from: D1Tally): void {
  into.roundTrips += from.roundTrips;
  into.statements += from.statements;
}
