import type { LintDiagnostic } from '../lint/types';
import type { Question } from '../model';
import type { WorkerFinding } from './protocol';

/**
 * A worker's findings with their stories again (quick fixes need them): each goes to the last story
 * that starts at or before it. Findings come sorted by offset, as the stories do. `made` remembers what
 * was made of each finding, to give the same object again while the finding and its story are the same.
 */
export function withQuestions(findings: WorkerFinding[], questions: Question[], made?: WeakMap<WorkerFinding, LintDiagnostic>): LintDiagnostic[] {
  const out: LintDiagnostic[] = [];
  let q = 0;
  for (const finding of findings) {
    const at = finding.range.start.offset;
    while (q + 1 < questions.length && questions[q + 1].range.start.offset <= at) q++;
    const question = questions[q];
    if (!question) continue;
    // The same finding with the same story as last time: the same object (its editor diagnostic is kept too).
    const before = made?.get(finding);
    if (before?.question === question) out.push(before);
    else {
      const diagnostic = { ...finding, question };
      made?.set(finding, diagnostic);
      out.push(diagnostic);
    }
  }
  return out;
}
