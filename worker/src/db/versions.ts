/**
 * A series' or workshop's version is its `updated_at` (no migration: the column was there). It is
 * what an organizer's edit is checked against, so it must move on every change of the row, even
 * two in one millisecond or with a clock that went back: the next version is `now` or, if the row
 * is already there or later, one past it. Every UPDATE of those rows sets it with these clauses.
 */

/** SET clause: the version moves on. `now` names the statement's parameter (e.g. `?2`). */
export const nextVersion = (now: string) => `updated_at = MAX(${now}, updated_at + 1)`;

/**
 * SET clause for a change made on the strength of version `expected` (a parameter name): the
 * version moves on if the row is still at `expected`; otherwise it becomes NULL, which the
 * column's NOT NULL refuses, so the statement fails and D1 rolls the whole batch back — the
 * change, its audit entry and the notices it queued. A stale edit changes nothing.
 */
export const checkedVersion = (now: string, expected: string) =>
  `updated_at = CASE WHEN updated_at = ${expected} THEN MAX(${now}, updated_at + 1) END`;

/** Whether a batch failed because a `checkedVersion` found the row changed meanwhile. */
export const isStaleVersion = (error: unknown, table: 'workshops' | 'series') =>
  error instanceof Error &&
  error.message.includes(`NOT NULL constraint failed: ${table}.updated_at`);
