import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import type { LabelStyle, SectionKind, StoryContainer } from '../model';
import { endsWithColon, isDefinitionHeading, matchLabel, matchPlainLabel, matchQuestionLabel } from './labels';

/** What the walk over the hast tree finds, in document order. Offsets are absolute. */
export type StructureEvent =
  | { type: 'principle'; start: number; end: number; title: string; titleStart: number; titleEnd: number }
  | { type: 'definition'; start: number; end: number }
  | { type: 'heading'; level: number; start: number; end: number; title: string; titleStart: number; titleEnd: number }
  | { type: 'paragraph'; start: number; end: number }
  | {
      type: 'question';
      container: StoryContainer;
      start: number;
      title: string;
      titleStart: number;
      titleEnd: number;
      /** Set when the container has an end event: the story ends with it. */
      containerId?: number;
      /** False for a <details> with no section label inside: inside a story it is only content. */
      hasSections?: boolean;
    }
  | { type: 'label'; kind: SectionKind; label: string; style: LabelStyle; headingLevel?: number; start: number; end: number; contentStart: number }
  | { type: 'end'; containerId: number; offset: number };

/** A piece of running text, for section text and word counts. */
export interface TextSpan {
  start: number;
  end: number;
  value: string;
}

export interface WalkResult {
  events: StructureEvent[];
  spans: TextSpan[];
}

type Node = RootContent | ElementContent | HastRoot;

const SKIPPED = new Set(['pre', 'script', 'style', 'template', 'head', 'title', 'textarea', 'iframe', 'object']);
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'img', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'br', 'wbr', 'input', 'label', 'font']);
const BOLD = new Set(['strong', 'b']);

export function walkStructure(tree: HastRoot, source: string, base: number): WalkResult {
  return new Walker(source, base).run(tree);
}

class Walker {
  private readonly events: StructureEvent[] = [];
  private readonly spans: TextSpan[] = [];
  private nextContainerId = 1;

  constructor(
    /** The text that was parsed (a slice of the document when re-parsing one block). */
    private readonly source: string,
    private readonly base: number,
  ) {}

  run(tree: HastRoot): WalkResult {
    this.children(tree.children, 'none');
    return { events: this.events, spans: this.spans };
  }

  private start(node: Node): number | undefined {
    const offset = node.position?.start?.offset;
    return offset === undefined ? undefined : offset + this.base;
  }

  private end(node: Node): number | undefined {
    const offset = node.position?.end?.offset;
    return offset === undefined ? undefined : offset + this.base;
  }

  private sourceAt(absolute: number): string {
    return this.source.charAt(absolute - this.base);
  }

  /** Walks mixed content: runs of inline nodes are read line by line, blocks one by one. */
  private children(nodes: readonly Node[], context: 'none' | 'list' | 'table'): void {
    let run: Node[] = [];
    const flush = () => {
      if (run.length) this.inlineRun(run, context);
      run = [];
    };
    for (const node of nodes) {
      if (node.type === 'text' || (node.type === 'element' && INLINE.has(node.tagName))) run.push(node);
      else {
        flush();
        this.block(node, context);
      }
    }
    flush();
  }

  private block(node: Node, context: 'none' | 'list' | 'table'): void {
    if (node.type !== 'element') {
      if (node.type === 'root') this.children(node.children, context);
      return; // comments, doctypes: never a story
    }
    const tag = node.tagName;
    if (SKIPPED.has(tag)) return;
    if (/^h[1-6]$/.test(tag)) return this.heading(node, Number(tag[1]));
    switch (tag) {
      case 'details':
        return this.details(node);
      case 'li':
        return this.listItem(node);
      case 'table':
        return this.table(node);
      case 'p': {
        const before = this.events.length;
        this.inlineRun(node.children, context);
        const start = this.start(node);
        const end = this.end(node);
        if (this.events.length === before && start !== undefined && end !== undefined) {
          this.events.push({ type: 'paragraph', start, end });
        }
        return;
      }
      case 'ul':
      case 'ol':
        return this.children(node.children, 'list');
      default:
        return this.children(node.children, context);
    }
  }

  private heading(node: Element, level: number): void {
    const start = this.start(node);
    const end = this.end(node);
    if (start === undefined || end === undefined) return;
    const title = toText(node).trim();
    const [titleStart, titleEnd] = this.innerRange(node) ?? [start, end];
    if (level === 1) {
      this.events.push({ type: 'principle', start, end, title, titleStart, titleEnd });
      return;
    }
    const label = matchLabel(title);
    if (label) {
      this.events.push({ type: 'label', ...label, style: 'heading', headingLevel: level, start, end, contentStart: end });
    } else if (isDefinitionHeading(title)) {
      this.events.push({ type: 'definition', start, end });
    } else {
      this.events.push({ type: 'heading', level, start, end, title, titleStart, titleEnd });
      this.inlineText(node); // a heading inside a story is part of its text
    }
  }

  private details(node: Element): void {
    const start = this.start(node);
    const end = this.end(node);
    const summary = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'summary');
    if (start === undefined || end === undefined || !summary) {
      this.children(node.children, 'none');
      return;
    }
    const [titleStart, titleEnd] = this.innerRange(summary) ?? [start, start];
    const containerId = this.nextContainerId++;
    const question: StructureEvent = { type: 'question', container: 'details', start, title: toText(summary).trim(), titleStart, titleEnd, containerId };
    this.events.push(question);
    this.inlineText(summary); // the summary's words count when the <details> is content of a story
    const before = this.events.length;
    this.children(node.children.filter((c) => c !== summary), 'none');
    question.hasSections = this.events.slice(before).some((e) => e.type === 'label');
    this.events.push({ type: 'end', containerId, offset: end });
  }

  /** A list item whose first line is only a bold question, with the story below it. */
  private listItem(node: Element): void {
    const start = this.start(node);
    const end = this.end(node);
    const first = firstContent(node);
    const firstInline = first && first.type === 'element' && first.tagName === 'p' ? meaningful(first.children) : meaningfulInline(node.children);
    const bold = firstInline.length === 1 && firstInline[0].type === 'element' && BOLD.has(firstInline[0].tagName) ? firstInline[0] : undefined;
    if (start !== undefined && end !== undefined && bold) {
      const title = toText(bold).trim();
      if (!matchLabel(title) && !matchQuestionLabel(title) && hasNestedBlock(node)) {
        const [titleStart, titleEnd] = this.innerRange(bold) ?? [start, end];
        const containerId = this.nextContainerId++;
        this.events.push({ type: 'question', container: 'list-item', start, title, titleStart, titleEnd, containerId });
        const rest = first && first.type === 'element' && first.tagName === 'p' ? node.children.filter((c) => c !== first) : node.children.filter((c) => c !== bold);
        this.children(rest, 'list');
        this.events.push({ type: 'end', containerId, offset: end });
        return;
      }
    }
    this.children(node.children, 'list');
  }

  private table(node: Element): void {
    const rows = collect(node, 'tr');
    if (!rows.length) return;
    const headerCells = cells(rows[0]);
    const headerLabels = headerCells.map((c) => matchLabel(toText(c)));
    if (headerLabels.filter(Boolean).length >= 2) return this.storyPerRow(rows, headerCells, headerLabels);
    this.sectionPerRow(node, rows);
  }

  /** | Question | Situation | Task | Action | Result | — one story a row. */
  private storyPerRow(rows: Element[], headerCells: Element[], headerLabels: ReturnType<typeof matchLabel>[]): void {
    const questionColumn = headerLabels.findIndex((l) => !l);
    for (const row of rows.slice(1)) {
      const rowStart = this.start(row);
      const rowEnd = this.end(row);
      const rowCells = cells(row);
      if (rowStart === undefined || rowEnd === undefined) continue;
      const questionCell = questionColumn >= 0 ? rowCells[questionColumn] : undefined;
      const [titleStart, titleEnd] = (questionCell && this.innerRange(questionCell)) ?? [rowStart, rowStart];
      const containerId = this.nextContainerId++;
      const title = questionCell ? toText(questionCell).trim() : '';
      this.events.push({ type: 'question', container: 'table-row', start: rowStart, title: title || toText(headerCells[0] ?? row).trim(), titleStart, titleEnd, containerId });
      rowCells.forEach((cell, i) => {
        const label = headerLabels[i];
        const cellStart = this.start(cell);
        const cellEnd = this.end(cell);
        if (!label || cellStart === undefined || cellEnd === undefined) return;
        const [contentStart] = this.innerRange(cell) ?? [cellStart];
        this.events.push({ type: 'label', ...label, style: 'table', start: cellStart, end: cellStart, contentStart });
        this.children(cell.children, 'table');
      });
      this.events.push({ type: 'end', containerId, offset: rowEnd });
    }
  }

  /** | Situation | text | — one section a row (the question may be a row too). */
  private sectionPerRow(table: Element, rows: Element[]): void {
    let containerId: number | undefined;
    for (const row of rows) {
      const [head, ...rest] = cells(row);
      const headStart = head && this.start(head);
      const headEnd = head && this.end(head);
      if (!head || headStart === undefined || headEnd === undefined) continue;
      const headText = toText(head).trim();
      const label = matchLabel(headText);
      if (matchQuestionLabel(headText) && rest.length) {
        const [titleStart, titleEnd] = this.innerRange(rest[0]) ?? [headEnd, headEnd];
        containerId = this.nextContainerId++;
        this.events.push({ type: 'question', container: 'table-row', start: this.start(table) ?? headStart, title: toText(rest[0]).trim(), titleStart, titleEnd, containerId });
      } else if (label) {
        const contentStart = (rest[0] && this.innerRange(rest[0])?.[0]) ?? headEnd;
        this.events.push({ type: 'label', ...label, style: 'table', start: headStart, end: headEnd, contentStart });
        for (const cell of rest) this.children(cell.children, 'table');
      } else {
        for (const cell of [head, ...rest]) this.children(cell.children, 'table');
      }
    }
    const end = this.end(table);
    if (containerId !== undefined && end !== undefined) this.events.push({ type: 'end', containerId, offset: end });
  }

  /**
   * Reads inline content line by line: a label counts only at the start of a line (after the start of
   * the block, a line break or a <br>), as bold text ("**Task:**", "<b>Result</b><br>") or as plain
   * text with a colon ("Situation: …").
   */
  private inlineRun(nodes: readonly Node[], context: 'none' | 'list' | 'table'): void {
    let lineStart = true;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (node.type === 'text') {
        lineStart = this.text(node.value, node, lineStart, context);
        continue;
      }
      if (node.type !== 'element') continue;
      if (SKIPPED.has(node.tagName)) continue;
      if (node.tagName === 'br') {
        const at = this.start(node);
        if (at !== undefined) this.spans.push({ start: at, end: at, value: '\n' });
        lineStart = true;
        continue;
      }
      if (!INLINE.has(node.tagName)) {
        this.block(node, context);
        lineStart = true;
        continue;
      }
      if (lineStart && BOLD.has(node.tagName)) {
        const consumed = this.boldAtLineStart(node, nodes, i, context);
        if (consumed === 'question') return;
        if (consumed !== undefined) {
          i = consumed;
          lineStart = false;
          continue;
        }
      }
      this.inlineText(node);
      lineStart = false;
    }
  }

  /** Returns the index of the last node the label used, 'question' when the rest is a question, or undefined. */
  private boldAtLineStart(node: Element, nodes: readonly Node[], index: number, context: 'none' | 'list' | 'table'): number | 'question' | undefined {
    const start = this.start(node);
    const end = this.end(node);
    if (start === undefined || end === undefined) return undefined;
    const text = toText(node);
    const next = nodes[index + 1];
    const nextText = next?.type === 'text' ? next.value : undefined;
    if (matchQuestionLabel(text.replace(/[:：]\s*$/, ''))) {
      const rest = nodes.slice(index + 1);
      const range = this.rangeOf(rest);
      if (!range) return undefined;
      let title = rest.map((n) => (n.type === 'text' ? n.value : n.type === 'element' ? toText(n) : '')).join('');
      title = title.replace(/^\s*[:：]?\s*/, '').trim();
      const lead = this.trimQuotes(...this.leadingTrim(range[0], range[1]));
      this.events.push({ type: 'question', container: 'question-line', start, title: stripQuotes(title), titleStart: lead[0], titleEnd: lead[1] });
      return 'question';
    }
    const label = matchLabel(text);
    if (!label) return undefined;
    const colonInside = endsWithColon(text);
    const colonAfter = nextText !== undefined && /^[ \t]*[:：]/.test(nextText);
    const breakAfter = !next || (next.type === 'element' && next.tagName === 'br') || (nextText !== undefined && /^[ \t]*(\r?\n|$)/.test(nextText));
    if (!colonInside && !colonAfter && !breakAfter) return undefined;
    const fromHtml = this.sourceAt(start) === '<';
    const style: LabelStyle = fromHtml ? 'html' : context === 'list' ? 'list-bold' : context === 'table' ? 'table' : 'bold';
    let labelEnd = end;
    if (colonAfter && next?.type === 'text') {
      const m = /^[ \t]*[:：][ \t]*/.exec(next.value)!;
      labelEnd = end + m[0].length;
      const nextStart = this.start(next);
      const nextEnd = this.end(next);
      if (nextStart !== undefined && nextEnd !== undefined) {
        this.events.push({ type: 'label', ...label, style, start, end: labelEnd, contentStart: labelEnd });
        const rest = next.value.slice(m[0].length);
        if (rest) this.spans.push({ start: nextStart + m[0].length, end: nextEnd, value: rest });
        return index + 1;
      }
    }
    this.events.push({ type: 'label', ...label, style, start, end: labelEnd, contentStart: labelEnd });
    return index;
  }

  /** Plain text: finds "Situation:" labels at line starts, keeps the rest as running text. */
  private text(value: string, node: Node, lineStart: boolean, context: 'none' | 'list' | 'table'): boolean {
    const start = this.start(node);
    const end = this.end(node);
    if (start === undefined || end === undefined) return lineStart;
    const source = this.source.slice(start - this.base, end - this.base);
    const exact = source === value;
    let cursor = 0; // index into value
    let atLineStart = lineStart;
    let lineBegin = 0;
    while (lineBegin <= value.length) {
      const newline = value.indexOf('\n', lineBegin);
      const lineEnd = newline === -1 ? value.length : newline;
      if (atLineStart && (exact || lineBegin === 0)) {
        const line = value.slice(lineBegin, lineEnd);
        const m = matchPlainLabel(line.replace(/^[ \t]*[-*•][ \t]+/, (s) => ' '.repeat(s.length)));
        if (m) {
          if (lineBegin > cursor) this.spans.push({ start: start + cursor, end: start + lineBegin, value: value.slice(cursor, lineBegin) });
          const labelStart = start + lineBegin + m.labelStart;
          const labelEnd = start + lineBegin + m.labelEnd;
          const contentStart = start + lineBegin + m.length;
          const style: LabelStyle = this.sourceAt(labelStart) === '<' ? 'html' : context === 'list' ? 'list-plain' : context === 'table' ? 'table' : 'plain';
          this.events.push({ type: 'label', kind: m.kind, label: m.label, style, start: labelStart, end: labelEnd, contentStart });
          cursor = lineBegin + m.length;
        }
      }
      if (newline === -1) break;
      atLineStart = true;
      lineBegin = newline + 1;
    }
    if (cursor < value.length) {
      const spanStart = exact ? start + cursor : cursor === 0 ? start : Math.min(end, start + cursor);
      this.spans.push({ start: spanStart, end, value: value.slice(cursor) });
    }
    return /\n[ \t]*$/.test(value) || (lineStart && value.trim() === '');
  }

  private inlineText(node: Element): void {
    for (const child of node.children) {
      if (child.type === 'text') {
        const start = this.start(child);
        const end = this.end(child);
        if (start !== undefined && end !== undefined) this.spans.push({ start, end, value: child.value });
      } else if (child.type === 'element' && !SKIPPED.has(child.tagName)) {
        if (child.tagName === 'br') {
          const at = this.start(child);
          if (at !== undefined) this.spans.push({ start: at, end: at, value: '\n' });
        } else this.inlineText(child);
      }
    }
  }

  /** The range of an element's text, without surrounding whitespace. */
  private innerRange(node: Element): [number, number] | undefined {
    const range = this.rangeOf(node.children);
    return range && this.leadingTrim(range[0], range[1]);
  }

  private rangeOf(nodes: readonly Node[]): [number, number] | undefined {
    let low: number | undefined;
    let high: number | undefined;
    const visit = (n: Node) => {
      const s = this.start(n);
      const e = this.end(n);
      if (s !== undefined && e !== undefined && n.type === 'text') {
        low = low === undefined ? s : Math.min(low, s);
        high = high === undefined ? e : Math.max(high, e);
      } else if ('children' in n) n.children.forEach(visit);
    };
    nodes.forEach(visit);
    return low === undefined || high === undefined ? undefined : [low, high];
  }

  /** Narrows "…" or “…” around a question to the question itself. */
  private trimQuotes(start: number, end: number): [number, number] {
    const first = this.source.charAt(start - this.base);
    const last = this.source.charAt(end - 1 - this.base);
    return end - start >= 2 && /["“'‘]/.test(first) && /["”'’]/.test(last) ? [start + 1, end - 1] : [start, end];
  }

  private leadingTrim(start: number, end: number): [number, number] {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(this.source.charAt(s - this.base))) s++;
    while (e > s && /\s/.test(this.source.charAt(e - 1 - this.base))) e--;
    return [s, e];
  }
}

function stripQuotes(text: string): string {
  const m = /^["“'‘](.*)["”'’]$/s.exec(text.trim());
  return (m ? m[1] : text).trim();
}

function meaningful(nodes: readonly ElementContent[]): ElementContent[] {
  return nodes.filter((n) => n.type !== 'comment' && !(n.type === 'text' && n.value.trim() === ''));
}

/** The inline nodes before the first block child, without blank text. */
function meaningfulInline(nodes: readonly ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const n of nodes) {
    if (n.type === 'element' && !INLINE.has(n.tagName)) break;
    if (n.type === 'element' && n.tagName === 'br') break;
    out.push(n);
  }
  return meaningful(out);
}

function firstContent(node: Element): ElementContent | undefined {
  return meaningful(node.children)[0];
}

function hasNestedBlock(node: Element): boolean {
  return node.children.some((c) => c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol' || c.tagName === 'p' || c.tagName === 'table' || c.tagName === 'blockquote')) && meaningful(node.children).length > 1;
}

function collect(node: Element, tag: string): Element[] {
  const out: Element[] = [];
  const visit = (n: ElementContent) => {
    if (n.type !== 'element') return;
    if (n.tagName === tag) out.push(n);
    else if (n.tagName !== 'table') n.children.forEach(visit);
  };
  node.children.forEach(visit);
  return out;
}

function cells(row: Element): Element[] {
  return row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
}
