import type { Question, Section, SectionKind } from '../model';

/** Position of a kind in S-T-A-R(-L) order. */
export const SECTION_ORDER: Record<SectionKind, number> = { situation: 0, task: 1, action: 2, result: 3, learning: 4 };

export function sectionsOf(question: Question, kind: SectionKind): Section[] {
  return question.sections.filter((s) => s.kind === kind);
}
