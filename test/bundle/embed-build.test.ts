import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * What the build publishes for embedding: the widget once more under a path that names its bytes,
 * with immutable caching and CORS, and a manifest with its Subresource Integrity hash.
 */
const SITE = fileURLToPath(new URL('../../dist/site/', import.meta.url));
const bundle = readFileSync(`${SITE}workshop-signup.js`);
const manifest = JSON.parse(readFileSync(`${SITE}embed-manifest.json`, 'utf8')) as {
  versionedPath: string;
  integrity: string;
};

test('the versioned script is the built widget, byte for byte, under a hash of its bytes', () => {
  const hash = createHash('sha384').update(bundle).digest('hex').slice(0, 16);
  assert.equal(manifest.versionedPath, `/v/${hash}/workshop-signup.js`);
  assert.deepEqual(readFileSync(`${SITE}${manifest.versionedPath.slice(1)}`), bundle);
});

test('the manifest carries the sha384 integrity of exactly those bytes', () => {
  assert.equal(
    manifest.integrity,
    `sha384-${createHash('sha384').update(bundle).digest('base64')}`,
  );
});

test('_headers makes /v/* immutable for a year and loadable from any origin', () => {
  const headers = readFileSync(`${SITE}_headers`, 'utf8');
  const rule = headers.split(/\n(?=\S)/).find((block) => block.startsWith('/v/*\n'));
  assert.ok(rule, headers);
  assert.match(rule, /^ {2}Cache-Control: public, max-age=31536000, immutable$/m);
  assert.match(rule, /^ {2}Access-Control-Allow-Origin: \*$/m);
  // The unversioned widget keeps its CORS header (and the default, revalidated caching).
  assert.match(headers, /^\/workshop-signup\.js\n {2}Access-Control-Allow-Origin: \*$/m);
});

test('the iframe page’s scripts and style are published', () => {
  for (const file of ['embed-frame.js', 'embed-frame.css', 'embed-host.js']) {
    assert.ok(existsSync(`${SITE}${file}`), file);
  }
});
