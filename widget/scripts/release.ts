/**
 * npm run release:widget — keeps the current build of the widget in widget/releases/, so that
 * every later deploy still serves it at `/v/<version>/workshop-signup.js` for the pages that
 * pinned it, and the admin page's pinned snippet names it (README, _Embedding_). Run it for each
 * build you deploy, and commit what it writes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { BUNDLE } from './bundle-size';
import { INDEX, RELEASES, integrityOf, readReleases, versionOf } from './releases';

const bytes = readFileSync(BUNDLE);
const version = versionOf(bytes);
const kept = readReleases();
if (kept.some((r) => r.version === version)) {
  console.log(`widget/releases/${version}.js is kept already.`);
} else {
  mkdirSync(RELEASES, { recursive: true });
  writeFileSync(new URL(`${version}.js`, RELEASES), bytes);
  const index = [
    ...kept.map(({ version, released }) => ({ version, released })),
    { version, released: new Date().toISOString().slice(0, 10) },
  ];
  writeFileSync(new URL(INDEX, RELEASES), `${JSON.stringify(index, null, 2)}\n`);
  console.log(
    `widget/releases/${version}.js kept (${integrityOf(bytes)}): commit it and ${INDEX}.`,
  );
}
