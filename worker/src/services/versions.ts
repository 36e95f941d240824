import { isStaleVersion } from '../db/versions';
import { ApiError } from '../http/errors';

/**
 * An organizer's edit made on an outdated copy: the record changed after they read it (another
 * organizer's edit in another tab, a cancellation, a seat added by hand). Nothing was saved.
 */
export const editConflict = () =>
  new ApiError(
    412,
    'edit_conflict',
    'It was changed after your copy was read; nothing was saved. Read it again and redo the change.',
  );

/**
 * The edit's write lost to another change that landed between its read and its write (the
 * version check in its batch failed): the same answer as editConflict(), but only this one is
 * worth another read and try. A precondition the request fails on a fresh read (`If-Match: *` on
 * a record that does not exist) is its own answer, and is not tried again.
 */
class LostRace extends ApiError {}

/**
 * How many times a blind edit (no `If-Match`) reads and writes: each lost try means another
 * change of the record landed between its read and its write.
 */
export const BLIND_TRIES = 4;

/**
 * An organizer's edit made on the version `attempt` reads, its write checked against that read
 * (db/versions.ts `checkedVersion`), so what it computed from the read (the fields it changed,
 * the notices it queued) stays true. `pinned` (an `If-Match` naming the version the organizer
 * saw): a lost race is their conflict, 412 at once. Blind (no `If-Match`, or `*`): the client
 * asked for no particular version, so `attempt` reads again and retries; after BLIND_TRIES lost
 * races in a row it gives up with the same 412, having changed nothing.
 *
 * Each retry first waits a random moment, up to 40, 80, then 160 ms: writers that lost together
 * and retried at once met again in the same race. Eight scripts each changing a different field
 * at once (test/worker/blind-edits.test.ts): with three immediate tries 4 to 7 of the 8 landed
 * (eight runs), so the rest gave up though nobody had written their field; with these waits and
 * four tries all 8 landed in eight runs of eight.
 */
export async function onTheVersionRead<T>(pinned: boolean, attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof LostRace) || pinned) throw error;
      if (tries === BLIND_TRIES) throw blindEditLost();
    }
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 40 * 2 ** (tries - 1)));
  }
}

/** A blind edit that lost every try: the same code, in words for a script that read nothing. */
const blindEditLost = () =>
  new ApiError(
    412,
    'edit_conflict',
    `Other changes landed while this one was being saved, ${BLIND_TRIES} times; nothing was saved. Send it again.`,
  );

/** Commits a batch holding a version check (db/versions.ts): a stale version is `editConflict()`. */
export async function commitChecked<T>(
  table: 'workshops' | 'series',
  commit: () => Promise<T>,
): Promise<T> {
  try {
    return await commit();
  } catch (error) {
    if (!isStaleVersion(error, table)) throw error;
    const { status, code, message } = editConflict();
    throw new LostRace(status, code, message);
  }
}
