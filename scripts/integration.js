#!/usr/bin/env node
'use strict';
/*
 * `npm run test:integration`: build, then run test/integration/*.test.ts (bundled to out/integration/)
 * inside a real VS Code extension host, by one of two routes:
 *
 *  - @vscode/test-electron (downloads desktop VS Code from Microsoft, needs internet): used when a
 *    desktop VS Code is installed (`code` on PATH) or STAR_USE_TEST_ELECTRON=1. On Linux without
 *    DISPLAY it re-runs itself under `xvfb-run -a`. VSCODE_VERSION picks the version (default: the
 *    package.json engines minimum, e.g. 1.100.0); STAR_VSCODE_EXECUTABLE uses a local VS Code binary instead.
 *  - code-server + Debian Chromium (npm registry + Debian only; what CI uses): otherwise, or with
 *    STAR_USE_CODE_SERVER=1. Runs scripts/setup-vscode-host.sh (cached) then scripts/run-vscode-tests.js.
 *
 * On the code-server route more stages follow the suite: test/integration/multiroot.test.ts in a two-folder
 * workspace (each folder with its own settings), then (STAR_PACKAGED=0 leaves these out, and says so):
 *  - the packaged extension: `vsce package` makes out/star-answers.vsix (at most 500 KB), code-server installs
 *    it, and a smoke subset (activation, diagnostics, tree, preview) runs against that installed copy;
 *  - the web extension: the same .vsix, forced into the browser's web worker extension host
 *    (extensionKind web), runs the web subset of the suite (test/integration/web/index.ts).
 *
 * Never skips: exits non-zero when a test fails or the host cannot be set up.
 * Env: STAR_SKIP_BUILD=1 (don't build), STAR_TEST_GREP=<regex>, STAR_TEST_FILES=<prefix,...>,
 *      STAR_SCREENSHOTS=0 (don't write docs/screenshots), STAR_VERBOSE=1.
 * Extra arguments are passed to scripts/run-vscode-tests.js (code-server route), e.g. --verbose.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const REPO = path.resolve(__dirname, '..');
const extraArgs = process.argv.slice(2);

function onPath(cmd) {
  const exts = process.platform === 'win32' ? ['.cmd', '.exe', ''] : [''];
  return (process.env.PATH || '').split(path.delimiter).some((d) => d && exts.some((e) => {
    try { fs.accessSync(path.join(d, cmd + e), fs.constants.X_OK); return true; } catch { return false; }
  }));
}
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: REPO, ...opts });
  if (r.error) { console.error(`${cmd}: ${r.error.message}`); return 1; }
  return r.status === null ? 1 : r.status;
}
function exit(code) { process.exit(code); }

const t0 = Date.now();
if (process.env.STAR_SKIP_BUILD !== '1' && !process.env.STAR_INTEGRATION_REEXEC) {
  const code = run(process.execPath, ['scripts/build.mjs']);
  if (code !== 0) { console.error('build failed'); exit(code); }
}
if (!fs.existsSync(path.join(REPO, 'out', 'integration', 'index.js'))) {
  console.error('out/integration/index.js is missing: the build did not bundle test/integration/index.ts');
  exit(1);
}

const VSIX = path.join(REPO, 'out', 'star-answers.vsix');
const MAX_VSIX_BYTES = 500 * 1024;

/** Packages the .vsix, then tests the installed copy (Node host) and the web build (web worker host). */
function testPackaged() {
  const t1 = Date.now();
  fs.rmSync(VSIX, { force: true });
  let code = run(process.execPath, [path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', VSIX]);
  if (code !== 0 || !fs.existsSync(VSIX)) { console.error('[integration] vsce package failed'); return code || 1; }
  const size = fs.statSync(VSIX).size;
  console.log(`[integration] packaged ${path.relative(REPO, VSIX)}: ${(size / 1024).toFixed(1)} KB (limit ${MAX_VSIX_BYTES / 1024} KB)`);
  if (size > MAX_VSIX_BYTES) { console.error('[integration] the .vsix is larger than 500 KB: see out/bundle-report.md and .vscodeignore'); return 1; }
  const harness = path.join(REPO, 'scripts', 'run-vscode-tests.js');
  const env = { ...process.env, STAR_SCREENSHOTS: '0', STAR_TEST_FILES: process.env.STAR_TEST_FILES || 'activation,diagnostics,tree,preview' };
  code = run(process.execPath, [harness, '--install-vsix', VSIX, ...extraArgs], { env });
  console.log(`[integration] installed .vsix (smoke: ${env.STAR_TEST_FILES}): ${code === 0 ? 'passed' : `FAILED (exit ${code})`}`);
  if (code !== 0) return code;
  // The web suite: test/integration/web/index.ts; STAR_TEST_FILES narrows it as it does the desktop suite.
  const webEnv = { ...process.env, STAR_SCREENSHOTS: '0' };
  code = run(process.execPath, [harness, '--install-vsix', VSIX, '--web-worker', ...extraArgs], { env: webEnv });
  console.log(`[integration] web worker extension host: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} (packaged stages ${((Date.now() - t1) / 1000).toFixed(1)} s)`);
  return code;
}

const useElectron = process.env.STAR_USE_CODE_SERVER !== '1' &&
  (process.env.STAR_USE_TEST_ELECTRON === '1' || !!process.env.STAR_VSCODE_EXECUTABLE || onPath('code'));

if (!useElectron) {
  // ---- code-server route ----
  console.log('[integration] route: code-server + Chromium (set STAR_USE_TEST_ELECTRON=1 to use @vscode/test-electron)');
  let code = run('bash', [path.join(REPO, 'scripts', 'setup-vscode-host.sh')]);
  if (code !== 0) { console.error('[integration] setting up the VS Code host failed'); exit(code); }
  code = run(process.execPath, [path.join(REPO, 'scripts', 'run-vscode-tests.js'), ...extraArgs]);
  console.log(`[integration] development folder: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (code !== 0) exit(code);
  const only = process.env.STAR_TEST_FILES;
  if (!only || only.split(',').some((f) => 'multiroot'.startsWith(f.trim()))) {
    // Settings per workspace folder: the examples plus a folder with its own include, exclude and rules.
    code = run(process.execPath, [path.join(REPO, 'scripts', 'run-vscode-tests.js'), '--multi-root', path.join(REPO, 'test', 'fixtures', 'multiroot', 'second-bank'), ...extraArgs], { env: { ...process.env, STAR_TEST_FILES: 'multiroot' } });
    console.log(`[integration] multi-root workspace: ${code === 0 ? 'passed' : `FAILED (exit ${code})`}`);
    if (code !== 0) exit(code);
  }
  if (process.env.STAR_PACKAGED === '0') {
    console.log('[integration] STAR_PACKAGED=0: the packaged .vsix and the web worker host were NOT tested');
    exit(0);
  }
  exit(testPackaged());
} else if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && !process.env.STAR_INTEGRATION_REEXEC) {
  // ---- test-electron route needs a display: re-run under a virtual one ----
  if (!onPath('xvfb-run')) {
    console.error('[integration] no DISPLAY and no xvfb-run: install xvfb (apt-get install xvfb) or set STAR_USE_CODE_SERVER=1');
    exit(1);
  }
  exit(run('xvfb-run', ['-a', process.execPath, __filename, ...extraArgs], { env: { ...process.env, STAR_INTEGRATION_REEXEC: '1' } }));
} else {
  // ---- @vscode/test-electron route ----
  const { runTests } = require('@vscode/test-electron');
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const engineMin = String(pkg.engines && pkg.engines.vscode || '').replace(/^[\^~>=\s]+/, '');
  const version = process.env.VSCODE_VERSION || engineMin || 'stable';
  // The workspace: a throw-away copy of the example bank, so tests may edit files freely.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'star-vscode-test-'));
  const workspace = path.join(tmp, 'workspace', 'examples');
  fs.cpSync(path.join(REPO, 'test', 'fixtures', 'examples'), workspace, { recursive: true });
  const userData = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', 'files.autoSave': 'off',
    'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoUpdate': false,
  }, null, 2));
  console.log(`[integration] route: @vscode/test-electron, VS Code ${process.env.STAR_VSCODE_EXECUTABLE || version}, workspace ${workspace}`);
  const cleanup = () => fs.rmSync(tmp, { recursive: true, force: true });
  runTests({
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(REPO, 'out', 'integration', 'index.js'),
    ...(process.env.STAR_VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.STAR_VSCODE_EXECUTABLE } : { version }),
    launchArgs: [workspace, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
      '--user-data-dir', userData, '--extensions-dir', path.join(tmp, 'extensions')],
    extensionTestsEnv: { STAR_TEST_ROUTE: 'test-electron', STAR_TEST_WORKSPACE: workspace },
  }).then((code) => {
    cleanup();
    console.log(`[integration] ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    console.log('[integration] the packaged .vsix and the web worker host are tested on the code-server route only (STAR_USE_CODE_SERVER=1)');
    exit(code);
  }, (err) => {
    cleanup();
    console.error('[integration] FAILED:', (err && err.message) || err);
    exit(1);
  });
}
