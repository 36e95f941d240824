import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { publishVersioned } from '../../demo/build-site';
import { BUNDLE } from '../../widget/scripts/bundle-size';
import { integrityOf, readReleases, versionOf } from '../../widget/scripts/releases';

const scratch = mkdtempSync(join(tmpdir(), 'releases-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A fresh folder under the scratch one, as a URL (what the build's functions take). */
let folders = 0;
function folder(): { path: string; url: URL } {
  const path = join(scratch, String(++folders));
  mkdirSync(path);
  return { path, url: pathToFileURL(`${path}/`) };
}

/** Writes `source` as a release, named by its version, into `dir`; returns the version. */
function keep(dir: string, source: string): string {
  const bytes = Buffer.from(source);
  writeFileSync(join(dir, `${versionOf(bytes)}.js`), bytes);
  return versionOf(bytes);
}

const servedIn = (site: string, version: string) =>
  readFileSync(join(site, 'v', version, 'workshop-signup.js'), 'utf8');

describe('widget/releases: earlier builds deployed again with each later one', () => {
  test('reads each release named by the hash of its bytes, and nothing else', () => {
    const releases = folder();
    const version = keep(releases.path, 'export const build = 1;\n');
    writeFileSync(join(releases.path, 'README.txt'), 'not a release');
    assert.deepEqual(
      readReleases(releases.url).map((r) => r.version),
      [version],
    );
    assert.deepEqual(readReleases(pathToFileURL(join(releases.path, 'missing/'))), []);
  });

  test('refuses a release whose bytes changed: a page pinning it would be refused the script', () => {
    const releases = folder();
    const version = keep(releases.path, 'export const build = 2;\n');
    writeFileSync(join(releases.path, `${version}.js`), 'export const build = 2; // edited\n');
    assert.throws(
      () => readReleases(releases.url),
      new RegExp(`widget/releases/${version}\\.js: its bytes are version [0-9a-f]{16}`),
    );
  });

  test('a build publishes itself and every kept release under /v/<version>/, and nothing stale', () => {
    const releases = folder();
    const older = keep(releases.path, 'export const build = "older";\n');
    const old = keep(releases.path, 'export const build = "old";\n');
    const site = folder();
    writeFileSync(join(site.path, 'workshop-signup.js'), 'export const build = "new";\n');
    // Left by an earlier build in the same folder, and not kept: not deployed again.
    mkdirSync(join(site.path, 'v', 'ffffffffffffffff'), { recursive: true });

    publishVersioned(site.url, releases.url);

    const current = versionOf(Buffer.from('export const build = "new";\n'));
    assert.deepEqual(readdirSync(join(site.path, 'v')).sort(), [older, old, current].sort());
    assert.equal(servedIn(site.path, older), 'export const build = "older";\n');
    assert.equal(servedIn(site.path, old), 'export const build = "old";\n');
    assert.equal(servedIn(site.path, current), 'export const build = "new";\n');
    // The admin page's snippet pins this build.
    const manifest = JSON.parse(readFileSync(join(site.path, 'embed-manifest.json'), 'utf8'));
    assert.deepEqual(manifest, {
      versionedPath: `/v/${current}/workshop-signup.js`,
      integrity: integrityOf(Buffer.from('export const build = "new";\n')),
    });
  });

  test('npm run build served every release kept in widget/releases/, byte for byte', () => {
    const site = new URL('../../dist/site/', import.meta.url);
    const kept = readReleases();
    assert.ok(kept.length >= 1, 'the released builds are kept');
    for (const { version, bytes } of kept) {
      const served = readFileSync(new URL(`v/${version}/workshop-signup.js`, site));
      assert.ok(served.equals(bytes), version);
    }
    const current = readFileSync(BUNDLE);
    assert.ok(
      readFileSync(new URL(`v/${versionOf(current)}/workshop-signup.js`, site)).equals(current),
    );
  });
});
