import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { BUNDLE, GZIP_BUDGET_BYTES, bundleSize } from '../../widget/scripts/bundle-size';

/** The built widget (npm run build): what every host page downloads and runs. */
const code = readFileSync(BUNDLE, 'utf8');

describe('the built widget', () => {
  test(`is at most ${GZIP_BUDGET_BYTES} bytes gzipped, Lit and both languages included`, () => {
    const { raw, gzip, brotli } = bundleSize();
    console.log(`workshop-signup.js: ${raw} B raw, ${gzip} B gzip, ${brotli} B brotli`);
    assert.ok(
      gzip <= GZIP_BUDGET_BYTES,
      `${gzip} B gzipped is over the ${GZIP_BUDGET_BYTES} B budget`,
    );
    // Both languages really are inside, with Lit.
    assert.match(code, /Odoslať registráciu/);
    assert.match(code, /Send registration/);
    assert.match(code, /adoptedStyleSheets/);
  });

  test('is one module that imports nothing (a single script tag is the whole embed)', () => {
    assert.doesNotMatch(code, /\bimport\s*\(|^\s*import\s|from\s*["'`]/m);
  });

  test('evaluates no strings as code and writes no style attributes (strict CSP)', () => {
    for (const pattern of [/\beval\s*\(/, /new\s+Function\s*\(/, /setTimeout\s*\(\s*["'`]/]) {
      assert.doesNotMatch(code, pattern);
    }
    assert.doesNotMatch(code, /styleMap|style=["'`$]/);
  });

  test('loads nothing from third parties, but Turnstile where an organizer turned it on', () => {
    // The one address in the bundle: Cloudflare Turnstile's script, loaded only for a series with
    // a site key (test/widget/workshop-signup.abuse.test.ts).
    assert.deepEqual(code.match(/https?:\/\/[\w.-]+/g) ?? [], [
      'https://challenges.cloudflare.com',
    ]);
  });

  test('keeps Lit templates minified (css`` and html`` without indentation)', () => {
    assert.doesNotMatch(code, /\n {4}/);
    assert.match(code, /\.button\{/);
  });
});
