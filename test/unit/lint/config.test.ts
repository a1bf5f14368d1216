import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, normalizeConfig, severityOf } from '../../../src/core/lint/config';
import { RULES } from '../../../src/core/lint/registry';
import { lintText } from '../../../src/core/lint/runner';

describe('lint: configuration', () => {
  it('defaults: every rule at its own severity, 3 minutes, 150 words a minute, 30%', () => {
    const { config, problems } = normalizeConfig(undefined);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, { ...DEFAULT_CONFIG, rules: {} });
    for (const rule of RULES) assert.equal(severityOf(rule.id, config), rule.offByDefault ? undefined : rule.defaultSeverity);
  });

  it('maps rule ids to levels, case-insensitively, with aliases and booleans', () => {
    const { config, problems } = normalizeConfig({ rules: { 'too-long': 'OFF', ownership: 'Error', 'thin-action': 'info', 'section-order': false, 'empty-section': true } });
    assert.deepEqual(problems, []);
    assert.equal(severityOf('too-long', config), undefined);
    assert.equal(severityOf('ownership', config), 'error');
    assert.equal(severityOf('thin-action', config), 'information');
    assert.equal(severityOf('section-order', config), undefined);
    assert.equal(severityOf('empty-section', config), 'warning');
  });

  it('reports unknown rules, bad levels and out-of-range numbers, and keeps the defaults', () => {
    const { config, problems } = normalizeConfig({ rules: { nope: 'error', ownership: 'loud' }, maxSpeakingMinutes: -1, wordsPerMinute: 'fast', minActionPercent: 40 });
    assert.equal(problems.length, 4);
    assert.match(problems.join('\n'), /unknown rule "nope"/);
    assert.match(problems.join('\n'), /"loud" is not one of/);
    assert.equal(config.maxSpeakingMinutes, 3);
    assert.equal(config.wordsPerMinute, 150);
    assert.equal(config.minActionPercent, 40);
    assert.equal(severityOf('ownership', config), 'warning');
  });

  it('accepts keys with the settings prefix, and survives junk', () => {
    assert.equal(normalizeConfig({ 'starAnswers.maxSpeakingMinutes': 2 }).config.maxSpeakingMinutes, 2);
    for (const junk of [42, 'x', [], { rules: [] }, { rules: 'off' }]) {
      assert.doesNotThrow(() => normalizeConfig(junk));
    }
    assert.ok(normalizeConfig([]).problems.length > 0);
  });

  it('severity from settings reaches the diagnostics; "off" silences a rule', () => {
    const text = '## Q\n\n**Situation:** s\n\n**Action:** We did it.\n\n**Result:** It went well.\n';
    const base = lintText(text);
    assert.deepEqual(base.map((d) => d.rule).sort(), ['missing-section', 'ownership', 'unquantified-result']);
    const { config } = normalizeConfig({ rules: { ownership: 'error', 'missing-section': 'off', 'unquantified-result': 'hint' } });
    const tuned = lintText(text, { config });
    assert.deepEqual(tuned.map((d) => [d.rule, d.severity]).sort(), [['ownership', 'error'], ['unquantified-result', 'hint']]);
  });
});
