import { SECTION_NAMES, type Section, type SectionKind } from '../model';
import type { Rule } from '../lint/types';

export const rule: Rule = {
  id: 'duplicate-section',
  description: 'Each section appears once in a story.',
  defaultSeverity: 'warning',
  check({ question }, report) {
    const first = new Map<SectionKind, Section>();
    for (const section of question.sections) {
      const earlier = first.get(section.kind);
      if (!earlier) {
        first.set(section.kind, section);
        continue;
      }
      report({
        message: `${SECTION_NAMES[section.kind]} appears twice in this story (first on line ${earlier.labelRange.start.line + 1}); merge the two.`,
        range: section.labelRange,
        kind: section.kind,
      });
    }
  },
};
