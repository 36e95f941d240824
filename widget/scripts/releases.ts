import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * A build's version: the first 16 hex digits of the SHA-384 of its bytes. It names the build's
 * immutable URL, `/v/<version>/workshop-signup.js`, and its file in widget/releases/.
 */
export const versionOf = (bytes: Uint8Array): string =>
  createHash('sha384').update(bytes).digest('hex').slice(0, 16);

/** The Subresource Integrity hash a host page pins the build with. */
export const integrityOf = (bytes: Uint8Array): string =>
  `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** Where released builds are kept, one `<version>.js` each: committed, never edited. */
export const RELEASES = new URL('../releases/', import.meta.url);

export interface Release {
  version: string;
  bytes: Buffer;
}

/**
 * Every release kept in `dir`. A deploy replaces all static assets, so a page that pinned an
 * earlier build (its URL and integrity hash) keeps working only if that build is deployed again
 * with each later one: these are. A file whose bytes do not hash to its name is refused, because
 * a page pinning that version would be refused the script by its browser.
 */
export function readReleases(dir: URL = RELEASES): Release[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => {
      const bytes = readFileSync(new URL(file, dir));
      const version = versionOf(bytes);
      if (file !== `${version}.js`) {
        throw new Error(
          `widget/releases/${file}: its bytes are version ${version}, not ${file.slice(0, -3)}. ` +
            'A release is never edited: restore it, or remove it if no page pins it.',
        );
      }
      return { version, bytes };
    });
}
