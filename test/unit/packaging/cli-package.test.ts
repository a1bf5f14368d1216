import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLint } from '../../../src/cli/lint';

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = path.join(ROOT, 'test', 'fixtures', 'examples');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// Inside `npm test`, npm's own variables would point the nested npm at this repository.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

describe('packaging: the star-answers npm package (packages/cli)', () => {
  let tmp: string;
  let tarball: string;
  before(function () {
    this.timeout(180000);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'star-cli-pack-'));
    // npm pack runs the package's prepack script: a production build of the CLI.
    const packed = JSON.parse(execFileSync(npm, ['pack', path.join(ROOT, 'packages', 'cli'), '--json', '--pack-destination', tmp], { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    tarball = path.join(tmp, packed[0].filename);
    console.log(`      ${packed[0].filename}: ${(packed[0].size / 1024).toFixed(1)} KB packed, ${(packed[0].unpackedSize / 1024).toFixed(1)} KB unpacked, files ${packed[0].files.map((f: { path: string }) => f.path).join(', ')}`);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('holds the bundled CLI, its README, licence and manifest, with no dependencies to fetch', () => {
    const list = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
    assert.deepEqual(list, ['package/LICENSE', 'package/README.md', 'package/dist/cli.js', 'package/dist/export.js', 'package/dist/lint.js', 'package/dist/outline.js', 'package/dist/worker.js', 'package/package.json']);
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    assert.equal(manifest.name, 'star-answers');
    assert.equal(manifest.version, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    assert.deepEqual(manifest.bin, { 'star-answers': 'dist/cli.js' });
    assert.equal(manifest.dependencies, undefined);
  });

  it('installs offline into an empty folder, and `npx star-answers lint` checks the examples as the source does', async function () {
    this.timeout(180000);
    const project = path.join(tmp, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'story-bank', private: true }));
    execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], { cwd: project, env, stdio: 'pipe' });
    const run = spawnSync('npx', ['--offline', '--no-install', 'star-answers', 'lint', '--format', 'json', EXAMPLES], { cwd: project, env, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const findings = JSON.parse(run.stdout) as { rule: string; path: string }[];
    let stdout = '';
    await runLint(['--format', 'json', EXAMPLES], { stdout: (s) => void (stdout += s), stderr: () => undefined, cwd: project });
    const fromSource = JSON.parse(stdout) as { rule: string; path: string }[];
    assert.ok(findings.length > 0);
    assert.deepEqual(findings, fromSource);
    const version = spawnSync('npx', ['--offline', '--no-install', 'star-answers', '--version'], { cwd: project, env, encoding: 'utf8' });
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });
});
