import { eolOf } from '../lint/fixes';
import { linePrefix } from '../lint/sectionStyle';
import type { BankFileInput, Rule, RuleFix } from '../lint/types';
import type { Question } from '../model';
import { principleLines } from '../storyPrinciples';
import { LineIndex } from '../text/lineIndex';

/** Shorter stories are too alike by chance (two empty templates) to call copies. */
const MIN_WORDS = 25;
/** Share of word triples two stories have in common (Jaccard) from which they are one story told twice. */
const SAME_STORY = 0.8;

interface Fingerprint {
  words: number;
  shingles: Set<string>;
}

const fingerprints = new WeakMap<Question, Fingerprint>();

/** The story's words (all sections), lower case, as a set of word triples. */
function fingerprintOf(question: Question): Fingerprint {
  let found = fingerprints.get(question);
  if (!found) {
    const words = question.sections.flatMap((s) => s.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    const shingles = new Set<string>();
    for (let i = 0; i + 2 < words.length; i++) shingles.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
    found = { words: words.length, shingles };
    fingerprints.set(question, found);
  }
  return found;
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

export const rule: Rule = {
  id: 'duplicate-story',
  description: 'A story is written once: a copy under another principle names it on the first copy\'s Principles line instead.',
  defaultSeverity: 'information',
  check({ question, text, file, bank, lines }, report) {
    if (!file || !bank || fingerprintOf(question).words < MIN_WORDS) return;
    const here = question.range.start.offset;
    // The first copy (by file, then position) is the story; each later one is reported once, pointing at it.
    let original: Located | undefined;
    for (const other of bank) {
      if (other.uri > file.uri || (original && other.uri >= original.file.uri)) continue;
      for (const principle of other.bank.principles) {
        for (const candidate of principle.questions) {
          if (other.uri === file.uri && candidate.range.start.offset >= here) continue;
          if (original && original.file.uri === other.uri && original.question.range.start.offset <= candidate.range.start.offset) continue;
          if (candidate === question || similarity(question, candidate) < SAME_STORY) continue;
          original = { file: other, principle: principle.title, question: candidate };
        }
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
