import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';

/**
 * The worker's structure: no import cycles, layers that only point down, small files. Read from
 * the sources (type-only imports included), without running anything.
 */
const WORKER = new URL('../../worker/', import.meta.url).pathname;
const SRC = join(WORKER, 'src');

function filesIn(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesIn(path, ext);
    return ext.test(name) ? [path] : [];
  });
}

/** What each source file imports among the worker's own files. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of filesIn(WORKER, /\.ts$/)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => {
        const base = resolve(dirname(file), spec.replace(/\.js$/, ''));
        const found = [`${base}.ts`, join(base, 'index.ts')].find((f) => existsSync(f));
        assert.ok(found, `${relative(WORKER, file)} imports ${spec}, which does not exist`);
        return found;
      });
    graph.set(file, targets);
  }
  return graph;
}

/** The first cycle found in a graph, as the list of its nodes, or null. */
function findCycle(graph: Map<string, Iterable<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

/** A file's layer: its folder under worker/src (routes, services, db, …), or the file at the top. */
const layerOf = (file: string) => {
  const path = relative(SRC, file);
  return path.startsWith('..') ? relative(WORKER, file).split('/')[0]! : path.split('/')[0]!;
};

const graph = importGraph();

describe('worker imports', () => {
  test('no file imports itself through others', () => {
    const cycle = findCycle(graph);
    assert.equal(
      cycle,
      null,
      `import cycle: ${cycle?.map((f) => relative(WORKER, f)).join(' → ')}`,
    );
  });

  test('no folder imports itself through others: the layers only point down', () => {
    const layers = new Map<string, Set<string>>();
    for (const [file, targets] of graph) {
      const from = layerOf(file);
      if (!layers.has(from)) layers.set(from, new Set());
      for (const target of targets) {
        if (layerOf(target) !== from) layers.get(from)!.add(layerOf(target));
      }
    }
    const cycle = findCycle(layers);
    assert.equal(cycle, null, `layers in a cycle: ${cycle?.join(' → ')}`);
  });

  test('rules and services never take from presenters, pages, routes or jobs', () => {
    const above = new Set([
      'views.ts',
      'admin-views',
      'pages',
      'routes',
      'jobs',
      'app.ts',
      'index.ts',
    ]);
    for (const [file, targets] of graph) {
      if (!['domain', 'services', 'db'].includes(layerOf(file))) continue;
      for (const target of targets) {
        assert.ok(
          !above.has(layerOf(target)),
          `${relative(WORKER, file)} imports ${relative(WORKER, target)}`,
        );
      }
    }
  });
});

test('no source file in worker/ is over 300 lines', () => {
  for (const file of filesIn(WORKER, /\.(ts|sql)$/)) {
    const lines = readFileSync(file, 'utf8').split('\n').length;
    assert.ok(lines <= 300, `${relative(WORKER, file)}: ${lines} lines`);
  }
});
