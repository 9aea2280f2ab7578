// Renders the app's PNG icons in assets/icons/ from their one source, assets/icons/icon.svg, with the system
// Chromium (the CJK font comes from scripts/setup.sh); run it after changing the SVG, then reduce them to an
// 8-colour palette (the icon is flat red and white: no visible change, a third of the bytes, and the manifest's
// icons are part of every first visit) and commit the PNGs:
//   node scripts/icons.mjs
//   apt-get install pngquant && for f in assets/icons/*.png; do pngquant --speed 1 --strip --force --output "$f" 8 "$f"; done

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser, REPO } from '../tests/e2e/support.mjs';

const DIR = path.join(REPO, 'assets', 'icons');

// name, size in px, corner radius as a share of the size ('any' icons are rounded; the maskable and Apple
// icons stay square because the launcher cuts its own shape out of them).
const ICONS = [
  ['icon-192.png', 192, 0.22],
  ['icon-512.png', 512, 0.22],
  ['maskable-512.png', 512, 0],
  ['apple-touch-icon.png', 180, 0],
];

const svg = await readFile(path.join(DIR, 'icon.svg'), 'utf8');
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  for (const [name, size, radius] of ICONS) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<body style="margin:0"><div style="width:${size}px;height:${size}px;overflow:hidden;` +
        `border-radius:${radius * size}px">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</div></body>`,
    );
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(DIR, name), omitBackground: true });
    console.log(`icons: wrote assets/icons/${name}`);
  }
} finally {
  await browser.close();
}
