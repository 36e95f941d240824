import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join } from 'node:path';
import { ROOT } from './wrangler';

// TypeScript's JSON parser reads JSONC (comments, trailing commas) like wrangler does.
const ts = createRequire(import.meta.url)('typescript') as typeof import('typescript');

/**
 * Writes into `dir` the config of a second reference: bench/reference/hello behind the project's
 * own `assets` block (read from wrangler.jsonc, so it stays the same config), with nothing else
 * of the project. It shows what the assets router in front of a worker costs on this runtime; the
 * headline ratio stays against plain hello world.
 */
export function writeHelloAssetsConfig(dir: string): string {
  const read = (path: string) => {
    const { config, error } = ts.parseConfigFileTextToJson(path, readFileSync(path, 'utf8'));
    if (error || !config) throw new Error(`Cannot read ${path}`);
    return config;
  };
  const hello = read(join(ROOT, 'bench/reference/hello/wrangler.jsonc'));
  const { assets } = read(join(ROOT, 'wrangler.jsonc'));
  delete hello.$schema;
  hello.name = `${hello.name}-assets`;
  hello.main = join(ROOT, 'bench/reference/hello', hello.main);
  hello.assets = {
    ...assets,
    directory: isAbsolute(assets.directory) ? assets.directory : join(ROOT, assets.directory),
  };
  const path = join(dir, 'hello-assets.json');
  writeFileSync(path, JSON.stringify(hello, null, 2));
  return path;
}
