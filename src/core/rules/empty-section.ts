import { SECTION_NAMES } from '../model';
import type { Rule } from '../lint/types';

export const rule: Rule = {
  id: 'empty-section',
  description: 'A section label has words under it.',
  defaultSeverity: 'warning',
  check({ question }, report) {
    for (const section of question.sections) {
      if (section.words > 0) continue;
      const name = SECTION_NAMES[section.kind];
      const shown = section.label.toLowerCase() === name.toLowerCase() ? name : `${name} ("${section.label}")`;
      report({ message: `${shown} is empty: write a sentence or two under it.`, range: section.labelRange, kind: section.kind });
    }
  },
};
