import type { BankFile, Question } from '../model';
import { questionShape } from '../story/shape';
import { parseBank } from '../parser';
import { LineIndex } from '../text/lineIndex';
import { Switches } from './comments';
import { DEFAULT_CONFIG, severityOf } from './config';
import { RULES } from './registry';
import type { BankFileInput, LintConfig, LintDiagnostic } from './types';

export interface LintInput {
  text: string;
  bank: BankFile;
  lines?: LineIndex;
  config?: LintConfig;
  /** The file's key and the whole bank (this file included), for rules that compare stories across files. */
  uri?: string;
  files?: readonly BankFileInput[];
}

/** Runs every rule that is on over every story of a parsed file. Files without stories get nothing. */
export function lintBank({ text, bank, lines = new LineIndex(text), config = DEFAULT_CONFIG, uri, files }: LintInput): LintDiagnostic[] {
  if (!bank.hasStories) return [];
  const active = RULES.map((rule) => ({ rule, severity: severityOf(rule.id, config) })).filter((r) => r.severity !== undefined);
  if (!active.length) return [];
  const switches = Switches.of(text);
  const out: LintDiagnostic[] = [];
  let previousAnchor = 0;
  for (const { principle, question } of bank.principles.flatMap((p) => p.questions.map((q) => ({ principle: p, question: q })))) {
    const target = lintTarget(question);
    if (!target) continue;
    const anchor = storyAnchor(question);
    const file = uri !== undefined ? { uri, principle: principle.title } : undefined;
    for (const { rule, severity } of active) {
      if ((rule.appliesTo ?? 'story') !== target) continue;
      try {
        rule.check({ question, text, lines, config, ...(file ? { file } : {}), ...(files ? { bank: files } : {}) }, (report) => {
          if (!switches.empty && switches.isDisabled(rule.id, report.range.start.offset, anchor, previousAnchor)) return;
          out.push({
            rule: rule.id,
            severity: severity!,
            message: report.message,
            range: report.range,
            question,
            ...(report.kind ? { kind: report.kind } : {}),
            ...(report.fix ? { fix: report.fix } : {}),
            ...(report.related ? { related: report.related } : {}),
          });
        });
      } catch (error) {
        // One broken rule must not take the others down.
        console.error(`STAR Answers: rule ${rule.id} failed:`, error);
      }
    }
    previousAnchor = anchor;
  }
  return out.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
}

/** Parses and lints a text, for the CLI and tests. */
export function lintText(text: string, options: { fileName?: string; config?: LintConfig } = {}): LintDiagnostic[] {
  const lines = new LineIndex(text);
  const bank = parseBank(text, { fileName: options.fileName, lines });
  const uri = options.fileName ?? '';
  return lintBank({ text, bank, lines, config: options.config, uri, files: [{ uri, text, bank }] });
}

/**
 * Which rules a question gets: a story the story rules, a prose answer the prose rules; a question with
 * nothing under it yet (a to-do, shown as such in the Story Bank) and guidance none.
 */
function lintTarget(question: Question): 'story' | 'prose' | undefined {
  switch (questionShape(question)) {
    case 'story':
      return 'story';
    case 'prose':
      return 'prose';
    default:
      return undefined;
  }
}

/** Where a story begins for disable-next-story: its question text (a <details> opens before it). */
export function storyAnchor(question: Question): number {
  return question.titleRange.end.offset > question.titleRange.start.offset ? question.titleRange.start.offset : question.range.start.offset;
}
