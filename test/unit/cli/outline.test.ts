import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runOutline } from '../../../src/cli/outline';

async function outline(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runOutline(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: path.join(__dirname, '../../fixtures') });
  return { code, stdout, stderr };
}

describe('cli: star-answers outline', () => {
  it('--json over the examples folder: 6 principles, 13 stories, the README left out', async () => {
    const { code, stdout, stderr } = await outline(['--json', 'examples']);
    assert.equal(code, 0);
    assert.equal(stderr, '');
    const { files } = JSON.parse(stdout);
    assert.equal(files.length, 6);
    const principles = files.flatMap((f: { principles: unknown[] }) => f.principles);
    assert.equal(principles.length, 6);
    assert.equal(principles.flatMap((p: { questions: unknown[] }) => p.questions).length, 13);
  });

  it('--json prints exactly the documented shape, lines 1-based', async () => {
    const { stdout } = await outline(['--json', 'examples/formats/list-labels.md']);
    assert.deepEqual(JSON.parse(stdout), {
      files: [
        {
          path: 'examples/formats/list-labels.md',
          principles: [
            {
              title: 'Bias for Action',
              line: 1,
              definition: 'Speed matters in business. Many decisions and actions are reversible and do not need extensive study.',
              questions: [
                {
                  title: 'Tell me about a time you made a decision without all the information.',
                  line: 5,
                  sections: [
                    { kind: 'situation', label: 'S', line: 6, endLine: 6, words: 16 },
                    { kind: 'task', label: 'T', line: 7, endLine: 7, words: 14 },
                    { kind: 'action', label: 'A', line: 8, endLine: 8, words: 22 },
                    { kind: 'result', label: 'R', line: 9, endLine: 9, words: 18 },
                  ],
                },
                {
                  title: 'Describe a time you took a calculated risk.',
                  line: 11,
                  sections: [
                    { kind: 'situation', label: 'Situation', line: 12, endLine: 12, words: 10 },
                    { kind: 'task', label: 'Task', line: 13, endLine: 13, words: 6 },
                    { kind: 'action', label: 'Action', line: 14, endLine: 14, words: 17 },
                    { kind: 'result', label: 'Result', line: 15, endLine: 15, words: 6 },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('a missing file: one line on stderr, exit 2, the other files still reported', async () => {
    const { code, stdout, stderr } = await outline(['--json', 'nope.md', 'examples/formats/headings.md']);
    assert.equal(code, 2);
    assert.equal(stderr, 'star-answers outline: nope.md: no such file or folder\n');
    assert.equal(JSON.parse(stdout).files.length, 1);
  });

  it('bad usage exits 2 with the usage line', async () => {
    for (const args of [[], ['--yaml', 'examples'], ['--format', 'yaml', 'examples']]) {
      const { code, stderr } = await outline(args);
      assert.equal(code, 2);
      assert.match(stderr, /Usage: star-answers outline/);
    }
  });

  it('text output names each story with its S/T/A/R marks: written, empty or missing', async () => {
    const { stdout } = await outline(['--format', 'text', 'examples/formats/incomplete.md']);
    assert.match(stdout, /Tell me about a time you delivered a project under a tight deadline\. {2}\(line 6\) {2}S✓ T✗ A✓ R✓/);
    assert.match(stdout, /Describe a goal you did not reach\. {2}\(line 24\) {2}S✓ T✓ A∅ R✓/);
    assert.match(stdout, /Action: line 35, empty/);
  });

  it('a folder without markdown is an error, not a silent pass', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'star-empty-'));
    try {
      const { code, stderr } = await outline([dir]);
      assert.equal(code, 2);
      assert.match(stderr, /no markdown files in this folder/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--help prints the usage and exits 0', async () => {
    const { code, stdout } = await outline(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /^Usage: star-answers outline/);
  });

  it('a file it can only partly read: the reason on stderr, the rest of the outline on stdout', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'star-outline-'));
    const file = path.join(dir, 'deep.md');
    fs.writeFileSync(file, '## Q\n\n**Situation:** s\n\n' + '<details>'.repeat(5000));
    try {
      const { code, stdout, stderr } = await outline(['--json', file]);
      assert.equal(code, 0);
      assert.match(stderr, /deep\.md: The raw HTML in this file is nested too deeply to read/);
      assert.equal(JSON.parse(stdout).files[0].principles[0].questions[0].title, 'Q');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
