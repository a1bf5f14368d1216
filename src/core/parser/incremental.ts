import type { BankFile, Position, Principle, Question, Range } from '../model';
import type { LineIndex } from '../text/lineIndex';
import { tellsAStory } from '../story/shape';
import { parseStoryBlock } from './index';

/**
 * Re-reads only the story an edit falls in, when the edit cannot change how the rest of the file reads:
 * one line changed in place, no newline, no HTML, code fence, table or heading character, and nothing
 * in the line's list or quote markers. Anything else returns undefined and the caller parses it all.
 */
export function reparseBank(previousText: string, previous: BankFile, text: string, lines: LineIndex): BankFile | undefined {
  if (previous.problems) return undefined;
  const edit = diff(previousText, text);
  if (!edit) return previous;
  if (!isLocalEdit(previousText, text, edit)) return undefined;

  const questions = previous.principles.flatMap((p) => p.questions);
  // The story the edit starts in: the last one that opens before it.
  let index = -1;
  while (index + 1 < questions.length && questions[index + 1].range.start.offset < edit.start) index++;
  if (index < 0) return undefined;
  const target = questions[index];
  const limit = blockLimit(previous, questions, index, previousText.length);
  if (edit.oldEnd > limit) return undefined;
  const reread = parseStoryBlock(text, target.range.start.offset, limit + edit.delta, lines);
  if (reread.length !== 1 || reread[0].container !== target.container || !sameParts(reread[0], target)) return undefined;

  const remap = remapper(edit, lines);
  const principles = previous.principles.map((p): Principle => {
    const questions = p.questions.map((q) => (q === target ? reread[0] : q.range.start.offset < edit.start ? q : remapQuestion(q, remap)));
    if (!questions.includes(reread[0]) && p.range.start.offset < edit.start) return p;
    const moved: Principle = {
      ...p,
      titleRange: remap.range(p.titleRange),
      range: remap.range(p.range),
      ...(p.definitionRange ? { definitionRange: remap.range(p.definitionRange) } : {}),
      questions,
    };
    // As the parser does it: a principle ends where its last part ends.
    const end = Math.max(moved.titleRange.end.offset, moved.definitionRange?.end.offset ?? 0, ...questions.map((q) => q.range.end.offset));
    return { ...moved, range: { start: moved.range.start, end: lines.position(end) } };
  });
  return { principles, hasStories: principles.some((p) => p.questions.some(tellsAStory)) };
}

/**
 * Where stories start and end depends on their labels (a second Situation splits a story, labels make a
 * heading a title): an edit that changes any label is left to a full parse.
 */
function sameParts(a: Question, b: Question): boolean {
  const parts = (q: Question) => q.sections.map((s) => [s.kind, ...(s.covers ?? [])].join('/')).join(',');
  return parts(a) === parts(b) && !!a.prose === !!b.prose;
}

interface Edit {
  /** First changed offset, the same in both texts. */
  start: number;
  /** End of the replaced text in the previous text. */
  oldEnd: number;
  /** End of the new text. */
  newEnd: number;
  delta: number;
}

function diff(a: string, b: string): Edit | undefined {
  if (a === b) return undefined;
  const max = Math.min(a.length, b.length);
  let start = 0;
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < max - start && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { start, oldEnd: a.length - suffix, newEnd: b.length - suffix, delta: b.length - a.length };
}

/** Characters whose meaning can reach past their own line or block. */
const STRUCTURAL = /[\r\n<>`~|#\\]/;
/** A line's list and quote markers with their indentation. */
const CONTAINER_PREFIX = /^[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])(?:[ \t]+|$))*/;
/** Lines that underline or break: "===", "---", "* * *". */
const RULE_LINE = /^[ \t]*(?:=+|-+|(?:[-*_][ \t]*){3,})[ \t]*$/;

function isLocalEdit(before: string, after: string, edit: Edit): boolean {
  const removed = before.slice(edit.start, edit.oldEnd);
  const inserted = after.slice(edit.start, edit.newEnd);
  if (STRUCTURAL.test(removed) || STRUCTURAL.test(inserted)) return false;
  return lineStaysPlain(before, edit.start, edit.oldEnd) && lineStaysPlain(after, edit.start, edit.newEnd);
}

function lineStaysPlain(text: string, start: number, end: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
  let lineEnd = end;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const line = text.slice(lineStart, lineEnd);
  if (!line.trim() || RULE_LINE.test(line)) return false;
  // Quote and list markers are fine (the edit is after them); a line that then opens HTML, code or a heading is not.
  const prefix = CONTAINER_PREFIX.exec(line)![0].length;
  if (STRUCTURAL.test(line.charAt(prefix))) return false;
  return start - lineStart > prefix;
}

/** Where the block of a story ends: the next story, the next principle, or the end of the text. */
function blockLimit(bank: BankFile, questions: Question[], index: number, length: number): number {
  const start = questions[index].range.start.offset;
  const next = questions[index + 1]?.range.start.offset ?? length;
  const nextPrinciple = bank.principles.find((p) => p.range.start.offset > start)?.range.start.offset ?? length;
  return Math.min(next, nextPrinciple);
}

function remapper(edit: Edit, lines: LineIndex) {
  const position = (p: Position): Position => (p.offset < edit.start ? p : lines.position(p.offset >= edit.oldEnd ? p.offset + edit.delta : edit.newEnd));
  const range = (r: Range): Range => ({ start: position(r.start), end: position(r.end) });
  return { position, range };
}

function remapQuestion(q: Question, remap: ReturnType<typeof remapper>): Question {
  return {
    ...q,
    titleRange: remap.range(q.titleRange),
    range: remap.range(q.range),
    sections: q.sections.map((s) => ({ ...s, range: remap.range(s.range), labelRange: remap.range(s.labelRange) })),
    ...(q.prose ? { prose: { ...q.prose, range: remap.range(q.prose.range) } } : {}),
  };
}
