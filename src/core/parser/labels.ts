import type { SectionKind } from '../model';

/** Every word a story bank uses to name a section, by kind. Case does not matter. */
const SYNONYMS: Record<SectionKind, string[]> = {
  // "Problem" is left out: guides pair "**Problem:**" with "**Fix:**" far more often than stories use it.
  situation: ['situation', 'context', 'background', 'setting', 'scenario', 'challenge'],
  task: ['task', 'tasks', 'goal', 'goals', 'objective', 'objectives', 'responsibility', 'responsibilities', 'mission'],
  action: ['action', 'actions', 'approach', 'what i did', 'steps taken', 'steps'],
  result: ['result', 'results', 'outcome', 'outcomes', 'impact'],
  learning: [
    'learning', 'learnings', 'lesson', 'lessons', 'lessons learned', 'lessons learnt', 'lesson learned', 'lesson learnt', 'key learning', 'key learnings',
    'reflection', 'reflections', 'takeaway', 'takeaways', 'key takeaway', 'key takeaways', 'what i learned', 'what i learnt', 'retrospective',
    "what i'd do differently", 'what i would do differently', "what i'd change", 'what i would change',
  ],
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
  /** Further sections a combined label stands for: "Situation/Task" is a Situation that covers the Task. */
  covers?: SectionKind[];
}

const NUMBERING = /^(?:\d+[.)]|[-*•+])\s*/;
const TRAILING = /\s*[:：.\-–—]*\s*$/;
/** A hint a template leaves after a label: "(2-3 sentences)", "(with numbers)", "(30 seconds)". */
const HINT = /\s*\([^()]{1,60}\)$/;
const MAX_RAW_LABEL = 200;
const COMBINED = /\s*(?:\/|&|\+|\band\b)\s*/;

/**
 * Reads a whole string as a label: "Situation:", "S", "S (Situation)", "1. Result", "SITUATION", "(Learning)",
 * "Result (with numbers)", "Situation/Task", "What I'd do differently".
 */
export function matchLabel(raw: string): LabelMatch | undefined {
  // Most calls get a paragraph's text: no label is that long, even with numbering and a trailing colon.
  if (raw.length > MAX_RAW_LABEL && raw.trim().length > MAX_RAW_LABEL) return undefined;
  let text = raw.trim().replace(NUMBERING, '').replace(TRAILING, '');
  const wrapped = /^\((.+)\)$/.exec(text);
  if (wrapped) text = wrapped[1].replace(TRAILING, '');
  if (!text || text.length > 100) return undefined;
  const lower = text.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ');
  const hinted = HINT.exec(lower);
  if (!hinted && text.length > 40) return undefined;
  const found = matchLower(lower);
  if (found) return { ...found, label: text };
  if (hinted) {
    const base = matchLower(lower.slice(0, hinted.index));
    if (base) return { ...base, label: text.slice(0, hinted.index) };
  }
  return undefined;
}

function matchLower(lower: string): Omit<LabelMatch, 'label'> | undefined {
  const word = kindOf(lower);
  if (word) return { kind: word };
  // "S — Situation", "S - Situation", "S: Situation"
  const lettered = /^([a-z])\s*[-–—:|]\s*([\p{L}' ]+)$/u.exec(lower);
  if (lettered && LETTERS[lettered[1]] && LETTERS[lettered[1]] === BY_WORD.get(lettered[2])) return { kind: LETTERS[lettered[1]] };
  // "S (Situation)" or "Situation (S)"
  const paren = /^([\p{L} ]+?)\s*\(([\p{L} ]+)\)$/u.exec(lower);
  if (paren) {
    const a = kindOf(paren[1]);
    const b = kindOf(paren[2]);
    if (a && (!b || a === b)) return { kind: a };
    if (b && paren[1].length === 1 && LETTERS[paren[1]] === b) return { kind: b };
  }
  // "Situation/Task", "Situation & Task": one label for two sections.
  const parts = lower.split(COMBINED);
  if (parts.length >= 2 && parts.length <= 4 && parts.every((p) => p.length > 1)) {
    const kinds = parts.map((p) => BY_WORD.get(p));
    if (kinds.every((k): k is SectionKind => k !== undefined)) {
      const distinct = [...new Set(kinds)];
      return { kind: distinct[0], ...(distinct.length > 1 ? { covers: distinct.slice(1) } : {}) };
    }
    // "ACTION / What went wrong": a label with a gloss after the slash.
    if (kinds[0] && /\//.test(lower) && kinds.slice(1).every((k) => !k || k === kinds[0])) return { kind: kinds[0] };
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

/**
 * A label at the start of plain text: "Situation: …", "S: …", "S (Situation): …", "Situation/Task: …".
 * Plain text needs the colon, or prose that starts with "Result" would read as a label.
 */
// A dash separates only a word ("Task - …"), never a lone letter ("T - what is tested" is a rubric's column).
const PLAIN_LABEL = /^[ \t]*(\(?[\p{L}][\p{L}'’ \t/&+()-]{0,39}?)(?:[ \t]*[:：]|(?<=\p{L}{2}\)?)[ \t]+[-–—](?=[ \t]|$))[ \t]*/u;

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

const META_KEYS = new Set([
  'tags', 'tag', 'source', 'sources', 'role', 'my role', 'duration', 'timeline', 'timeframe', 'date', 'when', 'company', 'team',
  'project', 'level', 'skills', 'competencies', 'competency', 'keywords', 'category', 'categories', 'status', 'principle',
  'principles', 'leadership principle', 'leadership principles', 'lp', 'lps', 'also answers', 'best for', 'best for questions about',
  'use for', 'use it for', 'good for', 'related questions', 'other questions', 'similar questions', 'follow-up questions', 'talking time', 'time to tell',
  'follow-ups', 'length', 'speaking time', 'word count', 'strength', 'confidence',
]);

/** "Tags:", "Role", "Best for questions about:" — a line about the story, not a part of it. */
export function matchMetaKey(raw: string): boolean {
  const key = raw.trim().replace(/[:：]\s*$/, '').trim().toLowerCase().replace(/\s+/g, ' ');
  return META_KEYS.has(key);
}

/**
 * The next label told inside a line that began with one: "… long-term goals.  Task: My task was …". Only after
 * the end of a sentence, and only a whole label word with a capital, so that "the result: fine" stays prose.
 */
export function matchInlineLabel(line: string, from: number): PlainLabelMatch | undefined {
  INLINE_LABEL.lastIndex = from;
  for (let m = INLINE_LABEL.exec(line); m; m = INLINE_LABEL.exec(line)) {
    const label = matchLabel(m[1]);
    if (label && m[1].length > 1) return { ...label, labelStart: m.index, labelEnd: m.index + m[1].length, length: m[0].length };
  }
  return undefined;
}

const INLINE_LABEL = /(?<=[.!?]["”’)]?[ \t]+)(\p{Lu}[\p{L}'’]+(?: [\p{L}'’]+){0,3})[ \t]*[:：][ \t]*/gu;
