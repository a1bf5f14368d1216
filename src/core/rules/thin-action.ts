import { STAR_KINDS } from '../model';
import { sectionsOf } from '../lint/sectionNames';
import type { Rule } from '../lint/types';

export const rule: Rule = {
  id: 'thin-action',
  description: 'The Action holds at least `starAnswers.minActionPercent` (30 %) of the words of Situation, Task, Action and Result.',
  defaultSeverity: 'information',
  check({ question, config }, report) {
    // A missing or empty Action is reported by missing-section and empty-section.
    const actions = sectionsOf(question, 'action').filter((s) => s.words > 0);
    if (!actions.length) return;
    const action = actions.reduce((sum, s) => sum + s.words, 0);
    const total = question.sections.filter((s) => STAR_KINDS.includes(s.kind)).reduce((sum, s) => sum + s.words, 0);
    const percent = (action * 100) / total;
    if (percent >= config.minActionPercent) return;
    report({
      message: `Action is ${Math.round(percent)}% of the story (${action} of ${total} words); give what you did at least ${config.minActionPercent}%.`,
      range: actions[0].labelRange,
      kind: 'action',
    });
  },
};
