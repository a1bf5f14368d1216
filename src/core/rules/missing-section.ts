import { SECTION_NAMES } from '../model';
import type { Rule } from '../lint/types';
import { storyGaps } from '../story/gaps';

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
    const at = question.titleRange.start.offset < question.titleRange.end.offset ? question.titleRange : question.sections[0]?.labelRange;
    if (!at) return;
    for (const { code, kind } of storyGaps(question).gaps) {
      if (code !== 'missing') continue;
      report({ message: `Missing ${SECTION_NAMES[kind]}: ${HINTS[kind as keyof typeof HINTS]}.`, range: at, kind });
    }
  },
};
