// Renders the app's PNG icons in assets/icons/ from their one source, assets/icons/icon.svg, with the system
// Chromium (the CJK font comes from scripts/setup.sh); run it after changing the SVG, then reduce them to an
// 8-colour palette (the icon is flat red and white: no visible change, a third of the bytes, and the manifest's
// icons are part of every first visit) and commit the PNGs:
//   node scripts/icons.mjs
//   apt-get install pngquant && for f in assets/icons/*.png; do pngquant --speed 1 --strip --force --output "$f" 8 "$f"; done
// It also writes the 32 px tab icon into index.html, as a data: URL (no request before the first paint) of a PNG
// reduced the same way and by zopflipng (both must be installed): a PNG, not the SVG, because an SVG icon with text
// is laid out as a document of its own, with its font, on the main thread while the app starts.

import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
const FAVICON = ['favicon.png', 32, 0.19];

const svg = await readFile(path.join(DIR, 'icon.svg'), 'utf8');
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  const render = async (file, size, radius) => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<body style="margin:0"><div style="width:${size}px;height:${size}px;overflow:hidden;` +
        `border-radius:${radius * size}px">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</div></body>`,
    );
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: file, omitBackground: true });
  };
  for (const [name, size, radius] of ICONS) {
    await render(path.join(DIR, name), size, radius);
    console.log(`icons: wrote assets/icons/${name}`);
  }
  const scratch = await mkdtemp(path.join(tmpdir(), 'xuexi-icons-'));
  try {
    const [name, size, radius] = FAVICON;
    const file = path.join(scratch, name);
    await render(file, size, radius);
    execFileSync('pngquant', ['--speed', '1', '--strip', '--force', '--output', file, '8', file]);
    execFileSync('zopflipng', ['-y', '-m', file, file], { stdio: 'ignore' });
    const href = `data:image/png;base64,${(await readFile(file)).toString('base64')}`;
    const index = path.join(REPO, 'index.html');
    const html = await readFile(index, 'utf8');
    const icon = /<link rel="icon" href="[^"]*">/;
    if (!icon.test(html)) throw new Error('index.html has no <link rel="icon" href="...">');
    await writeFile(index, html.replace(icon, `<link rel="icon" href="${href}">`));
    console.log(`icons: wrote the ${size} px tab icon into index.html (${href.length} characters)`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
} finally {
  await browser.close();
}
