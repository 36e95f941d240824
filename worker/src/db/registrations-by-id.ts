import {
  registrationFromRow,
  SELECT_REGISTRATION,
  type Registration,
  type RegistrationRow,
} from './registrations';

/**
 * Ids per query: bound as one JSON array (D1 binds at most 100 values per statement, a JSON
 * array is one), and a page the mail jobs read at once stays well under D1's result limits.
 */
const IDS_PER_QUERY = 500;

/**
 * Registrations by id, as the mail jobs need them (`findRegistration`'s shape), in one query per
 * `IDS_PER_QUERY` ids instead of one per registration. Ids not found are absent from the map.
 */
export async function registrationsByIds(
  db: D1Database,
  ids: Iterable<string>,
): Promise<Map<string, Registration>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, Registration>();
  for (let i = 0; i < unique.length; i += IDS_PER_QUERY) {
    const { results } = await db
      .prepare(`${SELECT_REGISTRATION} WHERE r.id IN (SELECT value FROM json_each(?1))`)
      .bind(JSON.stringify(unique.slice(i, i + IDS_PER_QUERY)))
      .all<RegistrationRow>();
    for (const row of results) found.set(row.id, registrationFromRow(row));
  }
  return found;
}
