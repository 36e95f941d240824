import { createHash } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';

/**
 * Puts everything wrangler serves from dist/site next to the built widget: the demo pages (and
 * their scripts and styles), the iframe-embed files, and the widget once more under a versioned,
 * immutable path with its Subresource Integrity hash in a manifest the admin API serves.
 */
const site = new URL('../dist/site/', import.meta.url);
const demo = new URL('./', import.meta.url);
const embed = new URL('../widget/embed/', import.meta.url);
mkdirSync(site, { recursive: true });

for (const file of readdirSync(demo)) {
  if (/\.(html|css|js)$/.test(file) || file === '_headers')
    cpSync(new URL(file, demo), new URL(file, site));
}
for (const file of readdirSync(embed)) cpSync(new URL(file, embed), new URL(file, site));

/**
 * The versioned copy: the path carries a hash of the bytes, so a URL always means the same file
 * and may be cached for a year, and an SRI hash in a host page never goes stale. (Old versions
 * stay only as long as their files are deployed: see README "Embedding".)
 */
const bundle = readFileSync(new URL('workshop-signup.js', site));
const hash = createHash('sha384').update(bundle).digest('hex').slice(0, 16);
const versionedPath = `/v/${hash}/workshop-signup.js`;
mkdirSync(new URL(`v/${hash}/`, site), { recursive: true });
writeFileSync(new URL(`.${versionedPath}`, site), bundle);
writeFileSync(
  new URL('embed-manifest.json', site),
  `${JSON.stringify({ versionedPath, integrity: `sha384-${createHash('sha384').update(bundle).digest('base64')}` }, null, 2)}\n`,
);

/**
 * Static-asset headers for the versioned widget (Cloudflare `_headers`; they never reach responses
 * the worker makes). A module script from another origin, and SRI on it, need CORS: `*` is safe
 * because the script carries no credentials and no secrets.
 */
appendFileSync(
  new URL('_headers', site),
  `
# Written by demo/build-site.ts: the widget under /v/<content hash>/ never changes.
/v/*
  Cache-Control: public, max-age=31536000, immutable
  Access-Control-Allow-Origin: *
  X-Content-Type-Options: nosniff
`,
);
