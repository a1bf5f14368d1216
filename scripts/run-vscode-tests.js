#!/usr/bin/env node
'use strict';
/*
 * Run the extension's integration tests INSIDE a real VS Code (Node) extension host without
 * downloading VS Code: code-server (installed from npm by scripts/setup-vscode-host.sh) provides the
 * VS Code server + web workbench, Debian's Chromium (driven by playwright-core) provides the window.
 * Same mechanism as VS Code's own browser integration tests: the workbench URL carries a `payload`
 * with extensionDevelopmentPath / extensionTestsPath as vscode-remote:// URIs, so the tests run in the
 * server-side Node extension host; logs come back through window.codeAutomationLog and the exit code
 * through window.codeAutomationExit.
 *
 * Usage: node scripts/run-vscode-tests.js [--extensionDevelopmentPath .] [--extensionTestsPath out/integration/index.js]
 *          [--install-vsix out/star-answers.vsix [--web-worker [--web-tests out/web-integration/index.js]]]
 *          [--multi-root test/fixtures/multiroot/second-bank (a workspace of the examples and this folder)]
 *          [--workspace-source test/fixtures/examples | --workspace DIR (used in place, not copied)]
 *          [--host-dir .vscode-test/code-server-4.100.3] [--chromium /usr/bin/chromium] [--timeout 600]
 *          [--screenshot final.png] [--screenshot-dir docs/screenshots] [--without-builtin markdown-language-features] [--verbose]
 *
 * --install-vsix: the packaged extension is installed (`code-server --install-extension`, into the extensions
 * folder and user data of this run) and tested instead of the development folder; the extension development
 * path is then an empty test-runner extension, so only the installed copy of STAR Answers is loaded.
 * --web-worker (with --install-vsix): the installed copy is moved out of the extensions folder, its manifest
 * given `extensionKind: ["web"]` and no `main`, and it is loaded as the development extension with the web
 * test bundle inside it: VS Code then runs it, and the tests, in the web worker extension host of the
 * browser (lib/vscode/out/vs/workbench/api/worker/extensionHostWorkerMain.js), with no Node at all.
 *
 * Screenshots: a test that logs a line `SCREENSHOT <name>` gets docs/screenshots/<name>.png of the page;
 * the harness then creates $STAR_SCREENSHOT_ACK_DIR/<name>.done so the test can wait for it
 * (test/integration/support/helpers.ts: screenshot(name)).
 * Env passed through to the extension host: STAR_TEST_GREP, STAR_TEST_FILES, STAR_TEST_TIMEOUT_MS, ...
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { freePort, waitHttp } = require('./lib/loopback');
const { startWindowProbes } = require('./lib/windowProbes');
const util = require('util');

const REPO = path.resolve(__dirname, '..');
const DEFAULT_HOST = path.join(REPO, '.vscode-test', 'code-server-4.100.3');

function arg(name, def) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
}
let extDev = path.resolve(arg('extensionDevelopmentPath', REPO));
let extTests = path.resolve(arg('extensionTestsPath', path.join(REPO, 'out', 'integration', 'index.js')));
const vsix = arg('install-vsix') ? path.resolve(arg('install-vsix')) : undefined;
const webWorker = process.argv.includes('--web-worker');
const multiRoot = arg('multi-root') ? path.resolve(arg('multi-root')) : undefined;
const webTests = path.resolve(arg('web-tests', path.join(REPO, 'out', 'web-integration', 'index.js')));
const workspaceInPlace = arg('workspace') ? path.resolve(arg('workspace')) : undefined;
const workspaceSource = path.resolve(arg('workspace-source', path.join(REPO, 'test', 'fixtures', 'examples')));
const hostDir = path.resolve(arg('host-dir', process.env.VSCODE_HOST_DIR || DEFAULT_HOST));
const chromiumPath = arg('chromium', process.env.CHROMIUM_PATH || '/usr/bin/chromium');
const timeoutMs = Number(arg('timeout', process.env.STAR_INTEGRATION_TIMEOUT || '600')) * 1000;
const finalShot = arg('screenshot');
const shotDir = path.resolve(arg('screenshot-dir', path.join(REPO, 'docs', 'screenshots')));
const verbose = process.argv.includes('--verbose') || !!process.env.STAR_VERBOSE;
const saveShots = process.env.STAR_SCREENSHOTS !== '0'; // STAR_SCREENSHOTS=0: acknowledge SCREENSHOT lines without saving
// Workbench chatter that reaches codeAutomationLog; shown only with --verbose.
const NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|\[Service Worker\]|ChatSessionStore|Creation of workbench contribution|Updating additional builtin extensions cache|Extension host \(Remote\) is (un)?responsive)/;
const stamp = (t0, what) => { if (verbose) { console.error(`[harness] +${((Date.now() - t0) / 1000).toFixed(1)} s ${what}`); } };

function resolveFromHost(id) {
  try {
    return require.resolve(id, { paths: [hostDir] });
  } catch {
    console.error(`Cannot find ${id} in ${hostDir}: run \`npm run setup-host\` (bash scripts/setup-vscode-host.sh) first.`);
    process.exit(2);
  }
}
const codeServer = arg('code-server') ? path.resolve(arg('code-server')) : resolveFromHost('code-server/out/node/entry.js');


/** A folder of links to each of code-server's built-in extensions except `left` (folder names, comma-separated). */
function builtinsWithout(left, dir) {
  const builtins = path.resolve(path.dirname(codeServer), '..', '..', 'lib', 'vscode', 'extensions');
  const leftOut = new Set(left.split(','));
  if (![...leftOut].every((name) => fs.existsSync(path.join(builtins, name)))) throw new Error(`--without-builtin ${left}: not all in ${builtins}`);
  fs.mkdirSync(dir);
  for (const name of fs.readdirSync(builtins)) if (!leftOut.has(name)) fs.symlinkSync(path.join(builtins, name), path.join(dir, name));
  return dir;
}

/** `code-server --install-extension` into the given extensions folder; returns the installed extension's folder. */
function installVsix(file, dirs, extensionsDir) {
  const privateNode = path.join(hostDir, 'node', 'bin', 'node');
  const nodeBin = arg('node', fs.existsSync(privateNode) ? privateNode : process.execPath);
  fs.mkdirSync(extensionsDir, { recursive: true });
  const result = spawnSync(nodeBin, [codeServer, '--install-extension', file, '--extensions-dir', extensionsDir, '--user-data-dir', dirs['user-data']], {
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: dirs.tmp, EXTENSIONS_GALLERY: '{}', XDG_CONFIG_HOME: dirs['xdg-config'], XDG_DATA_HOME: dirs['xdg-data'], XDG_CACHE_HOME: dirs['xdg-cache'] },
  });
  const installed = fs.existsSync(extensionsDir) ? fs.readdirSync(extensionsDir).filter((d) => d.startsWith('star-answers.star-answers-')) : [];
  if (result.status !== 0 || installed.length !== 1) {
    console.error(`[harness] code-server --install-extension ${file} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
    process.exit(1);
  }
  if (verbose) { console.error(`[harness] ${result.stdout.trim()}`); }
  return path.join(extensionsDir, installed[0]);
}

(async () => {
  const t0 = Date.now();
  if (webWorker && !vsix) {
    console.error('--web-worker needs --install-vsix <file>: the web worker host runs the packaged extension.');
    process.exit(2);
  }
  if (vsix && !fs.existsSync(vsix)) {
    console.error(`${vsix} does not exist: run \`npm run package\` first.`);
    process.exit(2);
  }
  if (!fs.existsSync(webWorker ? webTests : extTests)) {
    console.error(`${extTests} does not exist: run \`npm run build\` first.`);
    process.exit(2);
  }
  if (!fs.existsSync(chromiumPath)) {
    console.error(`No Chromium at ${chromiumPath}: run \`npm run setup-host\` (as root it installs Debian's chromium) or set CHROMIUM_PATH.`);
    process.exit(2);
  }
  const { chromium } = require(resolveFromHost('playwright-core'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'star-vscode-test-'));
  const dirs = {};
  for (const d of ['user-data', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache', 'tmp', 'screenshot-acks']) {
    dirs[d] = path.join(tmp, d); fs.mkdirSync(dirs[d], { recursive: true });
  }
  // The workspace: a throw-away copy of the example bank, so tests may edit files freely.
  let workspace = workspaceInPlace;
  if (!workspace) {
    workspace = path.join(tmp, 'workspace', path.basename(workspaceSource));
    fs.cpSync(workspaceSource, workspace, { recursive: true });
  }
  fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'files.autoSave': 'off', // the web workbench defaults to afterDelay; desktop VS Code (test-electron) to off
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'workbench.enableExperiments': false,
    'workbench.tips.enabled': false,
    'chat.disableAIFeatures': true,
    // STAR_VSCODE_SETTINGS='{"remote.autoForwardPorts": false}': more user settings (the editor bench's comparisons).
    ...(process.env.STAR_VSCODE_SETTINGS ? JSON.parse(process.env.STAR_VSCODE_SETTINGS) : {}),
  }, null, 2));

  const extraEnv = {};
  if (vsix) {
    const installed = installVsix(vsix, dirs, webWorker ? path.join(tmp, 'web-install') : dirs.extensions);
    if (webWorker) {
      // A copy of the installed extension that VS Code can run only in the web worker extension host.
      const webCopy = path.join(tmp, 'web-extension');
      fs.cpSync(installed, webCopy, { recursive: true });
      const manifestFile = path.join(webCopy, 'package.json');
      const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
      if (!manifest.browser) { console.error(`${vsix} has no "browser" entry: nothing to run in the web worker host`); process.exit(1); }
      delete manifest.main;
      manifest.extensionKind = ['web'];
      fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
      fs.mkdirSync(path.join(webCopy, 'web-tests'));
      fs.copyFileSync(webTests, path.join(webCopy, 'web-tests', 'index.js'));
      // What the tests read of the environment: a web worker has none (test/integration/web/index.ts reads this).
      const testEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => /^STAR_TEST_(FILES|GREP|TIMEOUT_MS)$/.test(k)));
      fs.writeFileSync(path.join(webCopy, 'web-tests', 'env.json'), JSON.stringify({ ...testEnv, STAR_TEST_ROUTE: 'web-worker' }));
      extDev = webCopy;
      extTests = path.join(webCopy, 'web-tests', 'index.js');
      console.log(`[harness] web worker route: ${path.basename(installed)} from ${path.relative(REPO, vsix)}, extensionKind ["web"]`);
    } else {
      // An empty extension in the development slot, so that the tests load and only the installed copy runs.
      extDev = path.join(tmp, 'test-runner-extension');
      fs.mkdirSync(extDev);
      fs.writeFileSync(path.join(extDev, 'package.json'), JSON.stringify({ name: 'test-runner', publisher: 'star-answers-tests', version: '0.0.0', engines: { vscode: '*' } }));
      extraEnv.STAR_EXPECT_EXTENSION_DIR = dirs.extensions;
      console.log(`[harness] installed ${path.relative(REPO, vsix)} as ${path.relative(tmp, installed)}; testing that copy`);
    }
  }

  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const csArgs = [codeServer, '--bind-addr', host, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions];
  // --without-builtin <folder>: VS Code's built-in extensions but that one (code-server takes no --disable-extension),
  // for the editor bench's runs without the built-in markdown extension.
  if (arg('without-builtin')) csArgs.push('--builtin-extensions-dir', builtinsWithout(arg('without-builtin'), path.join(tmp, 'builtin-extensions')));
  // Newer VS Code only honours the payload's extensionDevelopmentPath/extensionTestsPath in a built
  // product when the smoke-test driver is enabled; newer code-server passes it via --vscode-option.
  const cliJs = path.join(path.dirname(codeServer), 'cli.js');
  if (fs.existsSync(cliJs) && fs.readFileSync(cliJs, 'utf8').includes('"vscode-option"')) {
    csArgs.push('--vscode-option', 'enable-smoke-test-driver');
  }
  // A private Node installed by setup-vscode-host.sh (CS_NODE=..) sits in <host>/node/bin/node.
  const privateNode = path.join(hostDir, 'node', 'bin', 'node');
  const nodeBin = arg('node', fs.existsSync(privateNode) ? privateNode : process.execPath);
  const server = spawn(nodeBin, csArgs, {
    // EXTENSIONS_GALLERY='{}' turns off code-server's Open VSX gallery (unreachable offline).
    // TMPDIR: VS Code's sockets, the tests' own temp files etc. go into our temp dir and are removed with it.
    // The extension host inherits this environment (STAR_* variables reach the tests).
    // PORT emptied: code-server binds to $PORT over --bind-addr, and the harness talks to the port it chose.
    env: {
      ...process.env, PORT: '', TMPDIR: dirs.tmp, EXTENSIONS_GALLERY: '{}',
      XDG_CONFIG_HOME: dirs['xdg-config'], XDG_DATA_HOME: dirs['xdg-data'], XDG_CACHE_HOME: dirs['xdg-cache'],
      STAR_SCREENSHOT_ACK_DIR: dirs['screenshot-acks'], STAR_TEST_WORKSPACE: workspace, STAR_TEST_ROUTE: 'code-server', ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so we can kill the ext host etc. with it
  });
  const serverLog = [];
  const onServer = (d) => { serverLog.push(String(d)); if (verbose) { process.stderr.write(`[code-server] ${d}`); } };
  server.stdout.on('data', onServer);
  server.stderr.on('data', onServer);

  let browser; let exitCode = 1; let done; let summary;
  const finished = new Promise((r) => { done = r; });
  let shots = Promise.resolve();
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) { return; }
    cleaned = true;
    try { if (browser) { await browser.close(); } } catch { /* ignore */ }
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* ignore */ }
    await new Promise((r) => setTimeout(r, 300));
    try { process.kill(-server.pid, 'SIGKILL'); } catch { /* ignore */ }
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, async () => { console.error(`\n${sig}: stopping`); await cleanup(); process.exit(130); });
  }
  try {
    await waitHttp(`http://${host}/healthz`, 60000);
    stamp(t0, 'code-server answers');
    browser = await chromium.launch({
      executablePath: chromiumPath, headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    if (verbose) { page.on('console', (m) => process.stderr.write(`[browser:${m.type()}] ${m.text()}\n`)); }
    const takeShot = (name) => {
      shots = shots.then(async () => {
        const file = path.join(shotDir, `${name}.png`);
        if (!saveShots) { console.log(`[harness] screenshot ${name} not saved (STAR_SCREENSHOTS=0)`); } else try {
          fs.mkdirSync(shotDir, { recursive: true });
          await page.screenshot({ path: file });
          console.log(`[harness] saved ${path.relative(process.cwd(), file)}`);
        } catch (e) {
          console.error(`[harness] screenshot ${name} failed: ${e && e.message}`);
        }
        try { fs.writeFileSync(path.join(dirs['screenshot-acks'], `${name}.done`), ''); } catch { /* ignore */ }
      });
    };
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...args);
      if (verbose || !NOISE.test(line)) { (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`); }
      for (const l of line.split('\n')) {
        const m = /^\s*SCREENSHOT ([A-Za-z0-9._-]+)\s*$/.exec(l);
        if (m) { takeShot(m[1]); }
        const s = /^\s*(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/.exec(l);
        if (s) { summary = { passed: Number(s[1]), failed: Number(s[2]), skipped: Number(s[3] ?? 0) }; stamp(t0, 'summary line'); }
      }
    });
    await page.exposeFunction('codeAutomationExit', async (code) => {
      exitCode = code;
      stamp(t0, `codeAutomationExit(${code})`);
      await shots;
      if (finalShot) { try { await page.screenshot({ path: path.resolve(finalShot) }); } catch { /* ignore */ } }
      done();
    });
    const remote = (p) => `vscode-remote://${host}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extDev)],
      ['extensionTestsPath', remote(extTests)],
      ['skipWelcome', 'true'],
    ];
    const q = new URLSearchParams();
    if (multiRoot) {
      // A two-folder workspace: the examples first, then a copy of the given folder (with its own .vscode/settings.json).
      const second = path.join(path.dirname(workspace), path.basename(multiRoot));
      fs.cpSync(multiRoot, second, { recursive: true });
      const file = path.join(path.dirname(workspace), 'multi-root.code-workspace');
      fs.writeFileSync(file, JSON.stringify({ folders: [{ path: path.basename(workspace) }, { path: path.basename(multiRoot) }] }, null, 2));
      q.set('workspace', file);
    } else {
      q.set('folder', workspace);
    }
    q.set('payload', JSON.stringify(payload));
    console.log(`[harness] VS Code (code-server) at http://${host}, workspace ${workspace}`);
    await page.goto(`http://${host}/?${q}`);
    const stopProbes = await startWindowProbes(page, (line) => console.log(`[harness] ${line}`));
    stamp(t0, 'workbench page loaded');
    if (verbose) { page.waitForSelector('.monaco-workbench', { timeout: timeoutMs }).then(() => stamp(t0, 'workbench rendered'), () => {}); }
    const timer = setTimeout(() => {
      console.error(`TIMEOUT after ${timeoutMs / 1000}s waiting for the extension tests to finish`);
      exitCode = 124; done();
    }, timeoutMs);
    await finished;
    clearTimeout(timer);
    await stopProbes();
    stamp(t0, 'tests finished');
  } catch (e) {
    console.error('HARNESS ERROR:', (e && e.stack) || e);
    exitCode = exitCode || 1;
  }
  if (exitCode === 0 && !summary) {
    console.error('[harness] the extension host exited with 0 but printed no "N passed, N failed" line: treating as a failure');
    exitCode = 1;
  }
  if (exitCode !== 0) { console.error(`[harness] code-server log (tail):\n${serverLog.join('').slice(-3000)}`); }
  await cleanup();
  console.log(`[harness] extension host exit code ${exitCode}${summary ? ` (${summary.passed} passed, ${summary.failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ''})` : ''} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(exitCode);
})();
