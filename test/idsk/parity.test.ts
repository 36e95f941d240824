import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { comparable, matches, readable } from './compare';
import { PARITY_TABLE, WIDTHS } from './parity-table';
import { IDSK_VERSIONS, PACKAGES, WIDGET_THEME } from './reference-page';
import { targetsFile, type TargetsFile } from './report';
import { measureEverything, type MeasuredSession } from './session';

/**
 * Parity with the real design system (issue 8): the built widget, loaded from the dev stack's
 * origin onto a page of real ID-SK components (reference-page.ts), must match each component's
 * computed style (parity-table.ts) at 375 and 1280 px — `theme="idsk2"` against ID-SK 2.11, the
 * default theme against ID-SK 3. Run with `npm run test:idsk` (it builds first).
 */

let session: MeasuredSession;
let live: TargetsFile;
const committed = JSON.parse(
  readFileSync(new URL('./targets.json', import.meta.url), 'utf8'),
) as TargetsFile;

before(async () => {
  session = await measureEverything();
  live = targetsFile(session);
});

/** Each metric that does not match, as "metric: ID-SK x, widget y". */
function mismatches(
  metrics: readonly string[],
  expected: Record<string, string | null>,
  actual: Record<string, string | null> | null,
  tolerance?: number,
  [want, got] = ['ID-SK', 'widget'],
): string[] {
  return metrics
    .filter((m) => !matches(m, expected[m] ?? null, actual?.[m] ?? null, tolerance))
    .map((m) => `${m}: ${want} ${readable(expected[m])}, ${got} ${readable(actual?.[m])}`);
}

describe('the ID-SK packages still measure as test/idsk/targets.json records', () => {
  for (const version of IDSK_VERSIONS) {
    for (const width of WIDTHS) {
      test(`${PACKAGES[version].title} at ${width} px (else: npm run idsk:targets)`, () => {
        assert.equal(committed.packages[version], PACKAGES[version].npm);
        for (const row of PARITY_TABLE) {
          const now = live.targets[version][width][row.component];
          const recorded = committed.targets[version]?.[width]?.[row.component];
          assert.ok(now, `${row.component}: not found on the reference page`);
          assert.ok(recorded, `${row.component}: not in targets.json`);
          const drift = mismatches(row.metrics, recorded, now, row.tolerance, [
            'targets.json',
            'now',
          ]);
          assert.deepEqual(drift, [], row.component);
        }
      });
    }
  }
});

for (const version of IDSK_VERSIONS) {
  const theme = WIDGET_THEME[version] ? `theme="${WIDGET_THEME[version]}"` : 'the default theme';
  describe(`the widget in ${theme} matches ${PACKAGES[version].title}`, () => {
    for (const width of WIDTHS) {
      for (const row of PARITY_TABLE) {
        test(`${row.component} at ${width} px`, () => {
          const expected = comparable(live.targets[version][width][row.component] ?? null);
          assert.ok(expected, `the reference page has no ${row.idsk.selector}`);
          const actual = comparable(session.results[version][width].widget[row.component]);
          assert.ok(actual, `the widget has no ${row.widget.selector}`);
          assert.deepEqual(mismatches(row.metrics, expected, actual, row.tolerance), []);
        });
      }
    }
  });
}
