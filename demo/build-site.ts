import { cpSync, mkdirSync, readdirSync } from 'node:fs';

/**
 * Copies the demo pages (and their page scripts and styles) next to the built widget; wrangler
 * serves dist/site as static assets.
 */
const from = new URL('./', import.meta.url);
const to = new URL('../dist/site/', import.meta.url);
mkdirSync(to, { recursive: true });
for (const file of readdirSync(from)) {
  if (/\.(html|css|js)$/.test(file) || file === '_headers') {
    cpSync(new URL(file, from), new URL(file, to));
  }
}
