import type { BankFile, Question, Range, Section, SectionKind } from '../model';
import { parseStoryBlock } from '../parser';
import { SECTION_KINDS, SECTION_NAMES } from '../model';
import { SECTION_ORDER } from '../lint/sectionNames';
import { labelFor, linePrefix, renderSection, styleOf, type SectionStyle } from '../lint/sectionStyle';
import { LineIndex } from '../text/lineIndex';
import { betweenListItems } from './htmlList';
import { typedPrefix } from './prefix';
import { probesAround, type Probe } from './probe';
import { toSnippet } from './snippet';
import { AFTER_LINES, storyAt, type Placement, type StoryAtCursor } from './storyAt';

export { storyAt, type Placement, type StoryAtCursor } from './storyAt';
export { typedPrefix, type TypedPrefix } from './prefix';
export { probesAround, type Probe } from './probe';

/** One missing section the writer can add at the cursor. */
export interface SectionCompletion {
  kind: SectionKind;
  /** "Task", "Learning". */
  name: string;
  /** The label as this story writes it: "Task", "T", "TASK". */
  label: string;
  /** Learning: never required. */
  optional: boolean;
  /** False when the cursor is not where this kind goes in S-T-A-R order (it would be out of order here). */
  inOrder: boolean;
  /** VS Code snippet syntax, one tab stop `${1}`; lines end with "\n" (the editor writes its own line ends). */
  snippet: string;
  /** What the snippet inserts when the tab stop is left empty, with "\n" line ends. */
  text: string;
  /** Where the tab stop lands in `text`. */
  cursor: number;
  /** Matches what a writer types at the start of the line: "<li", "- **T", "**Ta", "### T", "task". */
  filterText: string;
  /** Missing sections sort first, in S-T-A-R(-L) order. */
  sortText: string;
}

export interface SectionCompletions {
  /** The story, as read without what was typed on the cursor's line: its positions are relative to the part read again, not to the text. */
  question: Question;
  placement: Placement;
  /** What the completions replace: the cursor's line from its start (indent and typed prefix) to its end (blanks only). */
  replace: Range;
  style: SectionStyle;
  items: SectionCompletion[];
}

/** A story is never this long: farther than this from a story's start, the cursor is not in it. */
const MAX_STORY_CHARS = 100_000;

/**
 * The sections a story lacks, to offer at `offset`: the story the cursor is in (or just after),
 * its missing Situation, Task, Action, Result in that order, then Learning when absent, each written
 * in the story's own style and indentation. Undefined outside a story, or where no section can start
 * (mid-sentence, inside an HTML item, text after the cursor).
 *
 * `bank` is the parse of `text`; only the cursor's story and its neighbours are read again, without what
 * was typed on the cursor's line.
 */
export function completeSections(text: string, bank: BankFile, offset: number, lines = new LineIndex(text)): SectionCompletions | undefined {
  if (!bank.hasStories) return undefined;
  const prefix = typedPrefix(text, offset);
  if (!prefix) return undefined;
  const region = regionAround(bank, text, lines, prefix.lineStart);
  if (!region) return undefined;
  const read = bestReading(probesAround(text, lines, prefix, region.start, region.end));
  if (!read) return undefined;
  const { probe, probeLines, question, placement } = read;
  const style = styleOf(question, probe.text);
  if (style.style === 'table') return undefined;
  if (style.style === 'html' && !betweenListItems(probe.text, question, probe.at)) return undefined;

  const present = new Set(question.sections.map((s) => s.kind));
  const missing = SECTION_KINDS.filter((k) => !present.has(k));
  if (!missing.length) return undefined;

  const sibling = nearestSection(question.sections, probe.at);
  const indent = sibling ? siblingIndent(probe.text, question, sibling, style) : '';
  const { before, after } = separators(probe, probeLines, question, style, placement);

  const items = missing.map((kind): SectionCompletion => {
    const rendered = renderSection(kind, style, indent, '\n');
    const firstLine = rendered.text.split('\n')[0].trim();
    const name = SECTION_NAMES[kind];
    const label = labelFor(kind, style);
    return {
      kind,
      name,
      label,
      optional: kind === 'learning',
      inOrder: fitsHere(question.sections, kind, probe.at),
      snippet: toSnippet(rendered, before, after),
      text: before + rendered.text + after,
      cursor: before.length + rendered.cursor,
      filterText: `${firstLine} ${name}${label !== name ? ` ${label}` : ''}`,
      sortText: `0${SECTION_ORDER[kind]}-${name}`,
    };
  });
  return { question, placement, replace: lines.range(prefix.lineStart, prefix.lineEnd), style, items };
}

/**
 * The part of the text to read again, from the start of a line: from the story that starts before the
 * cursor's line to the story or principle after it. One more story is taken on each side, in case what
 * was typed on the cursor's line made a story of its neighbour (a `-` under a line makes it a heading).
 */
function regionAround(bank: BankFile, text: string, lines: LineIndex, lineStart: number): { start: number; end: number } | undefined {
  const line = lines.position(lineStart).line;
  const nextLine = line + 1 < lines.lineCount ? lines.offsetAt(line + 1, 0) : text.length;
  const before: number[] = [];
  const after: number[] = [];
  let last: Question | undefined;
  for (const principle of bank.principles) {
    const title = principle.titleRange;
    if (title.start.offset >= nextLine && title.end.offset > title.start.offset) after.push(title.start.offset);
    for (const question of principle.questions) {
      const at = question.range.start.offset;
      if (at < lineStart) {
        before.push(at);
        if (!last || at > last.range.start.offset) last = question;
      } else if (at >= nextLine) after.push(at);
    }
  }
  // Well below the end of the last story before it (even as read with the cursor's line): not in a story.
  if (!last || line > last.range.end.line + AFTER_LINES + 1) return undefined;
  before.sort((a, b) => b - a);
  after.sort((a, b) => a - b);
  if (lineStart - before[0] > MAX_STORY_CHARS) return undefined;
  const first = before[1] !== undefined && lineStart - before[1] <= MAX_STORY_CHARS ? before[1] : before[0];
  const start = lines.offsetAt(lines.position(first).line, 0);
  // At least the line after the cursor's, to see what the new section must keep apart from.
  const lineAfter = line + 2 < lines.lineCount ? lines.offsetAt(line + 2, 0) : text.length;
  const end = Math.min(after[1] ?? after[0] ?? text.length, nextLine + MAX_STORY_CHARS, text.length);
  return { start, end: Math.max(end, lineAfter) };
}

/** The reading in which the cursor's story has the most sections (the other one broke it); the line taken out on a tie. */
function bestReading(probes: Probe[]): (StoryAtCursor & { probe: Probe; probeLines: LineIndex }) | undefined {
  let best: (StoryAtCursor & { probe: Probe; probeLines: LineIndex }) | undefined;
  for (const probe of probes) {
    const probeLines = new LineIndex(probe.text);
    const found = storyAt(parseStoryBlock(probe.text, 0, probe.text.length, probeLines), probe, probeLines);
    if (found && (!best || found.question.sections.length > best.question.sections.length)) best = { ...found, probe, probeLines };
  }
  return best;
}

/** The section just before the cursor, else the story's first: the one whose indentation a new section copies. */
function nearestSection(sections: readonly Section[], offset: number): Section | undefined {
  let best: Section | undefined;
  for (const s of sections) if (s.labelRange.start.offset < offset) best = s;
  return best ?? sections[0];
}

function siblingIndent(text: string, question: Question, section: Section, style: SectionStyle): string {
  if (style.style === 'html') {
    const li = text.lastIndexOf('<li', section.labelRange.start.offset);
    if (li >= question.range.start.offset) {
      const prefix = linePrefix(text, li);
      if (/^[ \t]*$/.test(prefix)) return prefix;
    }
    return '';
  }
  const indent = /^[ \t]*/.exec(linePrefix(text, section.labelRange.start.offset))![0];
  // A heading indented by four spaces or more is a code block.
  return style.style === 'heading' && indent.replace(/\t/g, '    ').length > 3 ? '' : indent;
}

/** True when `kind` at `offset` keeps the story in S-T-A-R(-L) order. */
function fitsHere(sections: readonly Section[], kind: SectionKind, offset: number): boolean {
  const order = SECTION_ORDER[kind];
  return sections.every((s) => (s.labelRange.start.offset < offset ? SECTION_ORDER[s.kind] <= order : SECTION_ORDER[s.kind] >= order));
}

/**
 * Line breaks around the new section so that it reads back as a section of this story: a blank line
 * where the story separates its sections by blank lines, and between markdown and the HTML or the
 * next story around it.
 */
function separators(probe: Probe, lines: LineIndex, question: Question, style: SectionStyle, placement: Placement): { before: string; after: string } {
  if (style.style === 'html') return { before: '', after: '' };
  const sections = question.sections;
  const first = question.container === 'details' ? (sections[0]?.range.start.line ?? Infinity) : question.titleRange.start.line;
  const last = sections.at(-1)?.range.end.line ?? question.titleRange.end.line;
  const storyText = (l: number) => l >= first && l <= last;
  const textOf = (l: number) => (l >= 0 && l < lines.lineCount ? probe.text.slice(lines.offsetAt(l, 0), lines.lineEnd(l)) : '');
  const previous = probe.line - 1;
  const next = probe.nextLine;
  const before = previous >= 0 && textOf(previous).trim() !== '' && (style.blankLines || !storyText(previous)) ? '\n' : '';
  const after = probe.hasNext && textOf(next).trim() !== '' && (style.blankLines || placement === 'after' || !storyText(next)) ? '\n' : '';
  return { before, after };
}
