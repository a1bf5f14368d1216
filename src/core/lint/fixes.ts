import { SECTION_NAMES, type Question, type SectionKind } from '../model';
import { LineIndex } from '../text/lineIndex';
import { findDirectives } from './comments';
import { SECTION_ORDER } from './sectionNames';
import { linePrefix, renderSection, styleOf, type SectionStyle } from './sectionStyle';
import type { ElsewhereEdit, LintDiagnostic } from './types';

/**
 * Quick fixes as one text edit each, which undo takes back whole. Structure fixes only insert; the
 * prose rules' fixes remove exactly the words they name (a filler and the space after it), and a
 * duplicate story's fix replaces the copy by a line that points at the story it copies.
 */
export interface Insertion {
  offset: number;
  text: string;
  /** Characters replaced from `offset` on; absent for a plain insert. */
  deleteCount?: number;
  /** Where the cursor goes after the insert, as an index into `text`. */
  cursor?: number;
}

export interface Fix {
  title: string;
  isPreferred: boolean;
  insertion: Insertion;
  /** Further insertions made in the same edit (one undo step), without a cursor. */
  more?: Insertion[];
  /** Edits in other files, applied in the same step. */
  elsewhere?: ElsewhereEdit[];
  /** Safe to apply with every other such fix of the file, unseen. */
  fixAll?: boolean;
}

export function applyInsertion(text: string, insertion: Insertion): string {
  return text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset + (insertion.deleteCount ?? 0));
}

/**
 * The fixes of a file that are safe to apply together (`fixAll`), optionally of one rule, without
 * overlaps, in text order. Applied from last to first they never shift one another.
 */
export function fixAllEdits(diagnostics: readonly LintDiagnostic[], rule?: string): Insertion[] {
  const edits = diagnostics
    .filter((d) => d.fix?.fixAll && !d.fix.elsewhere && (rule === undefined || d.rule === rule))
    .map((d) => d.fix!.insertion)
    .sort((a, b) => a.offset - b.offset);
  const out: Insertion[] = [];
  let end = -1;
  for (const edit of edits) {
    if (edit.offset < end || (edit.offset === end && out.length && !(edit.deleteCount ?? 0))) continue;
    out.push(edit);
    end = edit.offset + (edit.deleteCount ?? 0);
  }
  return out;
}

/** Applies non-overlapping edits given in text order. */
export function applyEdits(text: string, edits: readonly Insertion[]): string {
  let out = text;
  for (let i = edits.length - 1; i >= 0; i--) out = applyInsertion(out, edits[i]);
  return out;
}

/** The fixes for one diagnostic: the rule's own (delete a filler, replace a copied story), add the missing section, and switch the rule off for the story. */
export function fixesFor(text: string, diagnostic: LintDiagnostic, lines = new LineIndex(text)): Fix[] {
  const fixes: Fix[] = [];
  if (diagnostic.fix) fixes.push({ title: diagnostic.fix.title, isPreferred: true, insertion: diagnostic.fix.insertion, ...(diagnostic.fix.elsewhere ? { elsewhere: diagnostic.fix.elsewhere } : {}), ...(diagnostic.fix.fixAll ? { fixAll: true } : {}) });
  if (diagnostic.rule === 'missing-section' && diagnostic.kind) {
    const insertion = insertSection(text, diagnostic.question, diagnostic.kind);
    if (insertion) fixes.push({ title: `Add ${/^[AEIOU]/.test(SECTION_NAMES[diagnostic.kind]) ? 'an' : 'a'} ${SECTION_NAMES[diagnostic.kind]} section`, isPreferred: true, insertion });
  }
  if (diagnostic.rule === 'prose-answer' && diagnostic.question.prose) fixes.push(labelProse(text, diagnostic.question.prose.range.start.offset, diagnostic.question.prose.range.end.offset));
  const disable = disableForStory(text, diagnostic.question, diagnostic.rule, lines);
  if (disable) fixes.push({ title: `Disable ${diagnostic.rule} for this story`, isPreferred: false, insertion: disable });
  return fixes;
}

export function eolOf(text: string): string {
  const i = text.search(/\r\n|\r|\n/);
  if (i < 0) return '\n';
  return text[i] === '\r' ? (text[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
}

/** An empty section of `kind` in the story's own style, at its place in S-T-A-R order. */
export function insertSection(text: string, question: Question, kind: SectionKind): Insertion | undefined {
  const sections = question.sections;
  if (!sections.length || sections.some((s) => s.kind === kind)) return undefined;
  const style = styleOf(question, text);
  if (style.style === 'table') return undefined;
  const eol = eolOf(text);
  const next = sections.find((s) => SECTION_ORDER[s.kind] > SECTION_ORDER[kind]);
  if (style.style === 'html') {
    const item = next ? htmlItemBefore(text, question, next.labelRange.start.offset) : htmlItemAfter(text, question, sections.at(-1)!.range.end.offset);
    if (item) return withCursor(item.offset, renderSection(kind, style, item.indent, eol), next ? '' : eol, next ? eol : '');
  }
  const gap = style.blankLines ? eol + eol : eol;
  if (next) {
    const at = next.labelRange.start.offset;
    const prefix = linePrefix(text, at);
    const indent = leadingIndent(prefix, style);
    if (isLinePrefix(prefix)) return withCursor(at - prefix.length, renderSection(kind, style, indent, eol), '', gap);
    // The label follows other text on its line: start the new section on a line of its own.
    return withCursor(at, renderSection(kind, style, indent, eol), eol, eol);
  }
  const last = sections.at(-1)!;
  const lineEnd = endOfLine(text, last.range.end.offset);
  const indent = leadingIndent(linePrefix(text, last.labelRange.start.offset), style);
  return withCursor(lineEnd, renderSection(kind, style, indent, eol), gap, '');
}

function withCursor(offset: number, rendered: { text: string; cursor: number }, before: string, after: string): Insertion {
  return { offset, text: before + rendered.text + after, cursor: before.length + rendered.cursor };
}

/** Spaces, a list bullet, a heading's #s or a quote's > before a label: the line's own markup. */
function isLinePrefix(prefix: string): boolean {
  return /^[ \t>]*(?:(?:[-*+]|\d+[.)])[ \t]+|#{1,6}[ \t]+)?$/.test(prefix);
}

function leadingIndent(prefix: string, style: SectionStyle): string {
  const indent = /^[ \t>]*/.exec(prefix)![0];
  // A heading may not be indented by four or more spaces.
  return style.style === 'heading' ? indent.replace(/[ \t]+$/, (s) => (s.length > 3 ? '' : s)) : indent;
}

function endOfLine(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The start of the line holding the <li> of the section whose label is at `labelStart`. */
function htmlItemBefore(text: string, question: Question, labelStart: number): { offset: number; indent: string } | undefined {
  const floor = question.range.start.offset;
  const li = lastMatchBefore(text, /<li\b/gi, floor, labelStart);
  if (li < 0) return undefined;
  const prefix = linePrefix(text, li);
  if (!/^[ \t]*$/.test(prefix)) return undefined;
  // No other section's label may sit between this <li> and the label.
  if (question.sections.some((s) => s.labelRange.start.offset > li && s.labelRange.start.offset < labelStart)) return undefined;
  return { offset: li - prefix.length, indent: prefix };
}

/** The end of the line holding the </li> that closes the last section. */
function htmlItemAfter(text: string, question: Question, sectionEnd: number): { offset: number; indent: string } | undefined {
  const ceiling = question.range.end.offset;
  const close = /<\/li\s*>/gi;
  close.lastIndex = sectionEnd;
  const m = close.exec(text);
  if (!m || m.index >= ceiling) return undefined;
  const prefix = linePrefix(text, m.index);
  if (!/^[ \t]*$/.test(prefix)) return undefined;
  return { offset: endOfLine(text, m.index), indent: prefix };
}

function lastMatchBefore(text: string, pattern: RegExp, from: number, to: number): number {
  let found = -1;
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m && m.index < to; m = pattern.exec(text)) found = m.index;
  return found;
}

/**
 * `<!-- star-answers-disable-next-story rule -->` on its own line before the story, indented like it;
 * or the rule added to such a comment already there.
 */
export function disableForStory(text: string, question: Question, rule: string, lines = new LineIndex(text)): Insertion | undefined {
  const start = question.range.start;
  const lineStart = lines.offsetAt(start.line, 0);
  if (start.line > 0) {
    const previous = lines.offsetAt(start.line - 1, 0);
    const existing = findDirectives(text.slice(previous, lineStart)).find((d) => d.type === 'disable-next-story');
    if (existing) {
      if (existing.rules.length === 0 || existing.rules.includes(rule)) return undefined;
      const close = text.lastIndexOf('-->', previous + existing.end);
      let at = close;
      while (at > previous && /\s/.test(text[at - 1])) at--;
      return { offset: at, text: ` ${rule}` };
    }
  }
  const indent = /^[ \t]*/.exec(text.slice(lineStart, start.offset))![0];
  return { offset: lineStart, text: `${indent}<!-- star-answers-disable-next-story ${rule} -->${eolOf(text)}` };
}

/**
 * Turns a prose answer into a story without touching a word of it: "**Situation:**" on a line before the
 * text, and empty Task, Action and Result labels after it, the cursor in the Task.
 */
function labelProse(text: string, start: number, end: number): Fix {
  const eol = eolOf(text);
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, start))![0];
  const after = `${eol}${eol}${indent}**Task:** `;
  const rest = `${eol}${eol}${indent}**Action:** ${eol}${eol}${indent}**Result:** `;
  return {
    title: 'Label this answer as Situation, Task, Action and Result',
    isPreferred: true,
    insertion: { offset: end, text: after + rest, cursor: after.length },
    more: [{ offset: start, text: `**Situation:**${eol}${indent}` }],
  };
}
