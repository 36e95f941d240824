import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, test } from 'node:test';
import { pagePaths } from '../../demo/build-site';

/** dist/site/_headers as wrangler reads it: path → header lines (after `npm run build`). */
const SITE = new URL('../../dist/site/', import.meta.url);
const rules = new Map<string, string[]>();
let current: string[] = [];
for (const line of readFileSync(new URL('_headers', SITE), 'utf8').split('\n')) {
  if (line.startsWith('/')) {
    assert.ok(!rules.has(line.trim()), `one rule per path: ${line}`);
    rules.set(line.trim(), (current = []));
  } else if (/^\s+\S/.test(line)) current.push(line.trim());
}

describe('dist/site/_headers', () => {
  test('names paths only, no splats or placeholders that could match the widget script', () => {
    // The one splat: the versioned copies under /v/<hash>/, never the unversioned script.
    for (const path of rules.keys()) {
      if (path !== '/v/*') assert.match(path, /^\/[\w./-]*$/, path);
    }
  });

  test('keeps the widget script’s headers exactly as they were', () => {
    assert.deepEqual(rules.get('/workshop-signup.js'), [
      'Access-Control-Allow-Origin: *',
      'X-Content-Type-Options: nosniff',
    ]);
  });

  test('gives every demo page, at every path it is served at, a CSP with frame-ancestors', () => {
    const pages = readdirSync(SITE).filter((f) => f.endsWith('.html'));
    assert.ok(pages.length >= 6, 'the demo pages are built');
    for (const page of pages) {
      for (const path of pagePaths(page)) {
        const headers = rules.get(path) ?? [];
        const csp = headers.filter((h) => h.startsWith('Content-Security-Policy:'));
        assert.equal(csp.length, 1, `${path}: one policy`);
        assert.match(csp[0]!, /frame-ancestors 'none'/, path);
        assert.ok(headers.includes('X-Content-Type-Options: nosniff'), path);
      }
    }
  });

  test('sends nosniff with every other file, once', () => {
    const files = readdirSync(SITE).filter((f) => statSync(new URL(f, SITE)).isFile());
    for (const file of files.filter((f) => !f.endsWith('.html') && f !== '_headers')) {
      const headers = rules.get(`/${file}`) ?? [];
      assert.equal(
        headers.filter((h) => h === 'X-Content-Type-Options: nosniff').length,
        1,
        `/${file}: ${headers.join(', ')}`,
      );
    }
    assert.deepEqual(rules.get('/v/*'), [
      'Cache-Control: public, max-age=31536000, immutable',
      'Access-Control-Allow-Origin: *',
      'X-Content-Type-Options: nosniff',
    ]);
  });
});
