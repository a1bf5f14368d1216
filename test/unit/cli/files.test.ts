import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readInputs } from '../../../src/cli/files';

/** A throw-away repository: files are [path, text] pairs; folders are created as needed. */
function makeTree(files: [string, string][]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'star-files-'));
  for (const [p, text] of files) {
    fs.mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    fs.writeFileSync(path.join(root, p), text);
  }
  return root;
}

describe('cli: input files, folders and globs', () => {
  let root: string;
  before(() => {
    root = makeTree([
      ['.git/HEAD', 'ref: refs/heads/main\n'],
      ['.gitignore', 'drafts/\n*.tmp.md\n'],
      ['bank/Ownership.md', '# Ownership\n'],
      ['bank/b.markdown', '# B\n'],
      ['bank/notes.txt', 'not markdown'],
      ['bank/old.tmp.md', '# ignored by the root .gitignore\n'],
      ['bank/drafts/wip.md', '# ignored folder\n'],
      ['bank/archive/.gitignore', 'private.md\n'],
      ['bank/archive/private.md', '# ignored by a nested .gitignore\n'],
      ['bank/archive/2024.md', '# kept\n'],
      ['bank/node_modules/pkg/README.md', '# never read\n'],
      ['bank/.hidden/secret.md', '# dot-folders are skipped\n'],
    ]);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const paths = async (args: string[]) => {
    const { files, problems } = await readInputs(args, root);
    return { files: files.map((f) => f.path.split(path.sep).join('/')), problems };
  };

  it('a folder: its markdown files, .gitignore (root and nested), node_modules and dot-folders respected', async () => {
    const { files, problems } = await paths(['bank']);
    assert.deepEqual(problems, []);
    assert.deepEqual(files, ['bank/archive/2024.md', 'bank/b.markdown', 'bank/Ownership.md']);
  });

  it('a glob, and !glob to leave files out', async () => {
    assert.deepEqual((await paths(['bank/**/*.md'])).files, ['bank/archive/2024.md', 'bank/Ownership.md']);
    assert.deepEqual((await paths(['bank/**/*.md', '!bank/archive/**'])).files, ['bank/Ownership.md']);
    assert.deepEqual((await paths(['bank', '!bank/archive/**'])).files, ['bank/b.markdown', 'bank/Ownership.md']);
  });

  it('a file named itself is read even when .gitignore ignores it; each file once', async () => {
    const { files } = await paths(['bank/drafts/wip.md', 'bank/drafts/wip.md', 'bank/Ownership.md', 'bank']);
    assert.deepEqual(files, ['bank/drafts/wip.md', 'bank/Ownership.md', 'bank/archive/2024.md', 'bank/b.markdown']);
  });

  it('clear problems for a missing path, a glob without matches and an empty folder', async () => {
    fs.mkdirSync(path.join(root, 'empty'), { recursive: true });
    const { problems } = await paths(['missing.md', 'nothing/**/*.md', 'empty']);
    assert.deepEqual(problems, [
      { path: 'missing.md', message: 'no such file or folder' },
      { path: 'nothing/**/*.md', message: 'no file matches this glob' },
      { path: 'empty', message: 'no markdown files in this folder' },
    ]);
  });
});
