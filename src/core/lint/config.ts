import { findRule } from './registry';
import type { LintConfig, RuleLevel, Severity } from './types';

export const DEFAULT_CONFIG: Readonly<LintConfig> = Object.freeze({
  rules: {},
  maxSpeakingMinutes: 3,
  wordsPerMinute: 150,
  minActionPercent: 30,
});

const LEVELS: Record<string, RuleLevel> = {
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  information: 'information',
  info: 'information',
  hint: 'hint',
  off: 'off',
  none: 'off',
};

const LIMITS = {
  maxSpeakingMinutes: { min: 0.1, max: 60 },
  wordsPerMinute: { min: 30, max: 400 },
  minActionPercent: { min: 0, max: 100 },
} as const;

/**
 * Reads settings from an untrusted object (VS Code settings, a .star-answers.json): unknown rules,
 * levels and out-of-range numbers are reported in `problems` and replaced by defaults, never thrown.
 * Keys may be bare ("rules") or prefixed ("starAnswers.rules").
 */
export function normalizeConfig(raw: unknown): { config: LintConfig; problems: string[] } {
  const problems: string[] = [];
  const config: LintConfig = { ...DEFAULT_CONFIG, rules: {} };
  if (raw === undefined || raw === null) return { config, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { config, problems: ['settings must be an object'] };
  const input = raw as Record<string, unknown>;
  const get = (key: string) => (key in input ? input[key] : input[`starAnswers.${key}`]);

  const rules = get('rules');
  if (rules !== undefined && rules !== null) {
    if (typeof rules !== 'object' || Array.isArray(rules)) problems.push('"rules" must map rule ids to "error", "warning", "information", "hint" or "off"');
    else {
      for (const [id, value] of Object.entries(rules as Record<string, unknown>)) {
        if (!findRule(id)) {
          problems.push(`unknown rule "${id}"`);
          continue;
        }
        const level = value === true ? findRule(id)!.defaultSeverity : readLevel(value);
        if (level) config.rules[id] = level;
        else problems.push(`rule "${id}": "${String(value)}" is not one of error, warning, information, hint, off`);
      }
    }
  }
  for (const key of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
    const value = get(key);
    if (value === undefined || value === null) continue;
    const { min, max } = LIMITS[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) config[key] = value;
    else problems.push(`"${key}" must be a number from ${min} to ${max}; using ${DEFAULT_CONFIG[key]}`);
  }
  return { config, problems };
}

function readLevel(value: unknown): RuleLevel | undefined {
  if (value === false) return 'off';
  if (typeof value === 'string') return LEVELS[value.trim().toLowerCase()];
  return undefined;
}

/** The severity a rule reports with under a config, or undefined when it is off. */
export function severityOf(ruleId: string, config: LintConfig): Severity | undefined {
  const rule = findRule(ruleId);
  const level = Object.prototype.hasOwnProperty.call(config.rules, ruleId) ? config.rules[ruleId] : rule?.offByDefault ? 'off' : rule?.defaultSeverity;
  return level === 'off' ? undefined : level;
}
