/**
 * npm run release:widget — keeps the current build of the widget in widget/releases/, so that
 * every later deploy still serves it at `/v/<version>/workshop-signup.js` for the pages that
 * pinned it (README, _Embedding_). Run it for each build you deploy, and commit the file.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { BUNDLE } from './bundle-size';
import { RELEASES, integrityOf, versionOf } from './releases';

const bytes = readFileSync(BUNDLE);
const version = versionOf(bytes);
const file = new URL(`${version}.js`, RELEASES);
mkdirSync(RELEASES, { recursive: true });
if (existsSync(file)) {
  console.log(`widget/releases/${version}.js is kept already.`);
} else {
  writeFileSync(file, bytes);
  console.log(`widget/releases/${version}.js kept (${integrityOf(bytes)}): commit it.`);
}
