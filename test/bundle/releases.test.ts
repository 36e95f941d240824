import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { publishVersioned } from '../../demo/build-site';
import { BUNDLE } from '../../widget/scripts/bundle-size';
import { INDEX, integrityOf, readReleases, versionOf } from '../../widget/scripts/releases';

const scratch = mkdtempSync(join(tmpdir(), 'releases-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A fresh folder under the scratch one, as a URL (what the build's functions take). */
let folders = 0;
function folder(): { path: string; url: URL } {
  const path = join(scratch, String(++folders));
  mkdirSync(path);
  return { path, url: pathToFileURL(`${path}/`) };
}

/** Writes `source` as the latest release in `dir`, as `npm run release:widget` does; its version. */
function keep(dir: string, source: string): string {
  const bytes = Buffer.from(source);
  const version = versionOf(bytes);
  writeFileSync(join(dir, `${version}.js`), bytes);
  const index = join(dir, INDEX);
  const entries = existsSync(index) ? JSON.parse(readFileSync(index, 'utf8')) : [];
  writeFileSync(index, JSON.stringify([...entries, { version, released: '2026-11-30' }]));
  return version;
}

const manifestIn = (site: string) =>
  JSON.parse(readFileSync(join(site, 'embed-manifest.json'), 'utf8')) as {
    versionedPath: string;
    integrity: string;
  };

const servedIn = (site: string, version: string) =>
  readFileSync(join(site, 'v', version, 'workshop-signup.js'), 'utf8');

describe('widget/releases: earlier builds deployed again with each later one', () => {
  test('reads each release named by the hash of its bytes, and nothing else', () => {
    const releases = folder();
    const first = keep(releases.path, 'export const build = 1;\n');
    const second = keep(releases.path, 'export const build = 0;\n');
    writeFileSync(join(releases.path, 'README.txt'), 'not a release');
    assert.deepEqual(
      readReleases(releases.url).map((r) => r.version),
      [first, second],
      'in the order they were released',
    );
    assert.deepEqual(readReleases(pathToFileURL(join(releases.path, 'missing/'))), []);
  });

  test('refuses a release whose bytes changed: a page pinning it would be refused the script', () => {
    const releases = folder();
    const version = keep(releases.path, 'export const build = 2;\n');
    writeFileSync(join(releases.path, `${version}.js`), 'export const build = 2; // edited\n');
    assert.throws(
      () => readReleases(releases.url),
      new RegExp(`${version}\\.js: its bytes are version [0-9a-f]{16}, not ${version}`),
    );
  });

  test('refuses a release half kept or half removed: a file not listed, an entry without its file', () => {
    const unlisted = folder();
    writeFileSync(join(unlisted.path, 'abcdef0123456789.js'), 'export {};\n');
    assert.throws(() => readReleases(unlisted.url), /abcdef0123456789\.js is not listed/);
    const missing = folder();
    const version = keep(missing.path, 'export const build = 3;\n');
    rmSync(join(missing.path, `${version}.js`));
    assert.throws(
      () => readReleases(missing.url),
      new RegExp(`lists ${version}, but .* is missing`),
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
    // This build is not released, so the admin page's snippet pins the latest release.
    assert.deepEqual(manifestIn(site.path), {
      versionedPath: `/v/${old}/workshop-signup.js`,
      integrity: integrityOf(Buffer.from('export const build = "old";\n')),
    });
  });

  test('the snippet pins this build once it is released; with no release at all, this build', () => {
    const releases = folder();
    const site = folder();
    const source = 'export const build = "released";\n';
    writeFileSync(join(site.path, 'workshop-signup.js'), source);
    publishVersioned(site.url, releases.url);
    const current = versionOf(Buffer.from(source));
    assert.equal(
      manifestIn(site.path).versionedPath,
      `/v/${current}/workshop-signup.js`,
      'none kept',
    );

    keep(releases.path, 'export const build = "before";\n');
    keep(releases.path, source);
    keep(releases.path, 'export const build = "after";\n');
    publishVersioned(site.url, releases.url);
    assert.deepEqual(manifestIn(site.path), {
      versionedPath: `/v/${current}/workshop-signup.js`,
      integrity: integrityOf(Buffer.from(source)),
    });
    assert.equal(readdirSync(join(site.path, 'v')).length, 3);
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
    // What the admin page pins is one of them.
    const manifest = JSON.parse(readFileSync(new URL('embed-manifest.json', site), 'utf8'));
    const pinned = kept.find(
      (r) => manifest.versionedPath === `/v/${r.version}/workshop-signup.js`,
    );
    assert.ok(pinned, manifest.versionedPath);
    assert.equal(manifest.integrity, integrityOf(pinned.bytes));
  });
});
