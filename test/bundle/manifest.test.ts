import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * custom-elements.json (built from the element's JSDoc, shipped next to the widget) documents every
 * attribute, event, part and custom property the sources really have.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'widget/src');

interface Named {
  name: string;
  description?: string;
}
interface Declaration {
  tagName?: string;
  attributes?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'dist/site/custom-elements.json'), 'utf8'));
const element: Declaration = manifest.modules
  .flatMap((m: { declarations?: Declaration[] }) => m.declarations ?? [])
  .find((d: Declaration) => d.tagName === 'workshop-signup');

/** Every widget source file's text. */
const sources = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.ts') && !file.startsWith('generated'))
  .map((file) => readFileSync(join(SRC, file), 'utf8'))
  .join('\n');

const names = (list: Named[] | undefined) => (list ?? []).map((item) => item.name).sort();
const unique = (values: string[]) => [...new Set(values)].sort();

const described = (list: Named[] | undefined) =>
  (list ?? []).filter((item) => !item.description?.trim()).map((item) => item.name);

describe('custom-elements.json', () => {
  test('describes <workshop-signup>', () => {
    assert.ok(element, 'no workshop-signup in the manifest');
  });

  test('lists every attribute, with a description', () => {
    assert.deepEqual(names(element.attributes), [
      'api',
      'heading-level',
      'lang',
      'organization-type',
      'organizer-email',
      'organizer-name',
      'series',
      'theme',
      'workshops',
    ]);
    assert.deepEqual(described(element.attributes), []);
  });

  test('lists the events the element fires', () => {
    const fired = unique([...sources.matchAll(/'(workshop-signup-[a-z-]+)'/g)].map((m) => m[1]!));
    assert.deepEqual(names(element.events), fired);
    assert.equal(fired.length, 3);
  });

  test('lists every part the templates expose', () => {
    const literal = [...sources.matchAll(/part="([a-z-]+)"/g)].map((m) => m[1]!);
    // heading() names each heading's part after its class.
    const headings = [...sources.matchAll(/\bheading\([^;]*?,\s*'([a-z-]+)'\s*[,)]/g)].map(
      (m) => m[1]!,
    );
    assert.ok(headings.includes('success-title'));
    assert.deepEqual(names(element.cssParts), unique([...literal, ...headings]));
    assert.deepEqual(described(element.cssParts), []);
  });

  test('lists every --workshop-signup-* custom property the styles read', () => {
    const read = unique(
      [...sources.matchAll(/var\((--workshop-signup-[a-z-]+)/g)].map((m) => m[1]!),
    );
    assert.ok(read.length >= 20);
    assert.deepEqual(names(element.cssProperties), read);
    assert.deepEqual(described(element.cssProperties), []);
  });
});
