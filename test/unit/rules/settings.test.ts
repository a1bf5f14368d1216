import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { RULES } from '../../../src/core/lint/registry';

const ROOT = path.resolve(__dirname, '../../..');

describe('rules: settings and README', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const properties = pkg.contributes.configuration.properties['starAnswers.rules'].properties as Record<string, { enum: string[]; markdownDescription: string }>;
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  for (const rule of RULES) {
    const shown = rule.offByDefault ? 'off' : rule.defaultSeverity;
    it(`${rule.id}: a starAnswers.rules setting and a README row with its default (${shown})`, () => {
      assert.ok(properties[rule.id], `package.json starAnswers.rules.${rule.id}`);
      assert.deepEqual(properties[rule.id].enum, ['error', 'warning', 'information', 'hint', 'off']);
      assert.match(properties[rule.id].markdownDescription, new RegExp(`\\(default: ${shown}[;)]`));
      assert.match(readme, new RegExp(`^\\| \\[\`${rule.id}\`\\]\\(docs/rules/${rule.id}\\.md\\) \\| ${shown} \\|`, 'm'));
    });
  }
});
