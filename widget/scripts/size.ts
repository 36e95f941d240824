import { BUNDLE, GZIP_BUDGET_BYTES, bundleSize } from './bundle-size';

/** `npm run size`: prints the built widget's raw, gzip and brotli bytes against the budget. */
const { raw, gzip, brotli } = bundleSize();
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const row = (label: string, bytes: number) =>
  `${label.padEnd(8)}${String(bytes).padStart(8)} B  ${kb(bytes).padStart(10)}`;

console.log(BUNDLE);
console.log(row('raw', raw));
console.log(row('gzip', gzip));
console.log(row('brotli', brotli));
const left = GZIP_BUDGET_BYTES - gzip;
console.log(
  `gzip budget ${GZIP_BUDGET_BYTES} B (${kb(GZIP_BUDGET_BYTES)}): ` +
    (left >= 0 ? `${left} B to spare` : `OVER by ${-left} B`),
);
if (left < 0) process.exitCode = 1;
