import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runExport } from '../../../src/cli/export';

async function run(args: string[], cwd = path.join(__dirname, '../../fixtures')) {
  let stdout = '';
  let stderr = '';
  const code = await runExport(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd }, new Date(Date.UTC(2026, 11, 1)));
  return { code, stdout, stderr };
}

describe('cli: star-answers export', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'star-export-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the examples to one HTML page with -o', async () => {
    const out = path.join(dir, 'bank.html');
    const { code, stderr } = await run(['examples', '-o', out]);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /wrote 13 stories to /);
    const html = fs.readFileSync(out, 'utf8');
    assert.equal((html.match(/<details class="story"/g) ?? []).length, 13);
    assert.match(html, /exported 2026-12-01/);
    assert.match(html, /<table>/);
    assert.doesNotMatch(html, /<script/i);
  });

  it('writes markdown for a .md output or --format markdown, to standard output with -o -', async () => {
    const out = path.join(dir, 'bank.md');
    assert.equal((await run(['examples/seed', '-o', out])).code, 0);
    assert.match(fs.readFileSync(out, 'utf8'), /^# Customer Obsession\n/);
    const { code, stdout } = await run(['examples/seed', '--format', 'markdown', '-o', '-']);
    assert.equal(code, 0);
    assert.match(stdout, /^# Customer Obsession\n/);
    const html = await run(['examples/seed', '-o', '-', '--no-plan', '--title', 'My bank', '--wpm', '120']);
    assert.match(html.stdout, /<title>My bank<\/title>/);
    assert.doesNotMatch(html.stdout, /<table>/);
    assert.match(html.stdout, /at 120 words per minute/);
  });

  it('explains bad usage with exit code 2 and writes nothing', async () => {
    for (const [args, message] of [
      [['examples'], /no output given/],
      [['-o', 'x.html'], /no files or folders given/],
      [['examples', '-o', 'x.html', '--format', 'pdf'], /--format must be "html" or "markdown"/],
      [['examples', '-o', 'x.html', '--wpm', 'fast'], /--wpm must be/],
      [['examples', '-o', 'x.html', '--bogus'], /unknown option "--bogus"/],
    ] as const) {
      const { code, stderr } = await run([...args], dir);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message);
    }
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('refuses to write an empty page when no file holds a story', async () => {
    const { code, stderr } = await run(['examples/README.md', '-o', path.join(dir, 'x.html')]);
    assert.equal(code, 2);
    assert.match(stderr, /no story in the files given/);
    assert.deepEqual(fs.readdirSync(dir), []);
  });
});
