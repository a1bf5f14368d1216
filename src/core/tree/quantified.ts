/**
 * Does a Result carry a number? Digits count ("19%", "$2M", "3x", "4 minutes"), and so do number
 * words with a unit ("three weeks", "a dozen customers") or a comparison ("twice as fast", "halved").
 * Kept small and pure; the tree uses it to show "no metric".
 */

const NUMBER_WORDS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty',
  'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'thousand', 'thousands',
  'million', 'millions', 'billion', 'billions', 'dozen', 'dozens', 'half', 'quarter', 'a few', 'several',
];

const UNITS = [
  'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months',
  'quarter', 'quarters', 'year', 'years', 'sprint', 'sprints', 'release', 'releases', 'percent', 'per cent',
  'percentage points', 'points', 'times', 'fold', 'x', 'dollars', 'euros', 'pounds', 'customers', 'clients',
  'users', 'people', 'engineers', 'teams', 'hires', 'incidents', 'bugs', 'defects', 'requests', 'orders',
  'accounts', 'servers', 'tickets', 'calls', 'deals', 'projects', 'features', 'steps', 'pages', 'errors',
  'outages', 'members', 'employees', 'regions', 'countries', 'markets', 'stores', 'sites', 'products',
];

const COMPARISONS = /\b(?:twice|thrice|doubled|doubling|tripled|tripling|quadrupled|halved|halving|cut in half|in half|by half|(?:two|three|four|five|ten)-?fold)\b/i;

const WORDS_WITH_UNIT = new RegExp(
  `\\b(?:${NUMBER_WORDS.map(escape).join('|')})(?:[\\s-]+(?:and\\s+)?(?:${NUMBER_WORDS.map(escape).join('|')}))*` +
    `(?:\\s+(?:more|less|fewer|new|extra|additional|full|whole|business|working|calendar))*` +
    `[\\s-]+(?:${UNITS.map(escape).join('|')})\\b`,
  'i',
);

const DIGIT = /\p{Nd}/u;

export function isQuantified(text: string): boolean {
  if (DIGIT.test(text)) return true;
  if (COMPARISONS.test(text)) return true;
  return WORDS_WITH_UNIT.test(text);
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}
