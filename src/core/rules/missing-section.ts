import { SECTION_NAMES, STAR_KINDS } from '../model';
import type { Rule } from '../lint/types';

const HINTS = {
  situation: 'set the scene in a sentence or two',
  task: 'say what you had to achieve',
  action: 'say what you did, step by step',
  result: 'say how it ended, with a number',
} as const;

export const rule: Rule = {
  id: 'missing-section',
  description: 'Every story tells its Situation, Task, Action and Result.',
  defaultSeverity: 'warning',
  check({ question }, report) {
    const present = new Set(question.sections.map((s) => s.kind));
    const at = question.titleRange.start.offset < question.titleRange.end.offset ? question.titleRange : question.sections[0]?.labelRange;
    if (!at) return;
    for (const kind of STAR_KINDS) {
      if (present.has(kind)) continue;
      report({ message: `Missing ${SECTION_NAMES[kind]}: ${HINTS[kind as keyof typeof HINTS]}.`, range: at, kind });
    }
  },
};
