#!/usr/bin/env node
// Cut the tall whole-page screenshots into tiles a person (or an image viewer with a size
// limit) can look at: columns of the page side by side, optionally scaled down.
//
//   node tests/e2e/tile-screenshots.mjs [--scale 0.5] [--column 2600] [--columns 2] [files…]
//
// Default files: screenshots/e2e-page-*.png. Tiles go to screenshots/tiles/<name>-<n>.png.
// Uses Chromium's canvas to decode and crop, so it needs nothing beyond playwright-core.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, SCREENSHOTS } from './browser.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return Number(value);
};
const scale = option('scale', 0.5);
const columnHeight = option('column', 2600);
const columns = option('columns', 2);
const files = args.length ? args : readdirSync(SCREENSHOTS).filter((f) => /^e2e-page-.*\.png$/.test(f)).map((f) => path.join(SCREENSHOTS, f));
const outDir = path.join(SCREENSHOTS, 'tiles');
mkdirSync(outDir, { recursive: true });

const browser = await launchBrowser();
const page = await browser.newPage();
for (const file of files) {
  const data = readFileSync(file).toString('base64');
  const tiles = await page.evaluate(async ({ src, scale: s, columnHeight: ch, columns: cols }) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const colWidth = Math.round(img.width * s);
    const gap = 12;
    const out = [];
    const perTile = ch * cols;
    for (let top = 0; top < img.height; top += perTile) {
      const canvas = document.createElement('canvas');
      const rows = Math.min(ch, img.height - top);
      canvas.width = cols * colWidth + (cols - 1) * gap;
      canvas.height = Math.round(rows * s);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#888';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      for (let c = 0; c < cols; c += 1) {
        const y = top + c * ch;
        if (y >= img.height) break;
        const h = Math.min(ch, img.height - y);
        ctx.drawImage(img, 0, y, img.width, h, c * (colWidth + gap), 0, colWidth, Math.round(h * s));
      }
      out.push(canvas.toDataURL('image/png').split(',')[1]);
    }
    return out;
  }, { src: `data:image/png;base64,${data}`, scale, columnHeight, columns });
  const base = path.basename(file, '.png');
  tiles.forEach((tile, i) => writeFileSync(path.join(outDir, `${base}-${String(i + 1).padStart(2, '0')}.png`), Buffer.from(tile, 'base64')));
  console.log(`${base}: ${tiles.length} tiles in ${path.relative(process.cwd(), outDir)}/`);
}
await browser.close();
