import type { SectionKind } from '../model';

/** Every word a story bank uses to name a section, by kind. Case does not matter. */
const SYNONYMS: Record<SectionKind, string[]> = {
  situation: ['situation', 'context', 'background', 'setting', 'scenario', 'challenge', 'problem'],
  task: ['task', 'tasks', 'goal', 'goals', 'objective', 'objectives', 'responsibility', 'responsibilities', 'mission'],
  action: ['action', 'actions', 'approach', 'what i did', 'steps taken', 'steps'],
  result: ['result', 'results', 'outcome', 'outcomes', 'impact'],
  learning: ['learning', 'learnings', 'lesson', 'lessons', 'lessons learned', 'lessons learnt', 'reflection', 'reflections', 'takeaway', 'takeaways', 'what i learned'],
};

const LETTERS: Record<string, SectionKind> = { s: 'situation', t: 'task', a: 'action', r: 'result', l: 'learning' };

const BY_WORD = new Map<string, SectionKind>();
for (const [kind, words] of Object.entries(SYNONYMS) as [SectionKind, string[]][]) {
  for (const word of words) BY_WORD.set(word, kind);
}

export interface LabelMatch {
  kind: SectionKind;
  /** The label as written, without colon, numbering or markup. */
  label: string;
}

const NUMBERING = /^(?:\d+[.)]|[-*•])\s*/;
const TRAILING = /\s*[:：.\-–—]*\s*$/;

/** Reads a whole string as a label: "Situation:", "S", "S (Situation)", "1. Result", "SITUATION". */
export function matchLabel(raw: string): LabelMatch | undefined {
  const text = raw.trim().replace(NUMBERING, '').replace(TRAILING, '');
  if (!text || text.length > 40) return undefined;
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  const word = BY_WORD.get(lower);
  if (word) return { kind: word, label: text };
  if (lower.length === 1 && LETTERS[lower]) return { kind: LETTERS[lower], label: text };
  // "S (Situation)" or "Situation (S)"
  const paren = /^([\p{L} ]+?)\s*\(([\p{L} ]+)\)$/u.exec(lower);
  if (paren) {
    const a = kindOf(paren[1]);
    const b = kindOf(paren[2]);
    if (a && (!b || a === b)) return { kind: a, label: text };
    if (b && paren[1].length === 1 && LETTERS[paren[1]] === b) return { kind: b, label: text };
  }
  return undefined;
}

function kindOf(word: string): SectionKind | undefined {
  return BY_WORD.get(word) ?? (word.length === 1 ? LETTERS[word] : undefined);
}

/** True when the text ends the label with a colon (the sign of a label in running text). */
export function endsWithColon(raw: string): boolean {
  return /[:：]\s*$/.test(raw);
}

const LABEL_WORDS = [...BY_WORD.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+'));
/**
 * A label at the start of plain text: "Situation: …", "S: …", "S (Situation): …".
 * Plain text needs the colon, or prose that starts with "Result" would read as a label.
 */
const PLAIN_LABEL = new RegExp(
  `^[ \\t]*((?:${LABEL_WORDS.join('|')}|[STARL])(?:[ \\t]*\\([\\p{L} ]+\\))?)[ \\t]*[:：][ \\t]*`,
  'iu',
);

export interface PlainLabelMatch extends LabelMatch {
  /** Characters from the start of the text to the start of the label. */
  labelStart: number;
  labelEnd: number;
  /** Characters consumed by the label, its colon and the spaces after it. */
  length: number;
}

export function matchPlainLabel(text: string): PlainLabelMatch | undefined {
  const m = PLAIN_LABEL.exec(text);
  if (!m) return undefined;
  const label = matchLabel(m[1]);
  if (!label) return undefined;
  // One lower-case letter ("a: ...") is too likely to be prose.
  if (m[1].length === 1 && m[1] === m[1].toLowerCase()) return undefined;
  const labelStart = m[0].indexOf(m[1]);
  return { ...label, labelStart, labelEnd: labelStart + m[1].length, length: m[0].length };
}

/** "Question:", "Q:", "Prompt:" — the line that holds the interviewer's question. */
export function matchQuestionLabel(raw: string): boolean {
  return /^\s*(question|q|prompt|interview question)\s*[:：]?\s*$/i.test(raw);
}

export function isDefinitionHeading(raw: string): boolean {
  return /^\s*(?:\d+[.)]\s*)?(definition|what it means|description)\b/i.test(raw);
}
