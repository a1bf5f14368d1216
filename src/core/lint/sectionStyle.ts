import { SECTION_NAMES, type LabelStyle, type Question, type SectionKind } from '../model';

/** How a story writes its section labels, so that a new section can be written alike. */
export interface SectionStyle {
  style: LabelStyle;
  /** For 'heading': the number of #. */
  headingLevel: number;
  /** One-letter labels: "S", "T", "A", "R". */
  short: boolean;
  /** Labels in capitals: "SITUATION". */
  upper: boolean;
  /** For 'bold': "**Task**:" rather than "**Task:**". */
  colonOutside: boolean;
  /** For list styles: "-", "*", "+" or "1.". */
  bullet: string;
  /** For 'html': how much deeper than the <li> its label and text sit. */
  childIndent: string;
  /** Whether sections are separated by a blank line. */
  blankLines: boolean;
}

const DEFAULT_STYLE: SectionStyle = {
  style: 'html',
  headingLevel: 3,
  short: false,
  upper: false,
  colonOutside: false,
  bullet: '-',
  childIndent: '    ',
  blankLines: false,
};

/** The style of a story's existing labels; `text` (the parsed text) sharpens colon, bullet and indent. */
export function styleOf(question: Question, text?: string): SectionStyle {
  const sections = question.sections;
  if (!sections.length) return { ...DEFAULT_STYLE, style: question.container === 'details' ? 'html' : 'bold', blankLines: question.container !== 'details' };
  const counts = new Map<LabelStyle, number>();
  for (const s of sections) counts.set(s.style, (counts.get(s.style) ?? 0) + 1);
  const style = [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [sections[0].style, 0] as [LabelStyle, number])[0];
  const same = sections.filter((s) => s.style === style);
  const result: SectionStyle = {
    ...DEFAULT_STYLE,
    style,
    headingLevel: same.find((s) => s.headingLevel)?.headingLevel ?? 3,
    short: same.every((s) => s.label.length === 1),
    upper: same.every((s) => s.label.length > 1 && s.label === s.label.toUpperCase()),
    blankLines: style === 'bold' || style === 'heading',
  };
  if (text === undefined) return result;
  const first = same[0];
  const labelText = text.slice(first.labelRange.start.offset, first.labelRange.end.offset);
  result.colonOutside = /^(\*\*|__)[^*_]+\1\s*[:：]/.test(labelText);
  const before = linePrefix(text, first.labelRange.start.offset);
  const bullet = /^\s*([-*+]|\d+[.)])\s+$/.exec(before);
  if (bullet) result.bullet = bullet[1];
  if (style === 'html') {
    const li = text.lastIndexOf('<li', first.labelRange.start.offset);
    if (li >= question.range.start.offset) {
      const liIndent = linePrefix(text, li);
      if (/^\s*$/.test(liIndent) && /^\s*$/.test(before) && before.startsWith(liIndent) && before.length > liIndent.length) result.childIndent = before.slice(liIndent.length);
    }
  }
  if (same.length > 1) result.blankLines = same.slice(1).some((s, i) => hasBlankLine(text.slice(same[i].range.end.offset, s.labelRange.start.offset)));
  return result;
}

/** The label as this style writes it: "Task", "T" or "TASK". */
export function labelFor(kind: SectionKind, style: SectionStyle): string {
  const name = SECTION_NAMES[kind];
  if (style.short) return name[0];
  return style.upper ? name.toUpperCase() : name;
}

export interface RenderedSection {
  text: string;
  /** Where the writer's cursor goes, as an index into `text`. */
  cursor: number;
}

/**
 * A new, empty section in a story's style, each line starting with `indent` (for 'html' the indent
 * of the <li>). No line break before or after. Also used by completions.
 */
export function renderSection(kind: SectionKind, style: SectionStyle, indent = '', eol = '\n'): RenderedSection {
  const label = labelFor(kind, style);
  const colon = style.colonOutside ? `**${label}**:` : `**${label}:**`;
  switch (style.style) {
    case 'html': {
      const inner = indent + style.childIndent;
      return split(`${indent}<li>${eol}${inner}<b>${label}: </b><br>${eol}${inner}- \u0000<br>${eol}${indent}</li>`);
    }
    case 'bold':
      return split(`${indent}${colon} \u0000`);
    case 'heading':
      return split(`${indent}${'#'.repeat(Math.min(6, Math.max(1, style.headingLevel)))} ${label}${eol}${indent}\u0000`);
    case 'list-bold':
      return split(`${indent}${style.bullet} ${colon} \u0000`);
    case 'list-plain':
      return split(`${indent}${style.bullet} ${label}: \u0000`);
    case 'plain':
    case 'table':
      return split(`${indent}${label}: \u0000`);
  }
}

function split(template: string): RenderedSection {
  const cursor = template.indexOf('\u0000');
  return { text: template.slice(0, cursor) + template.slice(cursor + 1), cursor };
}

/** The characters between the start of the line and an offset. */
export function linePrefix(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return text.slice(start, offset);
}

function hasBlankLine(gap: string): boolean {
  return /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/.test(gap);
}

