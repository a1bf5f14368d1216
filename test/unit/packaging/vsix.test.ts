import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const ALLOW_LIST = path.join(__dirname, 'vsix-files.txt');

/** The files `vsce` would package, as `vsce ls` lists them, after building the bundles it ships. */
function vsceLs(): string[] {
  execFileSync(process.execPath, ['scripts/build.mjs', '--only=extension,worker,web,webWorker,webview'], { cwd: ROOT, stdio: 'pipe' });
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const out = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return out.split('\n').map((l) => l.trim()).filter(Boolean).sort();
}

describe('packaging: the .vsix', () => {
  let files: string[];
  before(function () {
    this.timeout(120000);
    files = vsceLs();
  });

  it('ships exactly the allow-listed files (test/unit/packaging/vsix-files.txt): nothing unexpected, nothing missing', () => {
    const allowed = fs.readFileSync(ALLOW_LIST, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean).sort();
    assert.deepEqual(files, allowed);
  });

  it('every file the manifest points at is shipped', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const c = pkg.contributes;
    const referenced = [
      pkg.main,
      pkg.browser,
      pkg.icon,
      ...c.snippets.map((s: { path: string }) => s.path),
      ...c.grammars.map((g: { path: string }) => g.path),
      ...c.viewsContainers.activitybar.map((v: { icon: string }) => v.icon),
      ...c.walkthroughs.flatMap((w: { steps: { media: { markdown?: string } }[] }) => w.steps.map((s) => s.media.markdown)),
    ].map((p: string) => p.replace(/^\.\//, ''));
    for (const p of referenced) assert.ok(files.includes(p), `${p} is referenced by package.json but not packaged`);
  });

  it('no screenshots, sources, source maps, tests or the command-line tool in it', () => {
    for (const f of files) assert.doesNotMatch(f, /^(docs|src|test|scripts|packages|out)\/|\.map$|\.ts$|cli\.js$/, f);
  });
});
