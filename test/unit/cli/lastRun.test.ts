import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { replayLastRun } from '../../../src/cli/lastRun';
import { runLint } from '../../../src/cli/lint';

const story = (n: number, result: string) => `# P${n}\n\n## Q${n}\n\n**Situation:** s\n\n**Task:** t\n\n**Action:** We did it.\n\n**Result:** ${result}\n`;

function capture(cwd: string) {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s), cwd } };
}

/** A bank in its own parent folder (where a settings file may appear), every stamp a minute old. */
function bank(): { parent: string; dir: string } {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'star-last-run-'));
  const dir = path.join(parent, 'bank');
  fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'a.md'), story(1, 'better'));
  fs.writeFileSync(path.join(dir, 'sub', 'b.md'), story(2, 'faster'));
  age(parent);
  return { parent, dir };
}

/** Sets the modification time of a folder and of everything under it a minute back. */
function age(folder: string): void {
  const then = new Date(Date.now() - 60_000);
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const where = path.join(folder, entry.name);
    if (entry.isDirectory()) age(where);
    else fs.utimesSync(where, then, then);
  }
  fs.utimesSync(folder, then, then);
}

const ARGS = ['--cache-location', '../cache', '.'];

async function lint(dir: string, args = ARGS) {
  const { out, io } = capture(dir);
  const code = await runLint(args, io);
  return { code, ...out };
}

function replay(dir: string, args = ARGS) {
  const { out, io } = capture(dir);
  const code = replayLastRun(args, io);
  return { code, ...out };
}

describe('cli: the quick answer of an unchanged bank (lint --cache)', function () {
  this.timeout(60_000);

  it("answers from the last run's record, byte for byte, when nothing it read or listed changed", async () => {
    const { dir } = bank();
    const first = await lint(dir);
    assert.match(first.stdout, /ownership/);
    assert.equal(first.code, 0);
    assert.deepEqual(replay(dir), first);
    assert.deepEqual(replay(dir, ['--cache-location', '../cache', '--format', 'json', '.']).code, undefined, 'other arguments, no answer');
  });

  it('gives no answer once a file changes, and the usual run records the new one', async () => {
    const { dir } = bank();
    await lint(dir);
    fs.writeFileSync(path.join(dir, 'sub', 'b.md'), story(2, '40% faster'));
    assert.equal(replay(dir).code, undefined);
    age(dir);
    const second = await lint(dir);
    assert.deepEqual(replay(dir), second);
  });

  it('gives no answer once a file comes into a subfolder, or the folder gets a .gitignore', async () => {
    const { dir } = bank();
    await lint(dir);
    fs.writeFileSync(path.join(dir, 'sub', 'c.md'), story(3, 'better'));
    assert.equal(replay(dir).code, undefined);
    age(dir);
    await lint(dir);
    assert.notEqual(replay(dir).code, undefined);
    fs.writeFileSync(path.join(dir, '.gitignore'), 'sub/\n');
    assert.equal(replay(dir).code, undefined);
  });

  it('gives no answer once a settings file appears in a folder above the bank, or one there changes', async () => {
    const { parent, dir } = bank();
    await lint(dir);
    fs.writeFileSync(path.join(parent, '.star-answers.json'), '{"rules": {"ownership": "off"}}');
    assert.equal(replay(dir).code, undefined);
    age(parent);
    const quiet = await lint(dir);
    assert.doesNotMatch(quiet.stdout, /ownership/);
    assert.deepEqual(replay(dir), quiet);
    fs.writeFileSync(path.join(parent, '.star-answers.json'), '{"rules": {"ownership": "error"}}');
    assert.equal(replay(dir).code, undefined);
  });

  it('records nothing when a file changed just before the run, under a symbolic link, or for a glob', async () => {
    const { dir } = bank();
    fs.writeFileSync(path.join(dir, 'a.md'), story(1, 'twice as fast'));
    await lint(dir);
    assert.equal(replay(dir).code, undefined, 'a stamp too close to the run proves nothing');

    const linked = bank();
    fs.symlinkSync(path.join(linked.dir, 'sub'), path.join(linked.dir, 'link'));
    age(linked.dir);
    await lint(linked.dir);
    assert.equal(replay(linked.dir).code, undefined, 'a symbolic link');

    const globbed = bank();
    const args = ['--cache-location', '../cache', '**/*.md'];
    await lint(globbed.dir, args);
    assert.equal(replay(globbed.dir, args).code, undefined, 'a glob');
  });

  it('answers nothing without --cache', async () => {
    const { dir } = bank();
    await lint(dir, ['.']);
    assert.equal(replay(dir, ['.']).code, undefined);
  });
});
