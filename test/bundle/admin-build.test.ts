import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, test } from 'node:test';

/** The built admin page (npm run build): its own module, apart from the widget's. */
const SITE = new URL('../../dist/site/', import.meta.url);
const admin = readFileSync(new URL('admin-app.js', SITE), 'utf8');
const widget = readFileSync(new URL('workshop-signup.js', SITE), 'utf8');
const page = readFileSync(new URL('admin.html', SITE), 'utf8');

describe('the built admin page', () => {
  test('is served as /admin and loads its own module and style sheet only', () => {
    assert.match(page, /<script type="module" src="\/admin-app\.js"><\/script>/);
    assert.match(page, /<link rel="stylesheet" href="\/admin\.css" \/>/);
    assert.doesNotMatch(page, /<script>|style=/);
    console.log(`admin-app.js: ${admin.length} B raw, ${gzipSync(admin).length} B gzip`);
  });

  test('has both languages, and none of its text is in the widget’s bundle', () => {
    assert.match(admin, /Záznam zmien/);
    assert.match(admin, /Audit log/);
    for (const phrase of ['Záznam zmien', 'Audit log', 'Administrátorský token']) {
      assert.ok(!widget.includes(phrase), phrase);
    }
  });

  test('evaluates no strings as code and calls no third party', () => {
    for (const pattern of [/\beval\s*\(/, /new\s+Function\s*\(/, /setTimeout\s*\(\s*["'`]/]) {
      assert.doesNotMatch(admin, pattern);
    }
    const hosts = new Set(
      (admin.match(/https?:\/\/[\w.-]+/g) ?? []).map((h) => h.replace(/\.+$/, '')),
    );
    // Only example addresses in hints and Lit's own documentation link.
    for (const host of hosts) {
      assert.match(host, /^https:\/\/(www\.obec\.sk|lit\.dev)$/, host);
    }
  });
});
