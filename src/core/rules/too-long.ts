import { formatDuration, speakingSeconds, storyWords } from '../text/words';
import type { Rule } from '../lint/types';

export const rule: Rule = {
  id: 'too-long',
  description: 'A story can be told in `starAnswers.maxSpeakingMinutes` (3) at `starAnswers.wordsPerMinute` (150).',
  defaultSeverity: 'information',
  check({ question, config }, report) {
    const words = storyWords(question);
    const seconds = speakingSeconds(words, config.wordsPerMinute);
    const limit = config.maxSpeakingMinutes * 60;
    if (seconds <= limit) return;
    report({
      message: `Story takes about ${formatDuration(seconds)} to tell (${words} words at ${config.wordsPerMinute} words a minute); aim for ${formatDuration(limit)} or less.`,
      range: question.titleRange.start.offset < question.titleRange.end.offset ? question.titleRange : question.sections[0].labelRange,
    });
  },
};
