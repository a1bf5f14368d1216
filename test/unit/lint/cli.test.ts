import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLint, type LintFinding } from '../../../src/cli/lint';

const ROOT = path.resolve(__dirname, '../../..');

async function run(argv: string[], cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const code = await runLint(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd });
  return { code, stdout, stderr };
}

/** A throw-away folder with the given files. */
function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'star-lint-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const WE_STORY = '# P\n\n## Q\n\n**Situation:** s\n\n**Task:** t\n\n**Action:** We did it and we won.\n\n**Result:** 3 more.\n';

describe('cli: star-answers lint', () => {
  it('--format json test/fixtures/examples reports exactly the flaws the examples README lists', async () => {
    const { code, stdout, stderr } = await run(['--format', 'json', 'test/fixtures/examples']);
    assert.equal(stderr, '');
    assert.equal(code, 0, 'warnings only');
    const findings = JSON.parse(stdout) as LintFinding[];
    const core = findings.filter((f) => ['missing-section', 'empty-section', 'unquantified-result', 'ownership'].includes(f.rule));
    const byLine = (file: string) => core.filter((f) => f.path === `test/fixtures/examples/${file}`).map((f) => [f.rule, f.line]);
    // incomplete.md: story 1 (question on line 6, Result on line 17), story 2 (Action label on line 35), story 3 (Action on line 49)
    assert.deepEqual(byLine('formats/incomplete.md'), [['missing-section', 6], ['unquantified-result', 17], ['empty-section', 35], ['ownership', 49]]);
    assert.match(core.find((f) => f.rule === 'missing-section' && f.line === 6)!.message, /Missing Task/);
    // starl-and-synonyms.md: story 2 (question on line 17, Result on line 23)
    assert.deepEqual(byLine('formats/starl-and-synonyms.md'), [['missing-section', 17], ['unquantified-result', 23]]);
    assert.match(core.find((f) => f.path.endsWith('starl-and-synonyms.md') && f.rule === 'missing-section')!.message, /Missing Task/);
    // headings.md: story 2's Result (line 32)
    assert.deepEqual(byLine('formats/headings.md'), [['unquantified-result', 32]]);
    assert.equal(core.length, 7, 'nothing else anywhere');
    for (const f of findings) {
      assert.deepEqual(Object.keys(f), ['path', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message']);
      assert.ok(f.line >= 1 && f.column >= 1 && (f.endLine > f.line || f.endColumn >= f.column));
    }
  });

  it('text format: path:line:col severity rule-id message, 1-based, a summary on stderr', async () => {
    const { code, stdout, stderr } = await run(['test/fixtures/examples/formats/incomplete.md']);
    assert.equal(code, 0);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'test/fixtures/examples/formats/incomplete.md:6:13 warning missing-section Missing Task: say what you had to achieve.');
    for (const line of lines) assert.match(line, /^\S+:\d+:\d+ (error|warning|information|hint) [a-z-]+ .+$/);
    assert.match(stderr, /4 problems \(0 errors, 4 warnings\) in 1 file/);
  });

  it('--max-warnings: exit 1 over the limit, 0 at it', async () => {
    assert.equal((await run(['--max-warnings', '6', 'test/fixtures/examples'])).code, 1);
    assert.equal((await run(['--max-warnings=7', 'test/fixtures/examples'])).code, 0);
    assert.equal((await run(['--max-warnings', '0', 'test/fixtures/examples/seed'])).code, 0);
  });

  it('exit 2 with a one-line reason on bad usage', async () => {
    for (const argv of [[], ['--format', 'xml', 'x.md'], ['--max-warnings', 'many', 'x.md'], ['--max-warnings'], ['--frobnicate', 'x.md']]) {
      const { code, stdout, stderr } = await run(argv);
      assert.equal(code, 2, argv.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr.split('\n')[0], /^star-answers lint: .+/);
    }
  });

  it('exit 2 on unreadable input, still reporting the other files', async () => {
    const dir = folder({ 'good.md': WE_STORY, 'junk.md': 'a\u0000b' });
    const { code, stdout, stderr } = await run(['--format', 'json', 'missing.md', 'good.md', 'junk.md'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /missing\.md: no such file or folder/);
    assert.match(stderr, /junk\.md: not a text file/);
    assert.deepEqual((JSON.parse(stdout) as LintFinding[]).map((f) => f.rule), ['ownership']);
  });

  it('exit 1 on errors; settings come from the nearest .star-answers.json up the folders', async () => {
    const dir = folder({
      '.star-answers.json': JSON.stringify({ rules: { ownership: 'error' } }),
      'bank/a.md': WE_STORY,
      'bank/quiet/.star-answers.json': JSON.stringify({ rules: { ownership: 'off' }, maxSpeakingMinutes: 0.1, wordsPerMinute: 30 }),
      'bank/quiet/b.md': WE_STORY,
      'node_modules/pkg/c.md': WE_STORY,
      'README.md': '# Notes\n\nNo stories here.\n',
    });
    const { code, stdout } = await run(['--format', 'json', '.'], dir);
    assert.equal(code, 1);
    const findings = JSON.parse(stdout) as LintFinding[];
    assert.deepEqual(findings.map((f) => [f.path, f.rule, f.severity]), [
      ['bank/a.md', 'ownership', 'error'],
      ['bank/quiet/b.md', 'too-long', 'information'],
    ]);
  });

  it('a broken .star-answers.json is named on stderr (exit 2) and the defaults are used', async () => {
    const dir = folder({ '.star-answers.json': '{ rules: ', 'a.md': WE_STORY });
    const { code, stdout, stderr } = await run(['a.md'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /\.star-answers\.json: not valid JSON/);
    assert.match(stdout, /a\.md:9:1 warning ownership/);
  });

  it('files without stories produce nothing; hostile input neither crashes nor hangs', async () => {
    const dir = folder({
      'readme.md': '# Project\n\nSome **bold** text and `code`.\n',
      'unclosed.md': '<details>\n<summary><b>Q?\n<ul><li><b>Situation: </b><br>- a\n',
      'bom-crlf.md': '\uFEFF# P\r\n\r\n## Q\r\n\r\n**Situation:** our build broke every Monday\r\n\r\n**Result:** I fixed it and it was fine\r\n',
    });
    const { code, stdout } = await run(['--format', 'json', '.'], dir);
    assert.equal(code, 0);
    const findings = JSON.parse(stdout) as LintFinding[];
    assert.ok(!findings.some((f) => f.path === 'readme.md'));
    const bom = findings.filter((f) => f.path === 'bom-crlf.md');
    assert.deepEqual(bom.map((f) => [f.rule, f.line]), [['missing-section', 3], ['missing-section', 3], ['unquantified-result', 7]]);
    assert.equal(bom[0].column, 4);
  });
});
