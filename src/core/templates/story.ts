import { SECTION_NAMES, type LabelStyle, type Principle, type Question, type SectionKind } from '../model';
import type { LineIndex } from '../text/lineIndex';

/** How new stories of a file are written, read from the stories it already holds. */
export interface StoryStyle {
  container: 'details' | 'heading' | 'question-line' | 'list-item';
  sections: 'html' | 'bold' | 'heading' | 'list-bold' | 'list-plain';
  /** Level of a question heading (## → 2). */
  headingLevel: number;
  sectionHeadingLevel: number;
  /** The label the file uses for each kind: "Situation", "S", "Context". */
  labels: Record<SectionKind, string>;
  /** Whether the file's stories carry a Learning part. */
  learning: boolean;
  /** For list-item stories: "3. " for the next item of a numbered list, else "- ". */
  listMarker: string;
  /** Indent of section lines under a list-item question. */
  indent: string;
}

/** The seed's format: `<details>`, `<summary><b>question</b></summary>`, `<ul><li><b>Situation: </b><br>`. */
export const DEFAULT_STYLE: StoryStyle = {
  container: 'details',
  sections: 'html',
  headingLevel: 2,
  sectionHeadingLevel: 3,
  labels: SECTION_NAMES,
  learning: false,
  listMarker: '- ',
  indent: '   ',
};

/**
 * The style most stories of the file use (those of `principle` first, then the whole file);
 * the seed's `<details>` format when the file has no story yet or only tables.
 */
export function detectStoryStyle(text: string, lines: LineIndex, questions: readonly Question[]): StoryStyle {
  const usable = questions.filter((q) => q.container !== 'table-row' && q.container !== 'none' && q.sections.length > 0);
  if (usable.length === 0) return { ...DEFAULT_STYLE, labels: { ...SECTION_NAMES } };
  const container = mostCommon(usable.map((q) => q.container)) as StoryStyle['container'];
  const sameContainer = usable.filter((q) => q.container === container);
  const sectionStyles = sameContainer.flatMap((q) => q.sections.map((s) => s.style)).filter((s) => s !== 'table' && s !== 'plain');
  let sections = (mostCommon(sectionStyles) ?? (container === 'details' ? 'html' : 'bold')) as StoryStyle['sections'];
  if (sectionStyles.length === 0 && sameContainer.some((q) => q.sections.some((s) => s.style === 'plain'))) sections = container === 'list-item' ? 'list-plain' : 'bold';

  const labels = { ...SECTION_NAMES };
  for (const kind of Object.keys(SECTION_NAMES) as SectionKind[]) {
    const used = sameContainer.flatMap((q) => q.sections.filter((s) => s.kind === kind && styleMatches(s.style, sections)).map((s) => s.label.trim()));
    const best = mostCommon(used.filter((l) => /^[\p{L}][\p{L} ]*$/u.test(l)));
    if (best) labels[kind] = best.length === 1 ? best.toUpperCase() : best;
  }

  const last = sameContainer[sameContainer.length - 1];
  const titleLine = lineText(text, lines, last.titleRange.start.line);
  const headingLevel = container === 'heading' ? /^\s{0,3}(#{1,6})\s/.exec(titleLine)?.[1].length ?? 2 : 2;
  const sectionHeadingLevel = sameContainer.flatMap((q) => q.sections.map((s) => s.headingLevel ?? 0)).find((l) => l > 0) ?? Math.min(6, headingLevel + 1);

  let listMarker = '- ';
  let indent = '   ';
  if (container === 'list-item') {
    const marker = /^(\s*)(\d+)([.)])\s|^(\s*)([-*+])\s/.exec(titleLine);
    if (marker?.[2]) listMarker = `${Number(marker[2]) + 1}${marker[3]} `;
    else if (marker?.[5]) listMarker = `${marker[5]} `;
    const firstSection = last.sections[0];
    if (firstSection) indent = /^\s*/.exec(lineText(text, lines, firstSection.range.start.line))?.[0] ?? indent;
    if (!indent) indent = ' '.repeat(listMarker.length);
  }

  return {
    container,
    sections: normalizeSections(container, sections),
    headingLevel,
    sectionHeadingLevel,
    labels,
    learning: sameContainer.some((q) => q.sections.some((s) => s.kind === 'learning')),
    listMarker,
    indent,
  };
}

/** The style of new stories under a principle: its own stories, else the whole file's. */
export function styleForPrinciple(text: string, lines: LineIndex, principles: readonly Principle[], principle: Principle | undefined): StoryStyle {
  const own = principle?.questions ?? [];
  return detectStoryStyle(text, lines, own.length ? own : principles.flatMap((p) => p.questions));
}

function normalizeSections(container: StoryStyle['container'], sections: StoryStyle['sections']): StoryStyle['sections'] {
  // Each container has the section styles that read back as one story.
  if (container === 'list-item') return sections === 'list-plain' ? 'list-plain' : 'list-bold';
  if (container === 'details') return sections === 'heading' ? 'bold' : sections;
  if (container === 'question-line') return sections === 'heading' || sections === 'html' ? 'bold' : sections;
  if (container === 'heading') return sections === 'html' ? 'bold' : sections;
  return sections;
}

export interface SkeletonPlaceholder {
  /** 'question' or the section kind this tab stop fills. */
  name: 'question' | SectionKind;
  offset: number;
  /** Length of the placeholder's default text (0 for an empty tab stop). */
  length: number;
}

export interface StorySkeleton {
  text: string;
  /** In tab order; the first is the question. */
  placeholders: SkeletonPlaceholder[];
}

export const QUESTION_PLACEHOLDER = 'Tell me about a time when…';

type Chunk = string | { name: SkeletonPlaceholder['name']; text: string };

/** A new, empty story in a style. Lines end with `eol`; no line break before or after. */
export function storySkeleton(style: StoryStyle, eol = '\n', question = QUESTION_PLACEHOLDER): StorySkeleton {
  const kinds: SectionKind[] = ['situation', 'task', 'action', 'result', ...(style.learning ? (['learning'] as const) : [])];
  const q = { name: 'question' as const, text: question };
  const slot = (kind: SectionKind) => ({ name: kind, text: '' });
  const label = (kind: SectionKind) => style.labels[kind] || SECTION_NAMES[kind];
  const chunks: Chunk[] = [];
  const line = (...parts: Chunk[]) => chunks.push(...parts, eol);

  const markdownSections = (indent: string, list: boolean, blankBetween: boolean) => {
    kinds.forEach((kind, i) => {
      if (blankBetween && i > 0) line();
      const marker = list ? '- ' : '';
      if (style.sections === 'list-plain') line(`${indent}${marker}${label(kind)}: `, slot(kind));
      else if (style.sections === 'heading') {
        line(`${'#'.repeat(style.sectionHeadingLevel)} ${label(kind)}`);
        line(slot(kind));
      } else line(`${indent}${marker}**${label(kind)}:** `, slot(kind));
    });
  };

  switch (style.container) {
    case 'details':
      line('<details>');
      line('<summary><b>', q, '</b></summary>');
      if (style.sections === 'html') {
        line('<ul>');
        for (const kind of kinds) {
          line('    <li>');
          line(`        <b>${label(kind)}: </b><br>`);
          line('        - ', slot(kind), '<br>');
          line('    </li>');
        }
        line('</ul>');
      } else {
        line();
        const list = style.sections === 'list-bold' || style.sections === 'list-plain';
        markdownSections('', list, !list);
        line();
      }
      chunks.push('</details>');
      break;
    case 'heading':
      line(`${'#'.repeat(style.headingLevel)} `, q);
      line();
      markdownSections('', style.sections === 'list-bold' || style.sections === 'list-plain', true);
      chunks.pop();
      break;
    case 'question-line':
      line('**Question:** ', q);
      line();
      markdownSections('', style.sections === 'list-bold' || style.sections === 'list-plain', true);
      chunks.pop();
      break;
    case 'list-item':
      line(`${style.listMarker}**`, q, '**');
      markdownSections(style.indent, true, false);
      chunks.pop();
      break;
  }

  let text = '';
  const placeholders: SkeletonPlaceholder[] = [];
  for (const chunk of chunks) {
    if (typeof chunk === 'string') text += chunk;
    else {
      placeholders.push({ name: chunk.name, offset: text.length, length: chunk.text.length });
      text += chunk.text;
    }
  }
  return { text, placeholders };
}

/**
 * Where a new story of a principle goes: after the last non-blank line before the next principle
 * (or the end of the file), so it lands under "## 2. Sample questions" and after the last story.
 */
export function storyInsertion(
  text: string,
  lines: LineIndex,
  principles: readonly Principle[],
  principle: Principle,
  skeleton: StorySkeleton,
  eol = detectEol(text),
): { offset: number; text: string; placeholders: SkeletonPlaceholder[] } {
  const next = principles.find((p) => p !== principle && p.range.start.offset > principle.range.start.offset);
  const limit = next ? Math.min(next.titleRange.start.offset, next.range.start.offset) : text.length;
  let end = Math.max(principle.range.end.offset, 0);
  const tail = text.slice(end, limit);
  const lastContent = tail.search(/\s*$/);
  end += Math.max(0, lastContent);
  const offset = lines.lineEnd(lines.position(end).line);
  const before = text.slice(0, offset);
  const after = text.slice(offset);
  const prefix = before.trim() === '' ? '' : eol + eol;
  const suffix = after.trim() === '' ? (after.length === 0 ? eol : '') : eol;
  return {
    offset,
    text: prefix + skeleton.text + suffix,
    placeholders: skeleton.placeholders.map((p) => ({ ...p, offset: p.offset + prefix.length })),
  };
}

export function detectEol(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

function lineText(text: string, lines: LineIndex, line: number): string {
  return text.slice(lines.offsetAt(line, 0), lines.lineEnd(line));
}

function styleMatches(style: LabelStyle, wanted: StoryStyle['sections']): boolean {
  return style === wanted || (wanted === 'bold' && style === 'plain') || (wanted === 'list-bold' && style === 'list-plain');
}

/** The most frequent value; the first seen on a tie. */
function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [v, c] of counts) {
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

