/** What the re-lint and patch property tests type, where, and with which settings: one set for both. */
import fc from 'fast-check';
import { DEFAULT_CONFIG } from '../../../src/core/lint/config';
import type { LintConfig, LintDiagnostic } from '../../../src/core/lint/types';
import type { BankFile } from '../../../src/core/model';
import type { WorkerFinding } from '../../../src/core/worker/protocol';

/** Every rule on, passive-action (off by default) included. */
export const ALL_ON: LintConfig = { ...DEFAULT_CONFIG, rules: { 'passive-action': 'information' } };

const typed = fc.constantFrom('a', 'I', ' ', '7', '%', 'we ', 'maybe ', 'just ', 'was fixed ', 'Task:', '.', '\n', '\n\n', '', '-->', ' -- ');
/** Mostly inside a story's sections (where typing happens), sometimes anywhere. */
export const typedEdit = fc.record({ at: fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000), inSection: fc.boolean(), remove: fc.nat({ max: 4 }), insert: typed });

/** The offset an edit goes to: spread over the sections of the bank, or over the whole text. */
export function placeEdit(text: string, bank: BankFile, e: { at: number; inSection: boolean }): number {
  const sections = bank.principles.flatMap((p) => p.questions).flatMap((q) => q.sections);
  if (!e.inSection || !sections.length) return Math.floor(e.at * text.length);
  const section = sections[Math.min(sections.length - 1, Math.floor(e.at * sections.length))];
  const { start, end } = section.range;
  return Math.floor(start.offset + (end.offset - start.offset) * ((e.at * sections.length) % 1));
}

/** Findings as a worker sends them: without their stories. */
export const withoutStories = (findings: readonly LintDiagnostic[]): WorkerFinding[] => findings.map(({ question: _q, ...f }) => f);
