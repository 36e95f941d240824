/**
 * npm run release:widget — keeps the current build of the widget in widget/releases/, so that
 * every later deploy still serves it at `/v/<version>/workshop-signup.js` for the pages that
 * pinned it, and the admin page's pinned snippet names it (README, _Embedding_). Run it for each
 * build you deploy, and commit what it writes. Run again after an interruption, it completes the
 * release (its file, or its entry) instead of refusing it as half kept.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { BUNDLE } from './bundle-size';
import { INDEX, RELEASES, integrityOf, readReleases, versionOf } from './releases';

const bytes = readFileSync(BUNDLE);
const version = versionOf(bytes);
const file = new URL(`${version}.js`, RELEASES);
const index = new URL(INDEX, RELEASES);
mkdirSync(RELEASES, { recursive: true });

const entries: { version: string; released: string }[] = existsSync(index)
  ? JSON.parse(readFileSync(index, 'utf8'))
  : [];
const listed = entries.some((e) => e.version === version);
// The file first, then the index (written whole, then renamed over the old one).
if (!existsSync(file)) writeFileSync(file, bytes);
if (!listed) {
  entries.push({ version, released: new Date().toISOString().slice(0, 10) });
  const next = new URL(`${INDEX}.next`, RELEASES);
  writeFileSync(next, `${JSON.stringify(entries, null, 2)}\n`);
  renameSync(next, index);
}
// Every release, this one included, as the build will read them (an edited one is refused).
readReleases();
console.log(
  listed
    ? `widget/releases/${version}.js is kept already.`
    : `widget/releases/${version}.js kept (${integrityOf(bytes)}): commit it and ${INDEX}.`,
);
