// Output formats of `star-answers lint` that CI systems read: GitHub workflow commands and SARIF 2.1.0.
import { ruleDocsUrl, REPOSITORY_URL } from '../core/lint/docsUrl';
import { RULES } from '../core/lint/registry';
import type { Severity } from '../core/lint/types';

export const LINT_FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** One finding as the CLI reports it: lines and columns 1-based, end exclusive as in the editor. */
export interface LintFinding {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
}

export function formatFindings(format: LintFormat, findings: readonly LintFinding[], version: string): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(findings, null, 2)}\n`;
    case 'github':
      return findings.map(githubAnnotation).join('');
    case 'sarif':
      return `${JSON.stringify(sarifLog(findings, version), null, 2)}\n`;
    default:
      return findings.map((f) => `${f.path}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}\n`).join('');
  }
}

const GITHUB_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** `::warning file=…,line=…::message`, escaped as the runner's workflow-command parser expects. */
function githubAnnotation(f: LintFinding): string {
  const properties = [
    ['file', f.path],
    ['line', String(f.line)],
    ['col', String(f.column)],
    ['endLine', String(f.endLine)],
    ['endColumn', String(f.endColumn)],
    ['title', `STAR Answers (${f.rule})`],
  ]
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${GITHUB_LEVEL[f.severity]} ${properties}::${escapeData(f.message)}\n`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A SARIF 2.1.0 log (what GitHub code scanning uploads): one run, every rule described, paths relative to the checkout. */
export function sarifLog(findings: readonly LintFinding[], version: string) {
  const ruleIndex = new Map(RULES.map((rule, i) => [rule.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'star-answers',
            version,
            informationUri: REPOSITORY_URL,
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: ruleDocsUrl(rule.id),
              defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(f.path), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
}
