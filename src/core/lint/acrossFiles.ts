import type { BankFile } from '../model';
import { indexBank, rule as duplicateStory } from '../rules/duplicate-story';
import type { StoryCopies } from './storyCopies';
import { runSteps } from '../steps';
import { LineIndex } from '../text/lineIndex';
import { Switches } from './comments';
import type { BankFileInput, LintConfig, LintDiagnostic, Severity } from './types';

/**
 * The rules that compare a file's stories with the rest of the bank (duplicate-story), for the editor's
 * host, which holds every file (the worker that lints as it parses sees one). Imports no parser: it
 * runs on parsed files only, and stays out of the activation bundle's way.
 */
type AcrossFilesInput = { uri: string; text: string; bank: BankFile; lines?: LineIndex; config: LintConfig; files: readonly BankFileInput[] };

export function lintAcrossFiles(input: AcrossFilesInput): LintDiagnostic[] {
  return runSteps(lintAcrossFilesSteps(input));
}

/** The same, one story a step, for a host that gives its thread back between steps (a file can hold thousands of stories). */
export function* lintAcrossFilesSteps(input: AcrossFilesInput): Generator<void, LintDiagnostic[]> {
  const level = Object.prototype.hasOwnProperty.call(input.config.rules, duplicateStory.id) ? input.config.rules[duplicateStory.id] : duplicateStory.defaultSeverity;
  if (level === 'off' || !input.bank.hasStories) return [];
  const severity: Severity = level;
  const lines = input.lines ?? new LineIndex(input.text);
  const switches = Switches.of(input.text);
  const out: LintDiagnostic[] = [];
  let previousAnchor = 0;
  for (const principle of input.bank.principles) {
    for (const question of principle.questions) {
      const anchor = question.titleRange.end.offset > question.titleRange.start.offset ? question.titleRange.start.offset : question.range.start.offset;
      duplicateStory.check({ question, text: input.text, lines, config: input.config, file: { uri: input.uri, principle: principle.title }, bank: input.files }, (report) => {
        if (!switches.empty && switches.isDisabled(duplicateStory.id, report.range.start.offset, anchor, previousAnchor)) return;
        out.push({ rule: duplicateStory.id, severity, message: report.message, range: report.range, question, ...(report.fix ? { fix: report.fix } : {}), ...(report.related ? { related: report.related } : {}) });
      });
      previousAnchor = anchor;
      yield;
    }
  }
  return out;
}

/**
 * Brings the index the host keeps between readings of the bank to this one, one story a step, ahead of the
 * comparisons (they then find it built). Returns the keys of the files whose findings may have changed.
 */
export function prepareAcrossFiles(copies: StoryCopies, files: readonly BankFileInput[]): Generator<void, Set<string>> {
  return indexBank(copies, files);
}
