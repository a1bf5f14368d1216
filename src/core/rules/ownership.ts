import { sectionsOf } from '../lint/sectionNames';
import { countSubjects } from '../lint/subjects';
import type { Rule } from '../lint/types';

export const rule: Rule = {
  id: 'ownership',
  description: 'The Action says what you did: "I" is the subject more often than "we".',
  defaultSeverity: 'warning',
  check({ question }, report) {
    const actions = sectionsOf(question, 'action').filter((s) => s.words > 0);
    if (!actions.length) return;
    const { i, we } = countSubjects(actions.map((s) => s.text).join('\n'));
    if (we <= i) return;
    report({
      message: `Action says "we" ${we} time${we === 1 ? '' : 's'} and "I" ${i} time${i === 1 ? '' : 's'}: interviewers want to hear what you did.`,
      range: actions[0].range,
      kind: 'action',
    });
  },
};
