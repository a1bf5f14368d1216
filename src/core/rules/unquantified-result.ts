import type { Rule } from '../lint/types';
import { storyGaps } from '../story/gaps';

export const rule: Rule = {
  id: 'unquantified-result',
  description: 'The Result states a measurable outcome: a number, a percentage, a time or a comparison.',
  defaultSeverity: 'warning',
  check({ question }, report) {
    // Empty results are empty-section's to report.
    const results = storyGaps(question).unquantified;
    if (!results) return;
    report({
      message: 'Result has no measurable outcome: add a number (19%, $2M, 3x, 4 minutes) or a comparison ("twice as fast").',
      range: results[0].range,
      kind: 'result',
    });
  },
};
