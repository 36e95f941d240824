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

/** Commits a batch holding a version check (db/versions.ts): a stale version is `editConflict()`. */
export async function commitChecked<T>(
  table: 'workshops' | 'series',
  commit: () => Promise<T>,
): Promise<T> {
  try {
    return await commit();
  } catch (error) {
    throw isStaleVersion(error, table) ? editConflict() : error;
  }
}
