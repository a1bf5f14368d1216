import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLint } from '../../../src/cli/lint';
import { formatFindings, type LintFinding } from '../../../src/cli/formats';
import { RULE_IDS } from '../../../src/core/lint/registry';

const ROOT = path.resolve(__dirname, '../../..');

async function run(argv: string[], cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const code = await runLint(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd });
  return { code, stdout, stderr };
}

const finding: LintFinding = { path: 'bank/a, b:c.md', line: 3, column: 1, endLine: 4, endColumn: 7, severity: 'information', rule: 'too-long', message: 'Takes 100% of\nthe time' };

describe('cli: lint output formats', () => {
  it('github: one workflow command per finding, severities mapped, properties and data escaped', () => {
    assert.equal(
      formatFindings('github', [finding, { ...finding, severity: 'error', path: 'x.md', message: 'm' }], '1.0.0'),
      '::notice file=bank/a%2C b%3Ac.md,line=3,col=1,endLine=4,endColumn=7,title=STAR Answers (too-long)::Takes 100%25 of%0Athe time\n' +
        '::error file=x.md,line=3,col=1,endLine=4,endColumn=7,title=STAR Answers (too-long)::m\n',
    );
  });

  it('github over the examples: the same findings as json, one line each', async () => {
    const json = JSON.parse((await run(['--format', 'json', 'test/fixtures/examples'])).stdout) as LintFinding[];
    const { stdout, stderr } = await run(['--format', 'github', 'test/fixtures/examples']);
    assert.equal(stderr, '');
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, json.length);
    assert.ok(json.length > 0);
    lines.forEach((line, i) => assert.match(line, new RegExp(`^::(warning|notice|error) file=${json[i].path.replace(/[.]/g, '\\.')},line=${json[i].line},`)));
  });

  it('sarif: a valid 2.1.0 log, every rule described, results pointing at rules and regions', async () => {
    const { stdout } = await run(['--format', 'sarif', 'test/fixtures/examples']);
    const log = JSON.parse(stdout);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'star-answers');
    assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), RULE_IDS);
    for (const rule of driver.rules) assert.match(rule.helpUri, /^https:\/\/.+\/docs\/rules\/[a-z-]+\.md$/);
    const results = log.runs[0].results;
    assert.ok(results.length > 0);
    for (const r of results) {
      assert.equal(driver.rules[r.ruleIndex].id, r.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(r.level));
      const loc = r.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.match(loc.artifactLocation.uri, /^test\/fixtures\/examples\/.+\.md$/);
      assert.ok(loc.region.startLine >= 1 && loc.region.endLine >= loc.region.startLine);
    }
  });

  it('an unknown format is bad usage (exit 2) naming the formats', async () => {
    const { code, stderr } = await run(['--format', 'xml', 'test/fixtures/examples']);
    assert.equal(code, 2);
    assert.match(stderr, /--format must be one of text, json, github, sarif, not "xml"/);
  });
});

const WE_STORY = '# P\n\n## Q\n\n**Situation:** s\n\n**Task:** t\n\n**Action:** We did it and we won.\n\n**Result:** 3 more.\n';

describe('cli: settings files', () => {
  const dirs: string[] = [];
  const folder = (files: Record<string, string>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'star-config-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
  };
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('.star-answers.jsonc with comments and trailing commas', async () => {
    const dir = folder({ '.star-answers.jsonc': '{\n  // louder\n  "rules": { "ownership": "error", },\n}\n', 'a.md': WE_STORY });
    const { code, stdout, stderr } = await run(['a.md'], dir);
    assert.equal(stderr.includes('jsonc'), false, stderr);
    assert.equal(code, 1);
    assert.match(stdout, /a\.md:9:1 error ownership/);
  });

  it('the "starAnswers" key of package.json; a package.json without it is passed over', async () => {
    const dir = folder({
      'package.json': JSON.stringify({ name: 'bank', starAnswers: { rules: { ownership: 'off' } } }),
      'sub/package.json': JSON.stringify({ name: 'inner' }),
      'sub/a.md': WE_STORY,
    });
    const { code, stdout } = await run(['sub/a.md'], dir);
    assert.equal(code, 0);
    assert.doesNotMatch(stdout, /ownership/);
  });

  it('.star-answers.json wins over package.json in the same folder; a broken file says where it broke', async () => {
    const dir = folder({
      '.star-answers.json': '{ "rules": { "ownership": "error" } }',
      'package.json': JSON.stringify({ starAnswers: { rules: { ownership: 'off' } } }),
      'a.md': WE_STORY,
      'broken/.star-answers.jsonc': '{\n  "rules": {\n',
      'broken/b.md': WE_STORY,
    });
    assert.match((await run(['a.md'], dir)).stdout, /error ownership/);
    const broken = await run(['broken/b.md'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /broken\/\.star-answers\.jsonc: not valid JSON \(\w+ at line \d+, column \d+\); using the default settings/);
  });
});
