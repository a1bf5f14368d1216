import type { BankFile, Principle, Question, Range } from '../model';
import { EditShift } from '../text/editShift';
import type { LineIndex } from '../text/lineIndex';
import { tellsAStory } from '../story/shape';
import { parseStoryBlock } from './index';

/**
 * Re-reads only the story an edit falls in, when the edit cannot change how the rest of the file reads:
 * one line changed in place (no HTML, code fence or table character, nothing in the line's list or quote
 * markers, no heading made), or line breaks typed into plain text (see lineBreaksStayLocal). Anything else
 * returns undefined and the caller parses it all.
 */
export function reparseBank(previousText: string, previous: BankFile, text: string, lines: LineIndex): BankFile | undefined {
  return rereadEdit(previousText, previous, text, lines)?.bank;
}

/** What the quick path did: the new bank, the story it re-read (before and after) and how positions moved. */
export interface Reread {
  bank: BankFile;
  /** Absent when the text did not change. */
  edited?: { before: Question; after: Question };
  shift: EditShift;
}

/** The same as reparseBank, with what a caller needs to carry its own results over (see lint/incremental.ts). */
export function rereadEdit(previousText: string, previous: BankFile, text: string, lines: LineIndex): Reread | undefined {
  if (previous.problems) return undefined;
  const found = diff(previousText, text);
  if (!found) return { bank: previous, shift: EditShift.none };
  const edit = [found, slidLeft(previousText, text, found)].find((e) => e && isLocalEdit(previousText, text, e));
  if (!edit || !htmlStillReadsLocally(previousText, previous, text, edit)) return undefined;
  // A principle's title and definition are read apart from its stories: an edit in or beside them changes their text.
  const touches = (r: Range) => edit.start <= r.end.offset && edit.oldEnd >= r.start.offset;
  if (previous.principles.some((p) => touches(p.titleRange) || (p.definitionRange && touches(p.definitionRange)))) return undefined;

  const questions = previous.principles.flatMap((p) => p.questions);
  // The story the edit starts in: the last one that opens before it.
  let index = -1;
  while (index + 1 < questions.length && questions[index + 1].range.start.offset < edit.start) index++;
  if (index < 0) return undefined;
  const target = questions[index];
  const limit = blockLimit(previous, questions, index, previousText);
  if (edit.oldEnd > limit) return undefined;
  // Between a story's end and the next story nothing is read, but what is typed there can move where the story ends
  // in the whole file (a blank line after a `</details>`), which the story read alone cannot see (found by the property test).
  if (edit.start > target.range.end.offset) return undefined;
  // Typed at the very start of the next story, it joins that story's first line (only whole lines added stay apart).
  if (edit.oldEnd === limit && limit < previousText.length && !/\n$/.test(text.slice(edit.start, edit.newEnd))) return undefined;
  const reread = parseStoryBlock(text, target.range.start.offset, limit + edit.delta, lines);
  // A story without a title of its own may start inside a list another story opened: read alone, that list is not there.
  if (target.container === 'none' && target.range.start.character > 0) return undefined;
  if (reread.length !== 1 || reread[0].container !== target.container || !sameParts(reread[0], target)) return undefined;
  // An edit before the story's last word moves its end by the edit's length and no more; read alone, a story
  // whose markup the file leaves open (an H1 inside a <details>) may end elsewhere than in the whole file.
  if (edit.oldEnd < target.range.end.offset && reread[0].range.end.offset !== target.range.end.offset + edit.delta) return undefined;

  const shift = new EditShift({ ...edit, startPosition: lines.position(edit.start), newEndPosition: lines.position(edit.newEnd) });
  const principles = previous.principles.map((p): Principle => {
    const questions = p.questions.map((q) => (q === target ? reread[0] : q.range.start.offset < edit.start ? q : shift.question(q)));
    if (!questions.includes(reread[0]) && p.range.start.offset < edit.start) return p;
    // The principle that holds the edited story ends where that story now ends if it ended there; every
    // other position moves by the edit (a principle's end is not always its last part's: an H1 inside a
    // <details> ends at its line's end, found by the property test).
    const endsWithTarget = questions.includes(reread[0]) && p.range.end.offset === target.range.end.offset;
    return {
      ...p,
      titleRange: shift.range(p.titleRange),
      range: { start: shift.position(p.range.start), end: endsWithTarget ? reread[0].range.end : shift.position(p.range.end) },
      ...(p.definitionRange ? { definitionRange: shift.range(p.definitionRange) } : {}),
      questions,
    };
  });
  const bank: BankFile = { principles, hasStories: principles.some((p) => p.questions.some(tellsAStory)) };
  htmlReadLocally.add(bank);
  return { bank, edited: { before: target, after: reread[0] }, shift };
}

/**
 * Where stories start and end depends on their labels and how they are written (a second Situation splits a story, labels make a
 * heading a title): an edit that changes any label is left to a full parse.
 */
function sameParts(a: Question, b: Question): boolean {
  const parts = (q: Question) => q.sections.map((s) => [s.kind, s.style, s.headingLevel ?? '', ...(s.covers ?? [])].join('/')).join(',');
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
  // Equal blocks first (a string comparison of slices is far quicker than a loop over characters), then characters.
  let start = 0;
  while (start + DIFF_BLOCK <= max && a.slice(start, start + DIFF_BLOCK) === b.slice(start, start + DIFF_BLOCK)) start += DIFF_BLOCK;
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix + DIFF_BLOCK <= max - start && a.slice(a.length - suffix - DIFF_BLOCK, a.length - suffix) === b.slice(b.length - suffix - DIFF_BLOCK, b.length - suffix)) suffix += DIFF_BLOCK;
  while (suffix < max - start && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { start, oldEnd: a.length - suffix, newEnd: b.length - suffix, delta: b.length - a.length };
}

const DIFF_BLOCK = 1024;

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Tags that open an HTML block at a line's start (CommonMark's kinds 1 and 6); after text on a line they are inline HTML. */
const BLOCK_TAG_NAMES =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|pre|script|search|section|style|summary|table|tbody|td|textarea|tfoot|th|thead|title|tr|track|ul';
/**
 * A block-level tag on a line that starts with text ("Situation: <summary>…", "Done.</details>"): the HTML
 * parser may move that element, and text beside it, elsewhere in the document than the story read alone has it.
 */
const BLOCK_TAG_AFTER_TEXT = new RegExp(`^[ \\t]*[^<\\s][^\\r\\n]*<\\/?(?:${BLOCK_TAG_NAMES})(?:[\\s/>]|$)`, 'im');

/**
 * The file's HTML reads the same around a story as in the story alone. The whole file's HTML is read as one
 * document, so an element left open elsewhere (a stray `<b>`), or a block-level tag on a line that starts
 * with text, can change how the edited story reads, which a story read alone cannot see (found by the
 * property tests).
 */
function htmlReadsLocally(text: string): boolean {
  if (!text.includes('<')) return true;
  const open = new Map<string, number>();
  for (const m of text.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(\/?)>/g)) {
    const name = m[2].toLowerCase();
    if (VOID_TAGS.has(name) || m[3]) continue;
    open.set(name, (open.get(name) ?? 0) + (m[1] ? -1 : 1));
  }
  for (const count of open.values()) if (count !== 0) return false;
  return !BLOCK_TAG_AFTER_TEXT.test(text);
}

/** Readings made by the quick path, whose text's HTML reads locally (checking the whole file costs 20 ms a keystroke on 1.2 MB). */
const htmlReadLocally = new WeakSet<BankFile>();

/**
 * htmlReadsLocally of the new text, from the previous reading's when it had it: an edit outside any tag that
 * types and removes no `<` or `>` (see isLocalEdit) keeps the tags as they were, and can only change whether a
 * line it touches starts with text.
 */
function htmlStillReadsLocally(previousText: string, previous: BankFile, text: string, edit: Edit): boolean {
  if (!htmlReadLocally.has(previous) || previousText.lastIndexOf('<', edit.start - 1) > previousText.lastIndexOf('>', edit.start - 1)) return htmlReadsLocally(text);
  return !BLOCK_TAG_AFTER_TEXT.test(text.slice(lineStartOf(text, edit.start), lineEndOf(text, edit.newEnd)));
}

/** Characters whose meaning can reach past their own line or block. */
const STRUCTURAL = /[\r\n<>`~|#\\]/;
/** Text that ends in a word (a letter or digit, then sentence punctuation at most) and blanks. */
const WORD_THEN_BLANKS = /[\p{L}\p{N}][.,;!?'")\]]*[ \t]+$/u;
/** What an edit may not type or delete: a `#` is only a heading at a line's start (checked on the line). */
const STRUCTURAL_IN_EDIT = /[\r\n<>`~|\\]/;
/** A line's list and quote markers with their indentation. */
const CONTAINER_PREFIX = /^[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])(?:[ \t]+|$))*/;
/** A list or quote marker at a line's start. */
const CONTAINER_MARKER = /^[ \t]*(?:>|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
/** Lines that underline or break: "===", "---", "* * *". */
const RULE_LINE = /^[ \t]*(?:=+|-+|(?:[-*_][ \t]*){3,})[ \t]*$/;
/** An ATX heading line. */
const HEADING_LINE = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const BLANK = /^[ \t]*$/;

function isLocalEdit(before: string, after: string, edit: Edit): boolean {
  const removed = before.slice(edit.start, edit.oldEnd);
  const inserted = after.slice(edit.start, edit.newEnd);
  if (STRUCTURAL_IN_EDIT.test(removed)) return false;
  if (blankLinesAdded(before, edit, inserted)) return true;
  if (typedIntoBlankLine(before, after, edit, inserted)) return true;
  if (!STRUCTURAL_IN_EDIT.test(inserted)) {
    const letter = edit.oldEnd === edit.start && /^\p{L}/u.test(inserted);
    return lineStaysPlain(before, edit.start, edit.oldEnd, letter) && lineStaysPlain(after, edit.start, edit.newEnd, letter);
  }
  return lineBreaksStayLocal(before, after, edit, inserted);
}

/**
 * The same insertion told the other way: typing "new words.\n\n" after "words.\n\n" differs from the old text
 * from the next line's start on, but it is what was typed after the first "words." (where the cursor was).
 */
function slidLeft(before: string, after: string, edit: Edit): Edit | undefined {
  if (edit.oldEnd !== edit.start) return undefined;
  const inserted = after.slice(edit.start, edit.newEnd);
  let k = 0;
  while (k < inserted.length && edit.start - k > 0 && before[edit.start - k - 1] === inserted[inserted.length - k - 1]) k++;
  return k ? { start: edit.start - k, oldEnd: edit.oldEnd - k, newEnd: edit.newEnd - k, delta: edit.delta } : undefined;
}

/** Blank lines added beside a blank line (Enter at the end of a paragraph) change no block, only where the next ones are. */
function blankLinesAdded(before: string, edit: Edit, inserted: string): boolean {
  if (edit.oldEnd !== edit.start || !/^(?:\r?\n)+$/.test(inserted) || before[edit.start - 1] === '\r') return false;
  const lineStart = lineStartOf(before, edit.start);
  if (BLANK.test(before.slice(lineStart, lineEndOf(before, edit.start)))) return true;
  if (lineStart !== edit.start || lineStart === 0) return false;
  const previous = lineStartOf(before, lineStart - (before[lineStart - 2] === '\r' ? 2 : 1));
  return BLANK.test(before.slice(previous, lineEndOf(before, previous)));
}

function lineStaysPlain(text: string, start: number, end: number, letterTyped = false): boolean {
  const lineStart = lineStartOf(text, start);
  let lineEnd = end;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const line = text.slice(lineStart, lineEnd);
  if (!line.trim() || RULE_LINE.test(line)) return false;
  // Quote and list markers are fine (the edit is after them); a line that then opens HTML, code or a heading is not.
  const prefix = CONTAINER_PREFIX.exec(line)![0].length;
  if (STRUCTURAL.test(line.charAt(prefix))) return false;
  // At the line's start (after its markers) only a letter typed before text already there: it cannot make a marker.
  return start - lineStart > prefix || (letterTyped && start - lineStart === prefix && /\S/.test(line.slice(prefix)));
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The line after the one that ends at `lineEnd` (a line break's end), or undefined at the end of the text. */
function nextLine(text: string, lineEnd: number): { start: number; line: string } | undefined {
  if (lineEnd >= text.length) return undefined;
  const start = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1);
  return { start, line: text.slice(start, lineEndOf(text, start)) };
}

/**
 * Line breaks typed into a line (Enter in a paragraph; Enter twice for a new paragraph) keep to the story
 * when the line was plain text and what the break puts at a line's start cannot open anything (a list
 * item, a quote, a heading, HTML, code, a table, an underline). A blank line is only taken in a paragraph
 * outside any list, quote or HTML block, where it can only split the paragraph: in a list it could make
 * the whole list loose, and it ends an HTML block.
 */
function lineBreaksStayLocal(before: string, after: string, edit: Edit, inserted: string): boolean {
  // Only LF and CRLF breaks, never between the CR and LF of one, and nothing else structural typed with them.
  if (/\r(?!\n)/.test(inserted) || before[edit.start - 1] === '\r' || STRUCTURAL_IN_EDIT.test(inserted.replace(/\r?\n/g, ''))) return false;
  const lineStart = lineStartOf(before, edit.start);
  const oldLine = before.slice(lineStart, lineEndOf(before, edit.oldEnd));
  if (!lineStaysPlain(before, edit.start, edit.oldEnd) || oldLine.includes('|')) return false;
  // Not inside something that looks like a tag: "<b" … ">" split in two may stop being one.
  const head = before.slice(lineStart, edit.start);
  if (head.lastIndexOf('<') > head.lastIndexOf('>')) return false;

  const lines = after.slice(lineStart, lineEndOf(after, edit.newEnd)).split(/\r?\n/);
  // What stays on the edited line keeps its markers: "1. **Bold" cut after "1. *" would open a list inside the item.
  if (RULE_LINE.test(lines[0]) || CONTAINER_PREFIX.exec(lines[0])![0].length !== CONTAINER_PREFIX.exec(oldLine)![0].length) return false;
  // A break after blanks that follow anything but a word ("**Action:** " left empty): where a section ends depends on
  // what is read around it. After a word ("I set up " and Enter, a line split at a space) the line stays plain text.
  if (lines.length > 1 && /[ \t]$/.test(lines[0]) && !WORD_THEN_BLANKS.test(lines[0].slice(CONTAINER_PREFIX.exec(lines[0])![0].length))) return false;
  let blank = false;
  for (const line of lines.slice(1)) {
    if (BLANK.test(line)) {
      blank = true;
      continue;
    }
    if (RULE_LINE.test(line) || CONTAINER_MARKER.test(line) || STRUCTURAL.test(line.trimStart().charAt(0))) return false;
    // After a blank line a line starts a paragraph of its own: indented, it would be code or a list item's.
    if (blank && /^[ \t]/.test(line)) return false;
  }
  const lastIsBlank = BLANK.test(lines[lines.length - 1]);
  if (!blank) return true;

  // A blank line: only in a paragraph at the top level (no list, quote or HTML around it).
  if (!topLevelParagraph(before, lineStart)) return false;
  // The line that followed the edited one now follows a blank line: it starts a paragraph (or stays a heading).
  const following = nextLine(after, lineEndOf(after, edit.newEnd));
  const followedDirectly = nextLine(before, lineEndOf(before, edit.oldEnd));
  if (lastIsBlank && following && followedDirectly && !BLANK.test(followedDirectly.line)) {
    const line = following.line;
    if (!HEADING_LINE.test(line) && (/^[ \t]/.test(line) || RULE_LINE.test(line) || CONTAINER_MARKER.test(line) || STRUCTURAL.test(line.charAt(0)))) return false;
  }
  return true;
}

/**
 * Words typed into a blank line (the line after Enter twice) start a paragraph or join the one above or
 * below: safe where those are plain paragraphs at the top level, and the typed line cannot open anything.
 */
function typedIntoBlankLine(before: string, after: string, edit: Edit, inserted: string): boolean {
  if (edit.oldEnd !== edit.start || !/^\p{L}/u.test(inserted) || STRUCTURAL_IN_EDIT.test(inserted)) return false;
  const lineStart = lineStartOf(before, edit.start);
  const lineEnd = lineEndOf(before, edit.start);
  if (lineStart !== edit.start || lineEnd !== edit.start || before[lineStart - 1] === '\r') return false;
  const line = after.slice(lineStart, lineEndOf(after, edit.newEnd));
  if (/^[ \t]/.test(line) || RULE_LINE.test(line) || CONTAINER_MARKER.test(line)) return false;
  // Below: blank, a heading, or a plain line the new one runs into (not an underline, a marker, HTML, code).
  const below = nextLine(before, lineEnd);
  if (below && !BLANK.test(below.line) && !HEADING_LINE.test(below.line) && (/^[ \t]/.test(below.line) || RULE_LINE.test(below.line) || CONTAINER_MARKER.test(below.line) || STRUCTURAL.test(below.line.charAt(0)))) return false;
  // Above, past blank lines: the start of the text, a heading, or a paragraph at the top level.
  let above = lineStart;
  for (;;) {
    if (above === 0) return true;
    above = lineStartOf(before, above - (before[above - 2] === '\r' ? 2 : 1));
    const text = before.slice(above, lineEndOf(before, above));
    if (BLANK.test(text)) continue;
    return HEADING_LINE.test(text) || topLevelParagraph(before, above);
  }
}

/** The paragraph around a line is at the top level: none of its lines up to the blank line above is indented, marked or HTML. */
function topLevelParagraph(text: string, lineStart: number): boolean {
  let start = lineStart;
  for (;;) {
    const line = text.slice(start, lineEndOf(text, start));
    if (BLANK.test(line)) return true;
    if (HEADING_LINE.test(line)) return start !== lineStart;
    if (/^[ \t]/.test(line) || CONTAINER_MARKER.test(line) || STRUCTURAL.test(line.charAt(0))) return false;
    if (start === 0) return true;
    start = lineStartOf(text, start - (text[start - 1] === '\n' && text[start - 2] === '\r' ? 2 : 1));
  }
}

/**
 * Where the block of a story ends: the start of the line the next story or principle opens on, or the end
 * of the text. Never inside a line: a block cut after "   - " ends in an empty list item, which can make
 * the paragraph above it a heading (found by the property test).
 */
function blockLimit(bank: BankFile, questions: Question[], index: number, text: string): number {
  const start = questions[index].range.start.offset;
  const next = questions[index + 1]?.range.start.offset ?? text.length;
  const nextPrinciple = bank.principles.find((p) => p.range.start.offset > start)?.range.start.offset ?? text.length;
  const limit = Math.min(next, nextPrinciple);
  return limit < text.length ? lineStartOf(text, limit) : limit;
}
