import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/core/lint/config';
import { findRule } from '../../../src/core/lint/registry';
import { lintText } from '../../../src/core/lint/runner';
import type { LintConfig, LintDiagnostic } from '../../../src/core/lint/types';

export const RULE_FIXTURES = path.resolve(__dirname, '../../fixtures/rules');
export const EXAMPLES = path.resolve(__dirname, '../../fixtures/examples');

export function readFixture(rule: string, name: 'bad' | 'good'): string {
  return fs.readFileSync(path.join(RULE_FIXTURES, rule, `${name}.md`), 'utf8');
}

/** The findings of one rule on a text, with 1-based lines; a rule that is off by default is turned on. */
export function findings(text: string, rule: string, config: Partial<LintConfig> = {}): (LintDiagnostic & { line: number })[] {
  const found = findRule(rule);
  const rules = { ...(found?.offByDefault ? { [rule]: found.defaultSeverity } : {}), ...config.rules };
  return lintText(text, { config: { ...DEFAULT_CONFIG, ...config, rules } })
    .filter((d) => d.rule === rule)
    .map((d) => ({ ...d, line: d.range.start.line + 1 }));
}

export function lintFixture(rule: string, name: 'bad' | 'good', config: Partial<LintConfig> = {}) {
  return findings(readFixture(rule, name), rule, config);
}

/** Every markdown file under a folder, relative to it. */
export function markdownFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) out.push(path.relative(folder, full));
    }
  };
  walk(folder);
  return out.sort();
}
