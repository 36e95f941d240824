import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The built widget, as a host page downloads it. */
export const BUNDLE = fileURLToPath(new URL('../../dist/site/workshop-signup.js', import.meta.url));

/** The budget for the gzipped bundle, Lit and both languages included (issue 4). */
export const GZIP_BUDGET_BYTES = 20 * 1024;

export interface BundleSize {
  raw: number;
  gzip: number;
  brotli: number;
}

/** Bytes of the bundle raw, gzipped (level 9, as servers precompress) and brotli (quality 11). */
export function bundleSize(path = BUNDLE): BundleSize {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
}
