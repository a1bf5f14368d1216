import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ruleDocsUrl } from '../../../src/core/lint/docsUrl';
import { RULES } from '../../../src/core/lint/registry';
import { findings, RULE_FIXTURES } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const RULE_FILES = fs.readdirSync(path.join(ROOT, 'src/core/rules')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

/** The first fenced markdown block under a "## Bad" or "## Good" heading. */
function example(page: string, heading: 'Bad' | 'Good'): string | undefined {
  const m = new RegExp(`^## ${heading}\\n+\`\`\`markdown\\n([\\s\\S]*?)\\n\`\`\``, 'm').exec(page);
  return m?.[1];
}

describe('rules: ids, files, docs and fixtures', () => {
  it('every file under src/core/rules is a registered rule named after its file', () => {
    assert.deepEqual(RULE_FILES.map((f) => f.replace(/\.ts$/, '')).sort(), RULES.map((r) => r.id).sort());
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has a kebab-case id, a one-line description and a default severity', () => {
        assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
        assert.ok(rule.description.length > 10 && !rule.description.includes('\n'));
        assert.ok(['error', 'warning', 'information', 'hint'].includes(rule.defaultSeverity));
      });

      it(`has docs/rules/${rule.id}.md with a bad and a good example`, () => {
        const file = path.join(ROOT, 'docs/rules', `${rule.id}.md`);
        assert.ok(fs.existsSync(file), `docs/rules/${rule.id}.md is missing`);
        const page = fs.readFileSync(file, 'utf8');
        assert.match(page, new RegExp(`^# ${rule.id}\\n`));
        assert.ok(example(page, 'Bad'), 'a "## Bad" section with a ```markdown block');
        assert.ok(example(page, 'Good'), 'a "## Good" section with a ```markdown block');
        assert.ok(ruleDocsUrl(rule.id).endsWith(`/docs/rules/${rule.id}.md`));
      });

      if (rule.id !== 'too-long') {
        it('its docs examples are linted as the page says', () => {
          const page = fs.readFileSync(path.join(ROOT, 'docs/rules', `${rule.id}.md`), 'utf8');
          assert.ok(findings(example(page, 'Bad')!, rule.id).length > 0, 'the bad example is reported');
          assert.deepEqual(findings(example(page, 'Good')!, rule.id), [], 'the good example is not');
        });
      }

      it('has its own bad and good fixtures', () => {
        for (const name of ['bad.md', 'good.md']) assert.ok(fs.existsSync(path.join(RULE_FIXTURES, rule.id, name)), `test/fixtures/rules/${rule.id}/${name}`);
      });

      it('has its own test file', () => {
        assert.ok(fs.existsSync(path.join(__dirname, `${rule.id}.test.ts`)));
      });
    });
  }
});
