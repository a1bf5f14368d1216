#!/usr/bin/env node
'use strict';
/*
 * `npm start`: build, then open the example story bank (a throw-away copy of test/fixtures/examples)
 * in a real VS Code with this extension loaded.
 *  - Desktop VS Code (`code` on PATH, unless STAR_USE_CODE_SERVER=1):
 *      code --new-window --wait --extensionDevelopmentPath=<repo> <copy>
 *  - Otherwise code-server (installed by scripts/setup-vscode-host.sh, cached) on 127.0.0.1:
 *      port $PORT, else 8080 when free, else any free port; the extension is loaded through an
 *      --extensions-dir holding a symlink star-answers.star-answers-<version> -> <repo>.
 *      Open the printed URL in a browser (through an SSH tunnel from another machine:
 *      ssh -L 8080:127.0.0.1:8080 host). After a rebuild (`npm run watch`), reload the window.
 * Runs until Ctrl-C, then removes its temp dirs. `--no-build` skips the build; `--folder DIR` opens
 * DIR itself instead of a copy of the examples.
 *
 * Also used as a module by scripts/ui-check.js: startCodeServer({ folder, port }) -> { url, folderUrl, stop }.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { portFree, freePort, waitHttp } = require('./lib/loopback');

const REPO = path.resolve(__dirname, '..');
const HOST_DIR = path.resolve(process.env.VSCODE_HOST_DIR || path.join(REPO, '.vscode-test', 'code-server-4.100.3'));

function onPath(cmd) {
  const exts = process.platform === 'win32' ? ['.cmd', '.exe', ''] : [''];
  return (process.env.PATH || '').split(path.delimiter).some((d) => d && exts.some((e) => {
    try { fs.accessSync(path.join(d, cmd + e), fs.constants.X_OK); return true; } catch { return false; }
  }));
}
async function choosePort(requested) {
  if (requested) {
    if (!(await portFree(Number(requested)))) { throw new Error(`port ${requested} (from PORT) is in use`); }
    return Number(requested);
  }
  return (await portFree(8080)) ? 8080 : freePort();
}
function setupHost() {
  const r = spawnSync('bash', [path.join(REPO, 'scripts', 'setup-vscode-host.sh')], { stdio: 'inherit', cwd: REPO });
  if (r.status !== 0) { throw new Error('scripts/setup-vscode-host.sh failed'); }
}

/** Start code-server with this extension installed (symlinked) and return its URLs and a stop(). */
async function startCodeServer({ folder, port, settings = {}, verbose = false } = {}) {
  const entry = path.join(HOST_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) { throw new Error(`no code-server in ${HOST_DIR}: run \`npm run setup-host\``); }
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'star-vscode-'));
  const dirs = {};
  for (const d of ['user-data', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache']) {
    dirs[d] = path.join(tmp, d); fs.mkdirSync(dirs[d], { recursive: true });
  }
  fs.symlinkSync(REPO, path.join(dirs.extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`), 'dir');
  fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'workbench.enableExperiments': false,
    ...settings,
  }, null, 2));
  const chosen = await choosePort(port);
  const host = `127.0.0.1:${chosen}`;
  const privateNode = path.join(HOST_DIR, 'node', 'bin', 'node');
  const server = spawn(fs.existsSync(privateNode) ? privateNode : process.execPath, [entry,
    '--bind-addr', host, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions], {
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', XDG_CONFIG_HOME: dirs['xdg-config'], XDG_DATA_HOME: dirs['xdg-data'], XDG_CACHE_HOME: dirs['xdg-cache'] },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const log = [];
  const onData = (d) => { log.push(String(d)); if (verbose) { process.stderr.write(`[code-server] ${d}`); } };
  server.stdout.on('data', onData);
  server.stderr.on('data', onData);
  let stopped = false;
  const stop = async () => {
    if (stopped) { return; }
    stopped = true;
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* ignore */ }
    await new Promise((r) => setTimeout(r, 300));
    try { process.kill(-server.pid, 'SIGKILL'); } catch { /* ignore */ }
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    await waitHttp(`http://${host}/healthz`, 60000);
  } catch (e) {
    await stop();
    throw new Error(`${e.message}\n${log.join('').slice(-3000)}`);
  }
  const url = `http://${host}`;
  return { url, port: chosen, folderUrl: folder ? `${url}/?folder=${encodeURIComponent(folder)}` : url, server, log, stop };
}

async function main() {
  const args = process.argv.slice(2);
  const fi = args.indexOf('--folder');
  if (!args.includes('--no-build')) {
    const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: REPO });
    if (r.status !== 0) { console.error('build failed'); process.exit(r.status || 1); }
  }
  let tmp;
  let folder;
  if (fi >= 0) {
    folder = path.resolve(args[fi + 1]);
  } else {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'star-bank-'));
    folder = path.join(tmp, 'examples');
    fs.cpSync(path.join(REPO, 'test', 'fixtures', 'examples'), folder, { recursive: true });
  }
  const removeTmp = () => { if (tmp) { fs.rmSync(tmp, { recursive: true, force: true }); tmp = undefined; } };

  if (process.env.STAR_USE_CODE_SERVER !== '1' && onPath('code')) {
    console.log(`Opening ${folder} in VS Code with the extension from ${REPO} (close the window or press Ctrl-C to end)`);
    const child = spawn('code', ['--new-window', '--wait', `--extensionDevelopmentPath=${REPO}`, folder], { stdio: 'inherit', shell: process.platform === 'win32' });
    const end = (code) => { removeTmp(); process.exit(code); };
    process.on('SIGINT', () => { try { child.kill(); } catch { /* ignore */ } end(130); });
    process.on('SIGTERM', () => { try { child.kill(); } catch { /* ignore */ } end(143); });
    child.on('exit', (code) => end(code || 0));
    return;
  }

  setupHost();
  let cs;
  try {
    cs = await startCodeServer({ folder, port: process.env.PORT, settings: { 'workbench.startupEditor': 'none' }, verbose: !!process.env.STAR_VERBOSE });
  } catch (e) {
    removeTmp();
    console.error(e.message);
    process.exit(1);
  }
  const line = '='.repeat(78);
  console.log(`\n${line}\n  STAR Answers is running in VS Code (code-server ${path.basename(HOST_DIR)}).\n`);
  console.log(`  Open:  ${cs.folderUrl}\n`);
  console.log(`  Story bank: ${folder}${tmp ? ' (a copy of test/fixtures/examples, deleted on exit)' : ''}`);
  console.log(`  Extension:  ${REPO} (after \`npm run build\`, run "Developer: Reload Window")`);
  console.log(`  Press Ctrl-C to stop.\n${line}\n`);
  let stopping = false;
  const shutdown = async (code) => { stopping = true; await cs.stop(); removeTmp(); process.exit(code); };
  process.on('SIGINT', () => { console.log('\nstopping'); shutdown(0); });
  process.on('SIGTERM', () => shutdown(0));
  process.on('SIGHUP', () => shutdown(0));
  cs.server.on('exit', (code) => { if (stopping) { return; } console.error(`code-server exited (${code})\n${cs.log.join('').slice(-2000)}`); removeTmp(); process.exit(1); });
}

module.exports = { startCodeServer, setupHost, REPO, HOST_DIR };
if (require.main === module) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
