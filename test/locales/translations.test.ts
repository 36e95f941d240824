import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * Every UI string has a Slovak translation: lit-localize extracts the messages from the sources
 * afresh (into a temporary copy, so the working tree is untouched), and each one must have a
 * target with the same placeholders. Fails on a new msg() nobody translated, and on a locales/
 * file that was not extracted after the sources changed. The widget and the admin page have a
 * config and an XLIFF each (the admin's strings must not ship in the widget's bundle).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Unit {
  id: string;
  source: string;
  target?: string;
}

function units(xliff: string): Unit[] {
  return [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(
    ([, id, body]) => ({
      id: id!,
      source: /<source>([\s\S]*?)<\/source>/.exec(body!)![1]!,
      target: /<target>([\s\S]*?)<\/target>/.exec(body!)?.[1],
    }),
  );
}

const placeholders = (text: string) => [...text.matchAll(/<x id="(\d+)"/g)].map((m) => m[1]).sort();

/**
 * Extracts into a temporary folder. Asynchronous: both configs' extractions (a TypeScript program
 * each, seconds of work) start when the file loads, and run side by side.
 */
async function extract(
  configFile: string,
  committed: string,
): Promise<{ units: Unit[]; tmp: string }> {
  const tmp = mkdtempSync(join(tmpdir(), 'workshop-signup-xliff-'));
  copyFileSync(committed, join(tmp, 'sk.xlf'));
  const config = JSON.parse(readFileSync(join(ROOT, configFile), 'utf8'));
  config.tsConfig = join(ROOT, config.tsConfig);
  config.output.outputDir = join(tmp, 'out');
  config.output.localeCodesModule = join(tmp, 'out/locale-codes.ts');
  config.interchange.xliffDir = tmp;
  writeFileSync(join(tmp, 'lit-localize.json'), JSON.stringify(config));
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/@lit/localize-tools/bin/lit-localize.js'),
      'extract',
      '--config',
      join(tmp, 'lit-localize.json'),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  assert.equal(status, 0, `lit-localize extract failed:\n${output}`);
  return { units: units(readFileSync(join(tmp, 'sk.xlf'), 'utf8')), tmp };
}

function checkTranslations(
  name: string,
  configFile: string,
  committedFile: string,
  knownId: string,
) {
  const committedPath = join(ROOT, committedFile);
  let extracted: Unit[];
  let tmp: string | undefined;
  const extraction = extract(configFile, committedPath);
  // Awaited in before(); until then a failure must not be an unhandled rejection.
  extraction.catch(() => {});

  describe(`Slovak translation of ${name}`, () => {
    before(async () => ({ units: extracted, tmp } = await extraction));
    after(() => tmp && rmSync(tmp, { recursive: true, force: true }));

    test('finds the messages (so the checks below are not vacuous)', () => {
      assert.ok(extracted.length > 50, `only ${extracted.length} messages`);
      assert.ok(extracted.some((u) => u.id === knownId));
    });

    test('has a non-empty target for every message in the sources', () => {
      const missing = extracted.filter((u) => !u.target?.trim()).map((u) => `${u.id}: ${u.source}`);
      assert.deepEqual(
        missing,
        [],
        'messages without a Slovak translation (run npm run localize:extract, then translate)',
      );
    });

    test('keeps every placeholder of the source in the target', () => {
      const broken = extracted
        .filter((u) => u.target !== undefined)
        .filter((u) => placeholders(u.source).join() !== placeholders(u.target!).join())
        .map((u) => u.id);
      assert.deepEqual(broken, []);
    });

    test(`is extracted from the current sources (${committedFile} is up to date)`, () => {
      const committed = units(readFileSync(committedPath, 'utf8'));
      assert.deepEqual(
        committed.map((u) => `${u.id} ${u.source}`).sort(),
        extracted.map((u) => `${u.id} ${u.source}`).sort(),
        'run npm run localize:extract',
      );
    });
  });
}

checkTranslations('the widget', 'lit-localize.json', 'locales/sk.xlf', 'seats-few');
checkTranslations(
  'the admin page',
  'lit-localize.admin.json',
  'locales/admin/sk.xlf',
  'people-few',
);
