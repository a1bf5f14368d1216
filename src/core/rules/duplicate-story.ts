import { eolOf } from '../lint/fixes';
import { linePrefix } from '../lint/sectionStyle';
import type { BankFileInput, Rule, RuleFix } from '../lint/types';
import type { Question } from '../model';
import { runSteps } from '../steps';
import { principleLines } from '../storyPrinciples';
import { LineIndex } from '../text/lineIndex';

/** Shorter stories are too alike by chance (two empty templates) to call copies. */
const MIN_WORDS = 25;
/** Share of word triples two stories have in common (Jaccard) from which they are one story told twice. */
const SAME_STORY = 0.8;

interface Fingerprint {
  words: number;
  shingles: Set<string>;
  /**
   * The first shingles in one global order (by hash): two stories alike at SAME_STORY or more share at
   * least one shingle of their prefixes (prefix filtering), so only stories that do are compared.
   */
  prefix: string[];
}

const fingerprints = new WeakMap<Question, Fingerprint>();

/** The story's words (all sections), lower case, as a set of word triples. */
function fingerprintOf(question: Question): Fingerprint {
  let found = fingerprints.get(question);
  if (!found) {
    const words = question.sections.flatMap((s) => s.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    const shingles = new Set<string>();
    for (let i = 0; i + 2 < words.length; i++) shingles.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
    found = { words: words.length, shingles, prefix: prefixOf(shingles) };
    fingerprints.set(question, found);
  }
  return found;
}

function prefixOf(shingles: Set<string>): string[] {
  const ordered = [...shingles].map((s) => ({ s, h: hashOf(s) })).sort((a, b) => a.h - b.h || (a.s < b.s ? -1 : a.s > b.s ? 1 : 0));
  const length = ordered.length - Math.ceil(SAME_STORY * ordered.length) + 1;
  return ordered.slice(0, Math.max(0, length)).map((o) => o.s);
}

/** FNV-1a: any fixed order would do; a hash spreads common triples through it. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function similarity(a: Question, b: Question): number {
  const x = fingerprintOf(a);
  const y = fingerprintOf(b);
  if (x.words < MIN_WORDS || y.words < MIN_WORDS) return 0;
  const [small, large] = x.shingles.size <= y.shingles.size ? [x.shingles, y.shingles] : [y.shingles, x.shingles];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / (x.shingles.size + y.shingles.size - shared || 1);
}

interface Located {
  file: BankFileInput;
  principle: string;
  question: Question;
}

/**
 * The stories of a bank by the shingles of their prefixes, each list in bank order, built once per bank (the host passes the
 * same array to every file of one reading of the bank). Comparing each story with every other one
 * cost the square of the bank: a minute on the host for a bank of a thousand files.
 */
const indexes = new WeakMap<readonly BankFileInput[], Map<string, Located[]>>();

function indexOf(bank: readonly BankFileInput[]): Map<string, Located[]> {
  return runSteps(buildIndex(bank));
}

/** Builds the bank's index (and reads each story first), one story a step, for a host that slices its work. */
export function* buildIndex(bank: readonly BankFileInput[]): Generator<void, Map<string, Located[]>> {
  let index = indexes.get(bank);
  if (index) return index;
  index = new Map();
  for (const file of bank) {
    for (const principle of file.bank.principles) {
      for (const question of principle.questions) {
        const fingerprint = fingerprintOf(question);
        yield;
        if (fingerprint.words < MIN_WORDS) continue;
        const located = { file, principle: principle.title, question };
        for (const shingle of fingerprint.prefix) {
          const list = index.get(shingle);
          if (list) list.push(located);
          else index.set(shingle, [located]);
        }
      }
    }
  }
  const order = (a: Located, b: Located) => (a.file.uri < b.file.uri ? -1 : a.file.uri > b.file.uri ? 1 : a.question.range.start.offset - b.question.range.start.offset);
  for (const list of index.values()) {
    if (list.length > 1) list.sort(order);
    yield;
  }
  indexes.set(bank, index);
  return index;
}

const MAX_CANDIDATES_PER_SHINGLE = 16;

/** Two sets whose sizes differ by more than the threshold allows cannot be alike at it. */
function sizesAllow(a: number, b: number): boolean {
  return Math.min(a, b) >= SAME_STORY * Math.max(a, b);
}

/** Before in the bank: by file, then by position in the file. */
function precedes(a: Located, b: { uri: string; offset: number }): boolean {
  return a.file.uri < b.uri || (a.file.uri === b.uri && a.question.range.start.offset < b.offset);
}

export const rule: Rule = {
  id: 'duplicate-story',
  description: 'A story is written once: a copy under another principle names it on the first copy\'s Principles line instead.',
  defaultSeverity: 'information',
  acrossStories: true,
  check({ question, text, file, bank, lines }, report) {
    if (!file || !bank || fingerprintOf(question).words < MIN_WORDS) return;
    const here = { uri: file.uri, offset: question.range.start.offset };
    // The first copy (by file, then position) is the story; each later one is reported once, pointing at it.
    let original: Located | undefined;
    const index = indexOf(bank);
    const fingerprint = fingerprintOf(question);
    const size = fingerprint.shingles.size;
    for (const shingle of fingerprint.prefix) {
      // In bank order: the first alike story of a list is its earliest copy, and nothing after it can be earlier.
      // A triple many stories use ("i was asked") is looked at in its first stories only: a copy shares
      // most of its triples, so it shows up under a rarer one as well.
      let looked = 0;
      for (const candidate of index.get(shingle) ?? []) {
        if (looked++ === MAX_CANDIDATES_PER_SHINGLE) break;
        if (!precedes(candidate, here) || (original && !precedes(candidate, { uri: original.file.uri, offset: original.question.range.start.offset }))) break;
        if (candidate.question === question || !sizesAllow(size, fingerprintOf(candidate.question).shingles.size)) continue;
        if (similarity(question, candidate.question) < SAME_STORY) continue;
        original = candidate;
        break;
      }
    }
    if (!original) return;
    const same = similarity(question, original.question) === 1 ? 'the same story as' : 'nearly the same story as';
    const where = original.file.uri === file.uri ? '' : ` in ${fileName(original.file.uri)}`;
    const originalLines = original.file.uri === file.uri ? lines : new LineIndex(original.file.text);
    report({
      message: `This is ${same} "${original.question.title}" under ${original.principle}${where}: write it once and list it under ${file.principle} on its Principles line.`,
      range: question.titleRange.end.offset > question.titleRange.start.offset ? question.titleRange : question.range,
      related: [{ uri: original.file.uri, range: original.question.titleRange, message: `The first copy, under ${original.principle}` }],
      ...fixFor(text, question, file, original, originalLines),
    });
  },
};

/** Replace the copy by a comment that names the first copy, and add this principle to the first copy's Principles line. */
function fixFor(text: string, copy: Question, file: { uri: string; principle: string }, original: Located, originalLines: LineIndex): { fix?: RuleFix } {
  if (copy.sections.some((s) => s.style === 'table') || original.question.sections.some((s) => s.style === 'table')) return {};
  const tag = tagEdit(original, file.principle);
  const reference = `<!-- star-answers: "${original.question.title.replace(/--+/g, '-')}" is written under ${original.principle}${original.file.uri === file.uri ? '' : ` (${fileName(original.file.uri)})`} and listed here by its Principles line -->`;
  const start = copy.range.start.offset;
  const insertion = { offset: start, deleteCount: copy.range.end.offset - start, text: reference };
  const elsewhere = tag ? [{ uri: original.file.uri, range: originalLines.range(tag.offset, tag.offset), text: tag.text }] : [];
  return { fix: { title: `Replace this copy with a reference to the story under ${original.principle}`, insertion, elsewhere } };
}

/** What lists `principle` on the first copy: appended to its Principles line, or a new line before its first section. */
function tagEdit(original: Located, principle: string): { offset: number; text: string } | undefined {
  if (original.principle.trim().toLowerCase() === principle.trim().toLowerCase()) return undefined;
  const text = original.file.text;
  const lines = principleLines(text, original.question).filter((l) => l.form !== 'tags');
  if (lines.some((l) => l.names.some((n) => n.text.toLowerCase() === principle.toLowerCase()))) return undefined;
  if (lines.length) {
    const line = lines[0];
    return { offset: line.listEnd, text: line.names.length ? `, ${principle}` : ` ${principle}` };
  }
  const first = original.question.sections[0];
  const at = first.labelRange.start.offset;
  const prefix = linePrefix(text, at);
  const eol = eolOf(text);
  const lineStart = at - prefix.length;
  if (first.style === 'html') return { offset: lineStart, text: `${/^[ \t]*/.exec(prefix)![0]}<!-- principles: ${principle} -->${eol}` };
  if (first.style === 'list-bold' || first.style === 'list-plain') return { offset: lineStart, text: `${prefix}**Principles:** ${principle}${eol}` };
  if (!/^[ \t>]*(?:#{1,6}[ \t]+)?$/.test(prefix)) return undefined;
  return { offset: lineStart, text: `${/^[ \t>]*/.exec(prefix)![0]}**Principles:** ${principle}${eol}${/^[ \t>]*/.exec(prefix)![0].trimEnd()}${eol}` };
}

function fileName(uri: string): string {
  const last = uri.split(/[\\/]/).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
