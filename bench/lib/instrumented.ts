import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join } from 'node:path';
import { ROOT } from './wrangler';

// TypeScript's JSON parser reads JSONC (comments, trailing commas) like wrangler does.
const ts = createRequire(import.meta.url)('typescript') as typeof import('typescript');

const absolute = (path: string) => (isAbsolute(path) ? path : join(ROOT, path));

/**
 * Writes the wrangler config of the counting worker (bench/instrumented) into `dir`: the root
 * wrangler.jsonc with only the name and `main` replaced and its paths made absolute, so it has
 * every binding the project has, today and after the next change to wrangler.jsonc.
 */
export function writeInstrumentedConfig(dir: string): string {
  const source = join(ROOT, 'wrangler.jsonc');
  const { config, error } = ts.parseConfigFileTextToJson(source, readFileSync(source, 'utf8'));
  if (error || !config) throw new Error(`Cannot read ${source}`);
  delete config.$schema;
  config.name = `${config.name}-bench-instrumented`;
  config.main = join(ROOT, 'bench/instrumented/index.ts');
  if (config.assets?.directory) config.assets.directory = absolute(config.assets.directory);
  for (const db of config.d1_databases ?? []) {
    if (db.migrations_dir) db.migrations_dir = absolute(db.migrations_dir);
  }
  const path = join(dir, 'wrangler.json');
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}
