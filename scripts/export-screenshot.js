#!/usr/bin/env node
'use strict';
/*
 * Exports the example bank with the CLI (dist/cli.js: run `npm run build` first) and opens the page in
 * headless Chromium, the way a reader would: checks that it requests nothing but itself, that every
 * answer is closed on screen and open in print, and saves docs/screenshots/export.png (on screen, one
 * story opened), export-plan.png (the coverage table) and export-print.png (print media). Exits 1 when a check fails.
 * Needs the VS Code host's playwright-core (`npm run setup-host`) and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { REPO, HOST_DIR } = require('./start.js');

(async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'star-export-'));
  const page = path.join(tmp, 'bank.html');
  const exported = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'export', path.join(REPO, 'test', 'fixtures', 'examples'), '-o', page, '--title', 'STAR story bank: examples'], { encoding: 'utf8' });
  if (exported.status !== 0) {
    console.error(exported.stderr || 'export failed (did `npm run build` run?)');
    process.exit(1);
  }
  const { chromium } = require(require.resolve('playwright-core', { paths: [HOST_DIR] }));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const problems = [];
  try {
    const tab = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests = [];
    tab.on('request', (r) => requests.push(r.url()));
    tab.on('console', (m) => problems.push(`console: ${m.text()}`));
    await tab.goto(`file://${page}`);
    const shown = () => tab.evaluate(() => [...document.querySelectorAll('details.story .story-body')].map((e) => e.checkVisibility()));
    const screen = await shown();
    if (screen.length !== 13) problems.push(`expected 13 stories, found ${screen.length}`);
    if (screen.some(Boolean)) problems.push('an answer is open on screen before anyone opened it');
    // Open the first story, as a reader would, with the keyboard.
    await tab.focus('details.story > summary');
    await tab.keyboard.press('Enter');
    if (!(await shown())[0]) problems.push('Enter on a story\'s summary did not open it');
    await tab.evaluate(() => document.getElementById('stories').scrollIntoView());
    await tab.screenshot({ path: path.join(REPO, 'docs', 'screenshots', 'export.png') });
    await tab.locator('#plan').screenshot({ path: path.join(REPO, 'docs', 'screenshots', 'export-plan.png') });
    await tab.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
    await tab.emulateMedia({ media: 'print' });
    const printed = await shown();
    if (!printed.every(Boolean)) problems.push(`${printed.filter((v) => !v).length} answers stay closed in print`);
    await tab.evaluate(() => document.getElementById('stories').scrollIntoView());
    await tab.screenshot({ path: path.join(REPO, 'docs', 'screenshots', 'export-print.png') });
    const pdf = path.join(tmp, 'bank.pdf');
    await tab.pdf({ path: pdf, format: 'A4' });
    const others = requests.filter((u) => u !== `file://${page}`);
    if (others.length) problems.push(`the page requested ${others.join(', ')}`);
    console.log(`export: ${fs.statSync(page).size} bytes, 13 stories, ${requests.length} request (itself), PDF ${fs.statSync(pdf).size} bytes`);
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (problems.length) {
    console.error(`EXPORT CHECK FAILED:\n${problems.join('\n')}`);
    process.exit(1);
  }
  console.log('screenshots: docs/screenshots/export.png, export-plan.png, export-print.png');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
