import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { attachment, csvCell, toCsv } from '../../worker/src/export/csv';
import { parseCsv } from '../support/csv';

/** The CSV rules for Slovak Excel and OWASP's formula-injection advice, one case at a time. */
describe('one cell', () => {
  const cases: [string, string, string][] = [
    ['plain text stays as it is', 'Mesto Trnava', 'Mesto Trnava'],
    ['diacritics stay as they are', 'Ľubica Šťastná-Žilinská', 'Ľubica Šťastná-Žilinská'],
    ['an empty cell stays empty', '', ''],
    ['the separator is quoted', 'Trnava; Nitra', '"Trnava; Nitra"'],
    ['a comma is quoted (for Excel in other locales)', 'Kováč, Peter', '"Kováč, Peter"'],
    ['a quote is doubled inside quotes', 'Obec "Pod horou"', '"Obec ""Pod horou"""'],
    ['a line break inside is quoted', 'riadok\nďalší', '"riadok\nďalší"'],
    ['a CR inside is quoted', 'a\rb', '"a\rb"'],
    ['= starts a formula: prefixed and quoted', '=1+1', `"'=1+1"`],
    ['+ starts a formula', '+421 900 000 000', `"'+421 900 000 000"`],
    ['- starts a formula', '-2+3', `"'-2+3"`],
    ['@ starts a formula', '@SUM(A1)', `"'@SUM(A1)"`],
    ['a leading tab', '\t=1', `"'\t=1"`],
    ['a leading CR', '\r=1', `"'\r=1"`],
    ['a leading LF', '\n=1', `"'\n=1"`],
    ['a full-width equals sign', '＝1+1', `"'＝1+1"`],
    [
      'a formula with quotes and separators',
      '=HYPERLINK("https://evil.example";"klik")',
      `"'=HYPERLINK(""https://evil.example"";""klik"")"`,
    ],
    ['markup is text to a spreadsheet', '<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['= later in the text is harmless', 'a=b', 'a=b'],
    ['a leading space is not a formula', ' =1', ' =1'],
  ];
  for (const [what, value, written] of cases) {
    test(what, () => assert.equal(csvCell(value), written));
  }
});

describe('a whole file', () => {
  test('starts with the BOM, separates with ; and ends every row with CRLF, no sep= line', () => {
    const csv = toCsv([
      ['Meno', 'Organizácia'],
      ['Jana', 'Mesto Trnava'],
    ]);
    assert.equal(csv, '\uFEFFMeno;Organizácia\r\nJana;Mesto Trnava\r\n');
    assert.deepEqual([...new TextEncoder().encode(csv).slice(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(!csv.includes('sep='));
  });

  test('reads back as the same cells, neutralized ones with their leading apostrophe', () => {
    const rows = [
      ['=cmd|" /C calc"!A0', 'Obec "Pod horou"; Nitra', 'riadok\r\nďalší', '-5', 'Šaľa'],
      ['', '@x', '+y', '\tz', 'ok'],
    ];
    assert.deepEqual(parseCsv(toCsv(rows)), [
      [`'=cmd|" /C calc"!A0`, 'Obec "Pod horou"; Nitra', 'riadok\r\nďalší', "'-5", 'Šaľa'],
      ['', "'@x", "'+y", "'\tz", 'ok'],
    ]);
  });
});

describe('the download name', () => {
  test('is ASCII in filename and exact in filename* (RFC 5987)', () => {
    assert.equal(
      attachment('akcny-plan_2026-12-04_Inteligentná samospráva (1).csv'),
      `attachment; filename="akcny-plan_2026-12-04_Inteligentna-samosprava-1-.csv"; ` +
        `filename*=UTF-8''akcny-plan_2026-12-04_Inteligentn%C3%A1%20samospr%C3%A1va%20%281%29.csv`,
    );
  });

  test('cannot break out of the header', () => {
    const header = attachment('a"; filename="evil.exe\r\nX-Evil: 1.csv');
    assert.ok(!/[\r\n]/.test(header));
    assert.equal(header.match(/"/g)!.length, 2, header);
  });
});
