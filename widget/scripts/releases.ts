import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A build's version: the first 16 hex digits of the SHA-384 of its bytes. It names the build's
 * immutable URL, `/v/<version>/workshop-signup.js`, and its file in widget/releases/.
 */
export const versionOf = (bytes: Uint8Array): string =>
  createHash('sha384').update(bytes).digest('hex').slice(0, 16);

/** The Subresource Integrity hash a host page pins the build with. */
export const integrityOf = (bytes: Uint8Array): string =>
  `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** Where released builds are kept: `<version>.js` each, and their order in `releases.json`. */
export const RELEASES = new URL('../releases/', import.meta.url);

/** The releases in the order they were made: `releases.json`. */
export const INDEX = 'releases.json';

export interface Release {
  version: string;
  /** The day it was released (UTC), for the people who decide when one may go. */
  released: string;
  bytes: Buffer;
}

type Entry = Omit<Release, 'bytes'>;

/**
 * Every release kept in `dir`, oldest first. A deploy replaces all static assets, so a page that
 * pinned an earlier build (its URL and integrity hash) keeps working only if that build is
 * deployed again with each later one: these are. Refused: a file whose bytes do not hash to its
 * name (a page pinning that version would be refused the script by its browser), and a file the
 * index does not list or an entry without its file (a release half kept or half removed).
 */
export function readReleases(dir: URL = RELEASES): Release[] {
  if (!existsSync(dir)) return [];
  const where = (name: string) => relative(process.cwd(), fileURLToPath(new URL(name, dir)));
  const index = new URL(INDEX, dir);
  const entries: Entry[] = existsSync(index) ? JSON.parse(readFileSync(index, 'utf8')) : [];
  const files = readdirSync(dir).filter((file) => file.endsWith('.js'));
  for (const file of files) {
    if (!entries.some((e) => `${e.version}.js` === file)) {
      throw new Error(
        `${where(file)} is not listed in ${where(INDEX)}: add its entry to releases.json (npm run release:widget does, for the current build) or delete the file.`,
      );
    }
  }
  return entries.map(({ version, released }) => {
    const file = `${version}.js`;
    if (!files.includes(file))
      throw new Error(`${where(INDEX)} lists ${version}, but ${where(file)} is missing.`);
    const bytes = readFileSync(new URL(file, dir));
    const actual = versionOf(bytes);
    if (actual !== version) {
      throw new Error(
        `${where(file)}: its bytes are version ${actual}, not ${version}. ` +
          'A release is never edited: restore it, or remove it (and its entry) if no page pins it.',
      );
    }
    return { version, released, bytes };
  });
}
