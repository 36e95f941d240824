/// <reference lib="dom" />
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './dev-server';

/**
 * `npm run idsk:pictures` (after `npm run idsk:targets`): the README's pictures of the widget
 * beside the real ID-SK components, from the parity harness's full-page pictures in dist/idsk/,
 * scaled down in Chromium so that they stay small.
 */
const PICTURES = ['idsk2-375', 'idsk3-1280'];
/** Scaled to half, and the 1280 px pages to 480 px: enough to compare, small in the repository. */
const scaleOf = (width: number) => Math.min(0.5, 480 / width);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
for (const name of PICTURES) {
  const file = readFileSync(join(ROOT, 'dist/idsk', `${name}.png`));
  const source = file.toString('base64');
  const scale = scaleOf(file.readUInt32BE(16)); // the width, from the PNG's IHDR chunk
  const png = await page.evaluate(
    async ({ source, scale }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${source}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(image.width * scale);
      canvas.height = Math.round(image.height * scale);
      const context = canvas.getContext('2d')!;
      context.imageSmoothingQuality = 'high';
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      return canvas.toDataURL('image/png').split(',')[1]!;
    },
    { source, scale },
  );
  writeFileSync(join(ROOT, 'demo/screenshots', `${name}.png`), Buffer.from(png, 'base64'));
}
await browser.close();
