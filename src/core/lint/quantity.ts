/**
 * Does a text state a measurable outcome? Digits count ("19%", "$2M", "3x", "4 minutes", "1,200 users"),
 * except in names such as "Q3" or "EC2" and bare years; number words count with a unit or a comparison
 * ("three weeks", "twice as fast", "half the cost", "doubled").
 */
export function isQuantified(raw: string): boolean {
  // A template's placeholder ("[Outcome - 2-3 sentences with metrics]") measures nothing.
  const text = raw.replace(/\[[^\]\n]*\]/g, ' ');
  return hasMeasuredDigits(text) || hasNumberWordWithUnit(text) || COMPARISON.test(text) || ZERO_OF.test(text) || WITHIN.test(text);
}

/** "within a month", "in a week", "under an hour": a span of time is a measure. */
const WITHIN = /\b(?:within|in|under|after|inside)\s+(?:a|an|one|a single)\s+(?:day|night|week|month|quarter|year|sprint|hour|minute|afternoon|weekend)\b/i;

/** A digit that starts a number, not one inside a name like "Q3", "S3" or "v2". */
const NUMBER = /(?<![\p{L}\p{N}_]|[\p{L}\p{N}]\.)[-+~≈]?[$€£¥₹]?\d[\d,.]*(?:\s*(%|percent|x\b|×|k\b|m\b|bn\b|[\p{L}]+))?/giu;
const YEAR = /^(?:19|20)\d\d$/;

function hasMeasuredDigits(text: string): boolean {
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const digits = m[0].replace(/[^\d,.]/g, '').replace(/[,.]$/, '');
    // "in 2023" is a date, not a measure; "$2023" or "2023%" is one.
    if (YEAR.test(digits) && !/^(?:%|percent|x|×|k|m|bn)$/i.test(m[1] ?? '') && !/[$€£¥₹]/.test(m[0])) continue;
    // "at 3am", "by 5 pm": a time of day, not a measure.
    if (/^(?:am|pm)$/i.test(m[1] ?? '') || /^\s*(?:am|pm)\b/i.test(text.slice(m.index + m[0].length))) continue;
    return true;
  }
  return false;
}

const NUMBER_WORDS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty',
  'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'thousand', 'thousands',
  'million', 'millions', 'billion', 'billions', 'dozen', 'dozens', 'half', 'a third', 'a quarter', 'a tenth',
];

const UNITS = [
  // time
  'seconds?', 'minutes?', 'mins?', 'hours?', 'hrs?', 'days?', 'nights?', 'weeks?', 'months?', 'quarters?', 'years?', 'sprints?', 'releases?',
  // share and money
  'percent', 'per cent', 'percentage points?', 'points?', 'dollars?', 'euros?', 'pounds?', 'cents?', 'figures?',
  // people
  'users?', 'customers?', 'clients?', 'people', 'persons?', 'engineers?', 'developers?', 'employees?', 'members?', 'hires?', 'teams?',
  'accounts?', 'partners?', 'vendors?', 'suppliers?', 'countries', 'markets?', 'regions?', 'offices?', 'stores?',
  // things counted
  'incidents?', 'outages?', 'bugs?', 'defects?', 'tickets?', 'complaints?', 'escalations?', 'requests?', 'calls?', 'queries',
  'deployments?', 'deploys?', 'services?', 'systems?', 'servers?', 'features?', 'projects?', 'products?', 'orders?', 'sales?',
  'leads?', 'deals?', 'contracts?', 'steps?', 'pages?', 'tests?', 'errors?', 'failures?', 'times', 'levels?', 'injuries', 'accidents?',
];

// "three weeks", "three more weeks", "two new customers", "half the cost", "a third of the time"
const WORD_WITH_UNIT = new RegExp(
  `\\b(?:${NUMBER_WORDS.join('|')})(?:[\\s-]+(?:hundred|thousand|million|billion|more|fewer|less|extra|new|additional|full|whole|major|key|extra))*[\\s-]+(?:${UNITS.join('|')})\\b`,
  'i',
);
// "half the cost", "half of the time", "a third of ...": a fraction of something is a measure.
const FRACTION = /\b(?:half|a third|a quarter|a tenth|two thirds|three quarters)\s+(?:the|of|as|our|their|its)\b/i;

/**
 * "zero customer-facing errors", "zero recurrence", "no downtime", "not a single rollback": none of a
 * counted thing is a measure too. "No" needs a thing one counts, or "no one noticed" would be a metric.
 */
const ZERO_OF = new RegExp(
  [
    `\\bzero\\s+[\\p{L}]`,
    `\\b(?:no|not a single|not one)\\s+(?:(?:new|more|further|additional|customer-facing|user-facing|major|critical|unplanned|production|repeat|reported|lost)\\s+)*(?:${[...UNITS, 'downtime', 'recurrences?', 'regressions?', 'rollbacks?', 'data loss', 'churn', 'overtime', 'delays?', 'slips?', 'missed deadlines?'].join('|')})\\b`,
  ].join('|'),
  'iu',
);

function hasNumberWordWithUnit(text: string): boolean {
  return WORD_WITH_UNIT.test(text) || FRACTION.test(text);
}

const MULTIPLIER = `(?:twice|thrice|half|(?:${NUMBER_WORDS.slice(2, 21).join('|')}|ten|hundred)\\s+times)`;
/** "twice as fast", "three times faster", "doubled", "cut in half", "by half", "an order of magnitude". */
const COMPARISON = new RegExp(
  [
    `\\b${MULTIPLIER}\\s+(?:as|more|less|fewer|faster|slower|bigger|smaller|larger|higher|lower|cheaper|quicker|the)\\b`,
    `\\b(?:doubled|tripled|trebled|quadrupled|halved|double(?:d)? the|triple(?:d)? the)\\b`,
    `\\b(?:in|by)\\s+half\\b`,
    `\\border(?:s)? of magnitude\\b`,
  ].join('|'),
  'i',
);
