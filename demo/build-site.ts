import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { pathToFileURL } from 'node:url';
import { RELEASES, integrityOf, readReleases, versionOf } from '../widget/scripts/releases';

/**
 * Puts everything wrangler serves from dist/site next to the built widget: the demo pages (and
 * their scripts and styles), the iframe-embed files, and the widget once more under a versioned,
 * immutable path with its Subresource Integrity hash in a manifest the admin API serves. Writes
 * dist/site/_headers: the hand-written rules of demo/_headers (the widget script's, unchanged),
 * the versioned widget's, then the generated ones (`generatedRules`).
 */
const from = new URL('./', import.meta.url);
const embed = new URL('../widget/embed/', import.meta.url);
const admin = new URL('../widget/admin/', import.meta.url);
const to = new URL('../dist/site/', import.meta.url);

/**
 * Static-asset headers for the versioned widget (they never reach responses the worker makes). A
 * module script from another origin, and SRI on it, need CORS: `*` is safe because the script
 * carries no credentials and no secrets.
 */
const VERSIONED_RULES = `# The widget under /v/<content hash>/ never changes.
/v/*
  Cache-Control: public, max-age=31536000, immutable
  Access-Control-Allow-Origin: *
  X-Content-Type-Options: nosniff
`;

/**
 * The versioned copies: the path carries a hash of the bytes, so a URL always means the same file
 * and may be cached for a year, and an SRI hash in a host page never goes stale. This build's, and
 * every build kept in widget/releases/ (`npm run release:widget`): a deploy replaces all static
 * assets, and a page that pinned one must go on getting it.
 *
 * The manifest (the admin page's pinned snippet) names this build if it is released, else the
 * latest release: a snippet must pin only what later deploys keep. With no release at all (a
 * fork's first build), this build, and a warning.
 */
export function publishVersioned(site: URL, releases = RELEASES): void {
  const bundle = readFileSync(new URL('workshop-signup.js', site));
  const current = { version: versionOf(bundle), bytes: bundle };
  const kept = readReleases(releases);
  // Exactly these, whatever earlier builds in this folder left: what is deployed is what is kept.
  rmSync(new URL('v/', site), { recursive: true, force: true });
  for (const { version, bytes } of [...kept, current]) {
    mkdirSync(new URL(`v/${version}/`, site), { recursive: true });
    writeFileSync(new URL(`v/${version}/workshop-signup.js`, site), bytes);
  }
  const pinned = kept.find((r) => r.version === current.version) ?? kept.at(-1) ?? current;
  if (kept.length === 0) {
    console.warn(
      'No widget release is kept: the pinned snippet names this build, which the next deploy of a changed widget removes (npm run release:widget).',
    );
  } else if (pinned.version !== current.version) {
    console.warn(
      `This build (${current.version}) is not released: the pinned snippet names release ${pinned.version}. Run npm run release:widget before deploying it.`,
    );
  }
  writeFileSync(
    new URL('embed-manifest.json', site),
    `${JSON.stringify({ versionedPath: `/v/${pinned.version}/workshop-signup.js`, integrity: integrityOf(pinned.bytes) }, null, 2)}\n`,
  );
}

/**
 * What the demo pages may load: their own scripts, styles and API, nothing else; and nobody may
 * put them in a frame. (The worker's own pages get their headers from the worker: `_headers`
 * never touches a worker's responses.)
 */
const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * demo/csp.html: the strictest policy a government CMS might use (test/e2e/strict-csp.test.ts):
 * the widget must work fully under exactly this, so it gets nothing more than the frame rule.
 */
const STRICT_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-ancestors 'none'";

export const pagePolicy = (page: string) => (page === 'csp.html' ? STRICT_POLICY : PAGE_POLICY);

/**
 * The paths a page is served at: wrangler serves `en.html` at `/en` (and redirects `/en.html`
 * there), `index.html` at `/`. Rules are listed for both, so the redirect carries them too.
 */
export const pagePaths = (page: string) => {
  const name = page.replace(/\.html$/, '');
  return name === 'index' ? ['/', '/index.html'] : [`/${name}`, `/${name}.html`];
};

/**
 * The generated part of `_headers`: one rule per path of each page; `nosniff` for every other
 * file that the hand-written rules do not name. Each path gets exactly one rule of ours, because
 * wrangler merges every rule that matches (a header given twice would be sent comma-joined).
 */
export function generatedRules(files: string[], handWritten: string): string {
  const named = new Set(
    handWritten
      .split('\n')
      .filter((line) => line.startsWith('/'))
      .map((line) => line.trim()),
  );
  const pages = files.filter((f) => f.endsWith('.html'));
  const others = files.filter((f) => !f.endsWith('.html') && f !== '_headers');
  const rules = [
    ...pages.flatMap((page) =>
      pagePaths(page).map(
        (path) =>
          `${path}\n  Content-Security-Policy: ${pagePolicy(page)}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer`,
      ),
    ),
    ...others
      .map((file) => `/${file}`)
      .filter((path) => !named.has(path))
      .map((path) => `${path}\n  X-Content-Type-Options: nosniff`),
  ];
  return `# Generated by demo/build-site.ts: each demo page with its policy, nosniff for the rest.\n${rules.join('\n')}\n`;
}

// Run as a script (npm run build:site); tests import the rules without building anything.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from)) {
    if (/\.(html|css|js)$/.test(file)) cpSync(new URL(file, from), new URL(file, to));
  }
  for (const file of readdirSync(embed)) cpSync(new URL(file, embed), new URL(file, to));
  // The admin page: served at /admin (wrangler drops the .html), its script is admin-app.js.
  cpSync(new URL('index.html', admin), new URL('admin.html', to));
  cpSync(new URL('admin.css', admin), new URL('admin.css', to));
  publishVersioned(to);
  const handWritten = `${readFileSync(new URL('_headers', from), 'utf8').trimEnd()}\n\n${VERSIONED_RULES}`;
  // After the widget's build: its bundle and manifest are in dist/site too (folders have rules).
  const files = readdirSync(to)
    .filter((f) => statSync(new URL(f, to)).isFile())
    .sort();
  writeFileSync(
    new URL('_headers', to),
    `${handWritten.trimEnd()}\n\n${generatedRules(files, handWritten)}`,
  );
}
