import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';
import { BUNDLE } from '../../widget/scripts/bundle-size';

/** The widget's sources (not its generated locale modules). */
function sources(dir = 'widget/src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every msg() call in a file, with whether its options name an id. */
function msgCalls(path: string): { line: number; hasId: boolean }[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const calls: { line: number; hasId: boolean }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'msg'
    ) {
      const options = node.arguments[1];
      const hasId =
        !!options &&
        ts.isObjectLiteralExpression(options) &&
        options.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'id');
      calls.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, hasId });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return calls;
}

describe("the widget's msg() ids", () => {
  test('every msg() in widget/src names its id', () => {
    const calls = sources().flatMap((path) => msgCalls(path).map((c) => ({ path, ...c })));
    assert.ok(calls.length > 50, `only ${calls.length} msg() calls found: is the scan broken?`);
    assert.deepEqual(
      calls.filter((c) => !c.hasId).map((c) => `${c.path}:${c.line}`),
      [],
      'a msg() without an id would throw in the built widget (widget/scripts/explicit-msg-ids.ts)',
    );
  });

  test("the built widget leaves out @lit/localize's id hashing, and fails loudly in its place", () => {
    const code = readFileSync(BUNDLE, 'utf8');
    // fnv1a64 keeps its 64-bit offset basis in 16-bit parts; the top one is 0xcbf2 (52210).
    assert.doesNotMatch(code, /\b52210\b|0xcbf2/i);
    assert.match(code, /msg\(\) needs an id/);
  });
});
