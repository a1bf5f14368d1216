import type { BankFile, Principle, Question } from '../model';
import { questionShape } from '../story/shape';
import { parseBank } from '../parser';
import { LineIndex } from '../text/lineIndex';
import { Switches } from './comments';
import { DEFAULT_CONFIG, severityOf } from './config';
import { RULES } from './registry';
import type { BankFileInput, LintConfig, LintDiagnostic, Report, Rule, Severity, StoryContext } from './types';

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
export function lintBank(input: LintInput): LintDiagnostic[] {
  const run = startLint(input);
  if (!run) return [];
  const out: LintDiagnostic[] = [];
  let previousAnchor = 0;
  for (const principle of input.bank.principles) {
    for (const question of principle.questions) {
      run.story(principle, question, previousAnchor, out);
      previousAnchor = storyAnchor(question);
    }
  }
  return sortFindings(out);
}

export interface LintRun {
  /** The rules that are on, with their levels. */
  active: { rule: Rule; severity: Severity }[];
  switches: Switches;
  /** Lints one story (with the rules `only` keeps), after the story whose anchor is `previousAnchor`. */
  story(principle: Principle, question: Question, previousAnchor: number, out: LintDiagnostic[], only?: (rule: Rule) => boolean): void;
}

/** What linting a file needs once, whatever stories are linted: undefined when nothing is to be found. */
export function startLint({ text, bank, lines = new LineIndex(text), config = DEFAULT_CONFIG, uri, files }: LintInput): LintRun | undefined {
  if (!bank.hasStories) return undefined;
  const active = RULES.map((rule) => ({ rule, severity: severityOf(rule.id, config) })).filter((r): r is { rule: Rule; severity: Severity } => r.severity !== undefined);
  if (!active.length) return undefined;
  const switches = Switches.of(text);
  const story: LintRun['story'] = (principle, question, previousAnchor, out, only) => {
    const target = lintTarget(question);
    if (!target) return;
    const anchor = storyAnchor(question);
    // One context and one report function per story, shared by its rules: a bank's lint checks hundreds of thousands of (story, rule) pairs.
    const context: StoryContext = { question, text, lines, config };
    if (uri !== undefined) context.file = { uri, principle: principle.title };
    if (files) context.bank = files;
    let rule: Rule;
    let severity: Severity;
    const report = (found: Report): void => {
      if (!switches.empty && switches.isDisabled(rule.id, found.range.start.offset, anchor, previousAnchor)) return;
      out.push({
        rule: rule.id,
        severity,
        message: found.message,
        range: found.range,
        question,
        ...(found.kind ? { kind: found.kind } : {}),
        ...(found.fix ? { fix: found.fix } : {}),
        ...(found.related ? { related: found.related } : {}),
      });
    };
    for (const on of active) {
      if ((on.rule.appliesTo ?? 'story') !== target || (only && !only(on.rule))) continue;
      ({ rule, severity } = on);
      try {
        rule.check(context, report);
      } catch (error) {
        // One broken rule must not take the others down.
        console.error(`STAR Answers: rule ${rule.id} failed:`, error);
      }
    }
  };
  return { active, switches, story };
}

/** In text order; findings at one place keep the order they were found in (story, then rule). */
export function sortFindings(findings: LintDiagnostic[]): LintDiagnostic[] {
  return findings.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
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
