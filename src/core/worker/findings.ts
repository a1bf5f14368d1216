import type { LintDiagnostic } from '../lint/types';
import type { Question } from '../model';
import type { WorkerFinding } from './protocol';

/**
 * A worker's findings with their stories again (quick fixes need them): each goes to the last story
 * that starts at or before it. Findings come sorted by offset, as the stories do.
 */
export function withQuestions(findings: WorkerFinding[], questions: Question[]): LintDiagnostic[] {
  const out: LintDiagnostic[] = [];
  let q = 0;
  for (const finding of findings) {
    const at = finding.range.start.offset;
    while (q + 1 < questions.length && questions[q + 1].range.start.offset <= at) q++;
    if (questions[q]) out.push({ ...finding, question: questions[q] });
  }
  return out;
}
