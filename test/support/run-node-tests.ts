import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';

/**
 * `node --import tsx test/support/run-node-tests.ts <files…>` (npm run test:node): node --test's
 * runner, with the files started longest first instead of in alphabetical order. Two at a time,
 * a long file started last (alphabetically, the waiting-list ones) ran alone at the end while the
 * other core idled. How long a file takes is what it took in this checkout's last run, or before
 * any, its size. Each file still runs in a process of its own, with the spec reporter.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TIMES = join(ROOT, 'node_modules/.cache/workshop-signup/node-test-times.json');
const concurrency = 2;
const timeout = 300_000;

function lastTimes(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(TIMES, 'utf8')) as Record<string, number>;
  } catch {
    return {}; // no run yet
  }
}

const files = process.argv.slice(2).map((file) => resolve(file));
const known = lastTimes();
// Never-timed files by size, after the timed ones of about their size: ~1 s a KiB is rough, but
// only the order matters.
const expected = (file: string) => known[file.slice(ROOT.length)] ?? statSync(file).size / 1024;
files.sort((a, b) => expected(b) - expected(a));

const took: Record<string, number> = {};
const stream = run({ files, concurrency, timeout });
stream.on('test:fail', () => (process.exitCode = 1));
for (const event of ['test:pass', 'test:fail'] as const) {
  stream.on(event, (data: { nesting: number; file?: string; details: { duration_ms: number } }) => {
    if (data.nesting !== 0 || !data.file) return;
    const file = resolve(data.file).slice(ROOT.length);
    took[file] = (took[file] ?? 0) + data.details.duration_ms / 1000;
  });
}
stream.on('end', () => {
  // Written aside and renamed: other checkouts share node_modules, and may be reading it.
  mkdirSync(join(TIMES, '..'), { recursive: true });
  writeFileSync(`${TIMES}.${process.pid}`, JSON.stringify({ ...known, ...took }, null, 1));
  renameSync(`${TIMES}.${process.pid}`, TIMES);
});
stream.compose(new spec()).pipe(process.stdout);
