import { comparable, correctionsFor, matches, readable, target } from './compare';
import { PARITY_TABLE, WIDTHS, type Comparison, type Width } from './parity-table';
import type { Measured } from './probe-types';
import { IDSK_VERSIONS, PACKAGES, WIDGET_THEME, type IdskVersion } from './reference-page';
import type { MeasuredSession } from './session';

/** Component → metric → value, the shape of targets.json per version and width. */
export type TargetValues = Record<string, Record<string, string | null> | null>;

export interface TargetsFile {
  about: string;
  packages: Record<IdskVersion, string>;
  chromium: string;
  widths: readonly Width[];
  targets: Record<IdskVersion, Record<Width, TargetValues>>;
  corrections: {
    version: IdskVersion;
    width: Width;
    component: string;
    measured: Record<string, string | null>;
    target: Record<string, string>;
    reason: string;
  }[];
}

/** The targets (package values with the corrections of parity-table.ts applied), for JSON. */
export function targetsFile({ results, chromium }: MeasuredSession): TargetsFile {
  const file: TargetsFile = {
    about:
      'Computed styles of the real ID-SK components, measured in Chromium by test/idsk/targets.ts ' +
      '(npm run idsk:targets); the parity test (npm run test:idsk) compares the widget with them.',
    packages: { idsk2: PACKAGES.idsk2.npm, idsk3: PACKAGES.idsk3.npm },
    chromium,
    widths: WIDTHS,
    targets: { idsk2: {}, idsk3: {} } as TargetsFile['targets'],
    corrections: [],
  };
  for (const version of IDSK_VERSIONS) {
    for (const width of WIDTHS) {
      const measured = results[version][width].reference;
      const values: TargetValues = {};
      for (const row of PARITY_TABLE) {
        const raw = measured[row.component] ?? null;
        values[row.component] = target(version, width, row.component, raw);
        for (const correction of correctionsFor(version, width, row.component, raw)) {
          const changed = Object.keys(correction.set).filter((m) => raw?.[m] !== correction.set[m]);
          file.corrections.push({
            version,
            width,
            component: row.component,
            measured: Object.fromEntries(changed.map((m) => [m, raw?.[m] ?? null])),
            target: Object.fromEntries(changed.map((m) => [m, correction.set[m]!])),
            reason: correction.reason,
          });
        }
      }
      file.targets[version][width] = values;
    }
  }
  return file;
}

// ---- Markdown ------------------------------------------------------------------------------------

/** One value per width, or one for both when they agree. */
function perWidth(values: (string | null | undefined)[]): string {
  const shown = values.map(readable);
  return shown.every((v) => v === shown[0])
    ? shown[0]!
    : shown.map((v, i) => `${v} @${WIDTHS[i]}`).join(' · ');
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function targetsMarkdown(file: TargetsFile): string {
  const lines = [
    `## Targets: ${PACKAGES.idsk2.title} and ${PACKAGES.idsk3.title}, Chromium ${file.chromium}`,
    '',
    'Measured from the packages’ own macros and compiled SCSS (test/idsk/targets.json). ' +
      'Colours as hex; four equal sides as one value (top right bottom left otherwise). ' +
      'A value marked * is a correction of the package (see below).',
    '',
    '| component | property | ID-SK 2 · 375 | ID-SK 2 · 1280 | ID-SK 3 · 375 | ID-SK 3 · 1280 |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  const corrected = new Set(
    file.corrections.flatMap((c) =>
      Object.keys(c.target).map((m) => `${c.version}|${c.width}|${c.component}|${m}`),
    ),
  );
  for (const row of PARITY_TABLE) {
    for (const metric of row.metrics) {
      const cells = IDSK_VERSIONS.flatMap((version) =>
        WIDTHS.map((width) => {
          const value = readable(file.targets[version][width][row.component]?.[metric]);
          return corrected.has(`${version}|${width}|${row.component}|${metric}`)
            ? `${value}*`
            : value;
        }),
      );
      lines.push(`| ${row.component} | ${metric} | ${cells.map(cell).join(' | ')} |`);
    }
  }
  if (file.corrections.length) {
    lines.push('', '\\* Corrections (the package as published → the target):', '');
    const reasons = new Map<string, string[]>();
    for (const c of file.corrections) {
      const what = Object.keys(c.target)
        .map((m) => `${m} ${readable(c.measured[m])} → ${readable(c.target[m])}`)
        .join(', ');
      const key = c.reason;
      reasons.set(key, [
        ...(reasons.get(key) ?? []),
        `${c.version} @${c.width} ${c.component}: ${what}`,
      ]);
    }
    for (const [reason, where] of reasons) {
      lines.push(`- ${reason}`, ...where.map((w) => `  - ${w}`));
    }
  }
  return lines.join('\n') + '\n';
}

/** The gaps for one theme: every metric where the widget does not match, at either width. */
export function gapMarkdown(session: MeasuredSession, file: TargetsFile): string {
  const out: string[] = [];
  for (const version of IDSK_VERSIONS) {
    const theme = WIDGET_THEME[version] ? `theme="${WIDGET_THEME[version]}"` : 'default theme';
    const rows: string[] = [];
    let compared = 0;
    let matched = 0;
    for (const row of PARITY_TABLE) {
      for (const metric of row.metrics) {
        const expected = WIDTHS.map(
          (w) => comparable(file.targets[version][w][row.component])?.[metric],
        );
        const actual = WIDTHS.map(
          (w) => comparable(widgetValues(session, version, w, row))?.[metric],
        );
        const ok = WIDTHS.map((_, i) =>
          matches(metric, expected[i] ?? null, actual[i] ?? null, row.tolerance),
        );
        compared += ok.length;
        matched += ok.filter(Boolean).length;
        if (ok.every(Boolean)) continue;
        rows.push(
          `| ${row.component} | ${metric} | ${cell(perWidth(expected))} | ${cell(perWidth(actual))} |`,
        );
      }
    }
    out.push(
      `## Gaps: widget (${theme}) vs ${PACKAGES[version].title}`,
      '',
      `${matched} of ${compared} comparisons (each metric at 375 and 1280 px) match; the rest:`,
      '',
      '| component | property | ID-SK | widget |',
      '| --- | --- | --- | --- |',
      ...rows,
      '',
    );
  }
  return out.join('\n');
}

function widgetValues(
  session: MeasuredSession,
  version: IdskVersion,
  width: Width,
  row: Comparison,
): Measured {
  return session.results[version][width].widget[row.component] ?? null;
}
