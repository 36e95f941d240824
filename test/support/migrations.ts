import type { D1Database } from '@cloudflare/workers-types/experimental';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MIGRATIONS_DIR = new URL('../../worker/migrations/', import.meta.url).pathname;

/**
 * Splits a migration file into statements the way `wrangler d1 migrations apply` does for our
 * files: statements end with `;` at the end of a line, and a trigger body runs to its `END;`.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  let inTrigger = false;
  for (const line of sql.split('\n')) {
    const trimmed = line.trim();
    if (current.length === 0 && (trimmed === '' || trimmed.startsWith('--'))) continue;
    current.push(line);
    if (/^CREATE\s+TRIGGER\b/i.test(trimmed)) inTrigger = true;
    const ends = inTrigger ? /^END\s*;$/i.test(trimmed) : trimmed.endsWith(';');
    if (ends) {
      statements.push(current.join('\n'));
      current = [];
      inTrigger = false;
    }
  }
  if (current.some((l) => l.trim() !== '' && !l.trim().startsWith('--'))) {
    throw new Error(`Unterminated statement: ${current.join('\n')}`);
  }
  return statements;
}

/**
 * Applies every migration in order (or those `only` keeps), each file as one batch (one
 * transaction).
 */
export async function applyMigrations(
  db: D1Database,
  only: (file: string) => boolean = () => true,
): Promise<void> {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql') && only(f))
    .sort();
  for (const file of files) {
    const statements = splitStatements(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'));
    await db.batch(statements.map((s) => db.prepare(s)));
  }
}
