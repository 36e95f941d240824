import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { gapMarkdown, targetsFile, targetsMarkdown } from './report';
import { measureEverything } from './session';

/**
 * `npm run idsk:targets [-- --markdown <file>]`: measures the ID-SK packages and the built
 * widget beside them, writes test/idsk/targets.json (the targets, committed), prints the
 * targets and the widget's gaps as markdown (or writes them to <file>), and leaves a picture
 * of each page, the widget showing its errors, in dist/idsk/.
 */
const args = process.argv.slice(2);
const markdownAt = args.indexOf('--markdown');
const markdownFile = markdownAt >= 0 ? args[markdownAt + 1] : undefined;

const screenshots = fileURLToPath(new URL('../../dist/idsk/', import.meta.url));
const session = await measureEverything({ screenshots });
const file = targetsFile(session);
const json = fileURLToPath(new URL('./targets.json', import.meta.url));
// Formatted as `npm run lint` expects it.
const options = { ...(await prettier.resolveConfig(json)), filepath: json };
writeFileSync(json, await prettier.format(JSON.stringify(file), options));

const markdown = `${targetsMarkdown(file)}\n${gapMarkdown(session, file)}`;
if (markdownFile) {
  writeFileSync(markdownFile, markdown);
  console.log(`Wrote ${json}, ${markdownFile} and pictures in ${screenshots}`);
} else {
  console.log(markdown);
  console.log(`Wrote ${json} and pictures in ${screenshots}`);
}
