import { eolOf } from '../lint/fixes';
import { linePrefix } from '../lint/sectionStyle';
import type { BankFileInput, Rule, RuleFix } from '../lint/types';
import type { Question } from '../model';
import { runSteps } from '../steps';
import { principleLines } from '../storyPrinciples';
import { LineIndex } from '../text/lineIndex';
import { type Located, similarity, StoryCopies } from '../lint/storyCopies';

export { similarity };

/**
 * The bank's index of stories, by the array of files the caller passes: the host passes the same array to
 * every file of one reading of the bank, and registers the index it keeps between readings with `indexBank`.
 */
const indexes = new WeakMap<readonly BankFileInput[], StoryCopies>();

function indexOf(bank: readonly BankFileInput[]): StoryCopies {
  let copies = indexes.get(bank);
  if (!copies) {
    copies = new StoryCopies();
    runSteps(copies.update(bank));
    indexes.set(bank, copies);
  }
  return copies;
}

/**
 * Brings `copies` (kept by the caller from one reading of the bank to the next) to `bank`, one story a step, and
 * has the rule read it for this array of files. Returns the keys of the files whose findings may have changed.
 */
export function* indexBank(copies: StoryCopies, bank: readonly BankFileInput[]): Generator<void, Set<string>> {
  const touched = yield* copies.update(bank);
  indexes.set(bank, copies);
  return touched;
}

export const rule: Rule = {
  id: 'duplicate-story',
  description: 'A story is written once: a copy under another principle names it on the first copy\'s Principles line instead.',
  defaultSeverity: 'information',
  acrossStories: true,
  check({ question, text, file, bank, lines }, report) {
    if (!file || !bank) return;
    const copies = indexOf(bank);
    const story = copies.locate(question);
    // The first copy (by file, then position) is the story; each later one is reported once, pointing at it.
    const original = story && copies.originalOf(story);
    if (!original) return;
    const same = similarity(question, original.question) === 1 ? 'the same story as' : 'nearly the same story as';
    const where = original.file.uri === file.uri ? '' : ` in ${fileName(original.file.uri)}`;
    const originalLines = original.file.uri === file.uri ? lines : (original.file.lines ?? new LineIndex(original.file.text));
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
