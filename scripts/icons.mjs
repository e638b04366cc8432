// Renders the PNG icons from the SVG sources in assets/icons/ with headless Chromium.
// usage: node scripts/icons.mjs   (commit the PNGs it writes)
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const jobs = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
  ['icon.svg', 'apple-touch-icon.png', 180],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  for (const [src, out, size] of jobs) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const svg = readFileSync(`assets/icons/${src}`, 'utf8');
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    await page.screenshot({ path: `assets/icons/${out}`, omitBackground: true });
    await page.close();
    console.log(`assets/icons/${out} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
