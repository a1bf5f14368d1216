#!/usr/bin/env node
'use strict';
/*
 * Look at the real workbench the way a user does, and take a screenshot: starts code-server with the
 * extension installed (symlinked, as `npm start` does) on a copy of the example bank, opens it in
 * headless Chromium, then optionally opens a file, clicks an activity-bar entry, waits for a tree
 * item / any text, opens the Problems panel, and saves a PNG. Exits non-zero when a wait fails
 * (the screenshot is saved anyway, to show what was there).
 *
 * Usage: node scripts/ui-check.js [--out docs/screenshots/ui-check.png]
 *          [--file formats/incomplete.md]     open a workspace file via Quick Open
 *          [--container "STAR Answers"]       click the activity-bar entry whose label starts with this
 *          [--item "Deliver Results"]         wait for a tree item with this name (repeatable)
 *          [--text "STAR Answers"]            wait for this text anywhere on the page (repeatable)
 *          [--problems]                       open the Problems panel and print its rows
 *          [--url http://127.0.0.1:8080 --folder DIR]   use an already running server (e.g. `npm start`)
 *          [--width 1400 --height 900] [--no-build] [--verbose]
 * Needs `npm run setup-host` (done by `npm start` / `npm run test:integration`).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startCodeServer, setupHost, REPO, HOST_DIR } = require('./start.js');

const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : def; };
const all = (name) => argv.flatMap((a, i) => (a === `--${name}` ? [argv[i + 1]] : []));
const out = path.resolve(opt('out', path.join(REPO, 'docs', 'screenshots', 'ui-check.png')));
const file = opt('file');
const container = opt('container');
const items = all('item');
const texts = all('text');
const verbose = argv.includes('--verbose');
const T = 60000;

(async () => {
  let cs; let tmp; let folder = opt('folder'); let base = opt('url');
  if (!base) {
    if (!argv.includes('--no-build')) {
      const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs')], { stdio: verbose ? 'inherit' : 'ignore', cwd: REPO });
      if (r.status !== 0) { console.error('build failed'); process.exit(1); }
    }
    setupHost();
    if (!folder) {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'star-ui-'));
      folder = path.join(tmp, 'examples');
      fs.cpSync(path.join(REPO, 'test', 'fixtures', 'examples'), folder, { recursive: true });
    }
    cs = await startCodeServer({ folder, settings: { 'workbench.startupEditor': 'none', 'files.autoSave': 'off' }, verbose });
    base = cs.url;
  }
  if (!folder) { console.error('--url needs --folder'); process.exit(2); }
  const { chromium } = require(require.resolve('playwright-core', { paths: [HOST_DIR] }));
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'star-chrome-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true,
    viewport: { width: Number(opt('width', 1400)), height: Number(opt('height', 900)) },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = ctx.pages()[0] || await ctx.newPage();
  const logs = [];
  page.on('console', (m) => { logs.push(`[${m.type()}] ${m.text()}`); if (verbose) { console.error(`[browser] ${m.text()}`); } });
  let ok = true;
  try {
    await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`);
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: T });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: T });
    if (file) {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor({ timeout: T });
      await page.keyboard.type(file);
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: path.basename(file) }).waitFor({ timeout: T });
      console.log(`opened ${file}`);
    }
    if (container) {
      const act = page.locator(`.activitybar [aria-label^="${container}"]`).first();
      await act.waitFor({ timeout: T });
      await act.click();
      console.log(`clicked activity bar entry "${container}"`);
    }
    for (const name of items) {
      await page.getByRole('treeitem', { name }).first().waitFor({ timeout: T });
    }
    if (items.length) {
      console.log('TREE items:', JSON.stringify((await page.getByRole('treeitem').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim())));
    }
    for (const t of texts) {
      await page.getByText(t).first().waitFor({ timeout: T });
      console.log(`found text "${t}"`);
    }
    if (argv.includes('--problems')) {
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor({ timeout: T });
      await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 10000 }).catch(() => {}); // none when the bank is clean
      console.log('PROBLEMS rows:', JSON.stringify(await page.locator('.markers-panel .monaco-list-row').allInnerTexts()));
    }
  } catch (e) {
    ok = false;
    console.error('UI CHECK FAILED:', e.message);
    console.error(logs.slice(-30).join('\n'));
  } finally {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out }).catch((e) => console.error(`screenshot failed: ${e.message}`));
    console.log(`screenshot: ${path.relative(process.cwd(), out)}`);
    await ctx.close();
    fs.rmSync(udd, { recursive: true, force: true });
    if (cs) { await cs.stop(); }
    if (tmp) { fs.rmSync(tmp, { recursive: true, force: true }); }
  }
  process.exit(ok ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(1); });
