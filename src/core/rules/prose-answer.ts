import type { Rule } from '../lint/types';

export const rule: Rule = {
  id: 'prose-answer',
  description: 'An answer written as prose, with no Situation, Task, Action or Result label, could be told as a STAR story.',
  defaultSeverity: 'information',
  appliesTo: 'prose',
  check({ question }, report) {
    if (!question.prose) return;
    report({
      message: 'This answer has no STAR labels: tell it as Situation, Task, Action and Result so that an interviewer can follow it.',
      range: question.titleRange.end.offset > question.titleRange.start.offset ? question.titleRange : question.prose.range,
    });
  },
};
