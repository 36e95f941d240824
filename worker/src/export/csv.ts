/**
 * CSV that Excel in a Slovak locale opens correctly with a double click: UTF-8 with a byte order
 * mark (without it Excel reads cp1250), `;` between cells (the Slovak list separator), CRLF after
 * every row, and no `sep=` line (it makes Excel ignore the BOM). Small on purpose: csv-stringify
 * needs Buffer, which workerd has only with nodejs_compat.
 */
export const BOM = '\uFEFF';
export const SEPARATOR = ';';
export const ROW_END = '\r\n';

/**
 * A cell Excel would run as a formula (OWASP "CSV Injection"): one that starts with = + - @, a
 * tab, CR or LF, or their full-width forms, which Excel also accepts.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Cells with these are quoted: the separator, a quote, a line break (and `,` for other locales). */
const NEEDS_QUOTES = /[;,"\r\n]/;

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * One cell. A would-be formula gets a leading `'` and quotes, as OWASP recommends, so that Excel
 * shows it as text; other cells are quoted only when they need it, inner quotes doubled.
 */
export function csvCell(value: string): string {
  if (FORMULA_START.test(value)) return quoted(`'${value}`);
  return NEEDS_QUOTES.test(value) ? quoted(value) : value;
}

/** The whole file: BOM, then every row (header first) ended by CRLF. */
export const toCsv = (rows: readonly (readonly string[])[]): string =>
  BOM + rows.map((row) => row.map(csvCell).join(SEPARATOR) + ROW_END).join('');

/**
 * `Content-Disposition` for a download: an ASCII `filename` every browser understands and the
 * real name, diacritics and all, as RFC 5987 `filename*` for those that read it.
 */
export function attachment(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
