import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { elementText } from './elementText';
import type { LabelStyle, SectionKind, StoryContainer } from '../model';
import { endsWithColon, isDefinitionHeading, type LabelMatch, matchInlineLabel, matchLabel, matchMetaKey, matchPlainLabel, matchQuestionLabel } from './labels';

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
      /** A bold list item titled like a step ("**Map the work (days 1-3):**"): inside a section, it is content. */
      step?: boolean;
    }
  | { type: 'label'; kind: SectionKind; label: string; covers?: SectionKind[]; style: LabelStyle; headingLevel?: number; start: number; end: number; contentStart: number }
  /** A line about the story ("**Tags:** …", "Role: …"): it ends the section before it. */
  | { type: 'meta'; start: number }
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
/** What may follow a bold label on its line: a hint in parentheses, then a colon or a dash. */
const LABEL_TAIL = /^[ \t]*(\([^()\r\n]{1,40}\))?[ \t]*([:：]|[-–—](?=[ \t]))?[ \t]*/;
/** "Answer." before the story on the same line. */
const ANSWER_LEAD = /^(?:my |sample |example )?(?:answer|response)[ \t]*[.:：]?$/i;
const ANSWER_LEAD_IN_TEXT = /^[ \t]*(?:my |sample |example )?(?:answer|response)[ \t]*[.:：][ \t]*(?=\S)/i;
/** "Tags: …" at the start of a line. */
const META_LINE = /^[ \t]*([\p{L}][\p{L} '’-]{0,30}?)[ \t]*[:：]/u;

type Context = 'none' | 'list' | 'table';

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

  /** Characters from the start of its line to an offset. */
  private column(absolute: number): number {
    const at = absolute - this.base;
    const lineStart = Math.max(this.source.lastIndexOf('\n', at - 1), this.source.lastIndexOf('\r', at - 1)) + 1;
    return at - lineStart;
  }

  private sourceAt(absolute: number): string {
    return this.source.charAt(absolute - this.base);
  }

  /** Walks mixed content: runs of inline nodes are read line by line, blocks one by one. */
  private children(nodes: readonly Node[], context: Context): void {
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

  private block(node: Node, context: Context): void {
    if (node.type !== 'element') {
      if (node.type === 'root') this.children(node.children, context);
      return; // comments, doctypes: never a story
    }
    const tag = node.tagName;
    // A code block under a label is that section's words (some banks keep answers in ```text blocks),
    // but nothing in it is ever a label or a question.
    if (tag === 'pre') return this.codeText(node);
    if (SKIPPED.has(tag)) return;
    if (/^h[1-6]$/.test(tag)) return this.heading(node, Number(tag[1]));
    switch (tag) {
      case 'details':
        return this.details(node);
      case 'li':
        return this.listItem(node);
      case 'table':
        return this.table(node);
      case 'hr': {
        // A thematic break ends the section before it: what follows is notes, not more of the Result.
        const at = this.start(node);
        if (at !== undefined) this.events.push({ type: 'meta', start: at });
        return;
      }
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
      case 'ol': {
        const at = this.events.length;
        this.children(node.children, 'list');
        // A list of "**Key:** note" items where STAR words are only some of the keys ("**Impact:**" beside
        // "**Teamwork:**" and "**Innovation:**") is a list of notes: its labels are words.
        if (isNotesList(node)) for (let i = this.events.length - 1; i >= at; i--) if (this.events[i].type === 'label') this.events.splice(i, 1);
        return;
      }
      default:
        return this.children(node.children, context);
    }
  }

  private heading(node: Element, level: number): void {
    const start = this.start(node);
    const end = this.end(node);
    if (start === undefined || end === undefined) return;
    const title = elementText(node).trim();
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
    const question: StructureEvent = { type: 'question', container: 'details', start, title: elementText(summary).trim(), titleStart, titleEnd, containerId };
    this.events.push(question);
    this.inlineText(summary); // the summary's words count when the <details> is content of a story
    const before = this.events.length;
    this.children(node.children.filter((c) => c !== summary), 'none');
    question.hasSections = this.events.slice(before).some((e) => e.type === 'label');
    this.events.push({ type: 'end', containerId, offset: end });
  }

  /**
   * A list item whose first line is only bold text and whose nested content holds labels is a question
   * with its story ("1. **Tell me about…**" over "- **S:** …"); one whose first line is only a label, with
   * the section nested under it, is that section ("- S" over indented bullets). Anything else is content.
   */
  private listItem(node: Element): void {
    const start = this.start(node);
    const end = this.end(node);
    const first = firstContent(node);
    const firstIsParagraph = first?.type === 'element' && first.tagName === 'p';
    const firstInline = firstIsParagraph ? meaningful(first.children) : meaningfulInline(node.children);
    const lead = firstInline.length === 1 ? firstInline[0] : undefined;
    if (start === undefined || end === undefined || !lead || !hasNestedBlock(node)) return this.children(node.children, 'list');
    const rest = firstIsParagraph ? node.children.filter((c) => c !== first) : node.children.filter((c) => c !== lead);
    const leadText = elementText(lead as Element).trim();
    const label = matchLabel(leadText);
    const leadStart = this.start(lead);
    // A tight item's first line joins its line break into one text node that has no end position.
    const leadEnd = lead.type === 'text' && leadStart !== undefined ? leadStart + lead.value.trimEnd().length : this.end(lead);
    if (label && leadStart !== undefined && leadEnd !== undefined && !(leadText.length === 1 && leadText === leadText.toLowerCase())) {
      const bold = lead.type === 'element' && BOLD.has(lead.tagName);
      this.events.push({ type: 'label', ...label, style: bold ? 'list-bold' : 'list-plain', start: leadStart, end: leadEnd, contentStart: leadEnd });
      return this.children(rest, 'list');
    }
    if (!(lead.type === 'element' && BOLD.has(lead.tagName)) || matchLabel(leadText) || matchQuestionLabel(leadText)) {
      return this.children(node.children, 'list');
    }
    const [titleStart, titleEnd] = this.innerRange(lead) ?? [start, end];
    const at = this.events.length;
    const spansAt = this.spans.length;
    this.children(rest, 'list');
    // A label on a lazy continuation line (no indent, folded into the item by markdown) is not the item's.
    const column = this.column(leadStart ?? titleStart);
    if (!this.events.slice(at).some((e) => e.type === 'label' && this.column(e.start) >= column)) {
      // Only content (a bold step title over its bullets): read it again as such, title words included.
      this.events.length = at;
      this.spans.length = spansAt;
      return this.children(node.children, 'list');
    }
    const containerId = this.nextContainerId++;
    const step = /[:：]$/.test(leadText);
    this.events.splice(at, 0, { type: 'question', container: 'list-item', start, title: leadText, titleStart, titleEnd, containerId, ...(step ? { step } : {}) });
    this.events.push({ type: 'end', containerId, offset: end });
  }

  private table(node: Element): void {
    const rows = collect(node, 'tr');
    if (!rows.length) return;
    const headerCells = cells(rows[0]);
    const headerLabels = headerCells.map((c) => matchLabel(elementText(c)));
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
      const title = questionCell ? elementText(questionCell).trim() : '';
      this.events.push({ type: 'question', container: 'table-row', start: rowStart, title: title || elementText(headerCells[0] ?? row).trim(), titleStart, titleEnd, containerId });
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
      const headText = elementText(head).trim();
      const label = matchLabel(headText);
      if (matchQuestionLabel(headText) && rest.length) {
        const [titleStart, titleEnd] = this.innerRange(rest[0]) ?? [headEnd, headEnd];
        containerId = this.nextContainerId++;
        this.events.push({ type: 'question', container: 'table-row', start: this.start(table) ?? headStart, title: elementText(rest[0]).trim(), titleStart, titleEnd, containerId });
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
   * the block, a line break or a <br>), as bold text ("**Task:**", "**Task**:", "<b>Result</b><br>",
   * "**RESULT** (with numbers)") or as plain text with a colon ("Situation: …").
   */
  private inlineRun(nodes: readonly Node[], context: Context): void {
    let lineStart = true;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (node.type === 'text') {
        const end = this.end(node);
        // Text after a hard line break ("**Task**:  ⏎") comes without a start: it ends where it ends.
        const start = this.start(node) ?? (end === undefined ? undefined : Math.max(this.base, end - node.value.length));
        if (start !== undefined && end !== undefined) lineStart = this.text(node.value, start, end, lineStart, context);
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
          i = consumed.index;
          lineStart = consumed.lineStart;
          continue;
        }
      }
      this.inlineText(node);
      lineStart = false;
    }
  }

  /**
   * A bold run at the start of a line: a question line, a label or a line about the story ("**Tags:**").
   * Returns the index of the last node it used and whether a new line starts after it, 'question' when the
   * rest is a question, or undefined when it is only bold text.
   */
  private boldAtLineStart(node: Element, nodes: readonly Node[], index: number, context: Context): { index: number; lineStart: boolean } | 'question' | undefined {
    const start = this.start(node);
    const end = this.end(node);
    if (start === undefined || end === undefined) return undefined;
    const text = elementText(node);
    const next = nodes[index + 1];
    const nextText = next?.type === 'text' ? next.value : undefined;
    if (matchQuestionLabel(text.replace(/[:：]\s*$/, ''))) {
      const rest = nodes.slice(index + 1);
      const range = this.rangeOf(rest);
      if (!range) return undefined;
      let title = rest.map((n) => (n.type === 'text' ? n.value : n.type === 'element' ? elementText(n) : '')).join('');
      title = title.replace(/^\s*[:：]?\s*/, '').trim();
      const lead = this.trimQuotes(...this.leadingTrim(range[0], range[1]));
      this.events.push({ type: 'question', container: 'question-line', start, title: stripQuotes(title), titleStart: lead[0], titleEnd: lead[1] });
      return 'question';
    }
    // "**Answer.** Situation: …": the label after the lead-in starts its line.
    if (ANSWER_LEAD.test(text.trim())) return { index, lineStart: true };
    const spelled = this.spelledOut(text, nextText);
    if (spelled) {
      // "**S**ituation: …": the bold letter and the rest of its word are one label.
      const nextStart = this.start(next!);
      const nextEnd = this.end(next!);
      if (nextStart !== undefined && nextEnd !== undefined) {
        const labelEnd = nextStart + spelled.length;
        this.events.push({ type: 'label', ...spelled.label, style: context === 'list' ? 'list-bold' : 'bold', start, end: labelEnd, contentStart: labelEnd });
        const rest = nextText!.slice(spelled.length);
        return { index: index + 1, lineStart: rest ? this.text(rest, labelEnd, nextEnd, false, context) : false };
      }
    }
    const colonInside = endsWithColon(text);
    // After the bold: a template's hint "(2-3 sentences)", then a colon or a dash, e.g. "**Task**: …".
    const tail = colonInside ? undefined : LABEL_TAIL.exec(nextText ?? '');
    const separated = !!tail?.[2];
    const lineEnds = nextText === undefined ? !next || (next.type === 'element' && next.tagName === 'br') : /^(?:\r?\n|\r|$)/.test(nextText.slice(tail?.[0].length ?? 0));
    if (!colonInside && !separated && !lineEnds) return undefined;
    if (matchMetaKey(text)) {
      // A line about the story ends the section before it; inside a list it is one of the section's points.
      if (context !== 'list') this.events.push({ type: 'meta', start });
      return undefined;
    }
    const label = matchLabel(text);
    if (!label) return undefined;
    const fromHtml = this.sourceAt(start) === '<';
    const style: LabelStyle = fromHtml ? 'html' : context === 'list' ? 'list-bold' : context === 'table' ? 'table' : 'bold';
    const nextStart = next && this.start(next);
    const nextEnd = next && this.end(next);
    if ((tail?.[1] || tail?.[2]) && next?.type === 'text' && nextStart !== undefined && nextEnd !== undefined) {
      const labelEnd = nextStart + tail[0].length;
      this.events.push({ type: 'label', ...label, style, start, end: labelEnd, contentStart: labelEnd });
      const rest = next.value.slice(tail[0].length);
      const lineStart = rest ? this.text(rest, labelEnd, nextEnd, false, context) : false;
      return { index: index + 1, lineStart };
    }
    this.events.push({ type: 'label', ...label, style, start, end, contentStart: end });
    return { index, lineStart: false };
  }

  /** A bold first letter whose word goes on after it: "**S**ituation: …", "**R**esult - …". */
  private spelledOut(bold: string, after: string | undefined): { label: LabelMatch; length: number } | undefined {
    if (!after || !/^\p{Lu}$/u.test(bold.trim())) return undefined;
    const m = /^(\p{Ll}+)[ \t]*(?:[:：]|[-–—](?=[ \t]))[ \t]*/u.exec(after);
    const label = m && matchLabel(bold.trim() + m[1]);
    return label && m ? { label: { ...label, label: bold.trim() + m[1] }, length: m[0].length } : undefined;
  }

  /** Plain text: finds "Situation:" labels at line starts, keeps the rest as running text. */
  private text(value: string, start: number, end: number, lineStart: boolean, context: Context): boolean {
    const source = this.source.slice(start - this.base, end - this.base);
    const exact = source === value;
    let cursor = 0; // index into value: what is already in spans or labels
    let cursorSource = 0; // where the cursor sits in source
    let searchFrom = 0; // where in source the next line is looked for
    let atLineStart = lineStart;
    let lineBegin = 0;
    let previousLine = '';
    while (lineBegin <= value.length) {
      const newline = value.indexOf('\n', lineBegin);
      const lineEnd = newline === -1 ? value.length : newline;
      if (atLineStart) {
        const line = value.slice(lineBegin, lineEnd);
        // Markdown strips a continuation line's indent and container markers: find the line in the source.
        const found = exact ? lineBegin : line.trim() ? source.indexOf(line, searchFrom) : -1;
        const at = found >= 0 ? found : !exact && lineBegin === 0 ? 0 : -1;
        if (at >= 0) {
          searchFrom = at + line.length;
          const masked = line.replace(/^[ \t]*[-*•][ \t]+/, (s) => ' '.repeat(s.length)).replace(ANSWER_LEAD_IN_TEXT, (s) => ' '.repeat(s.length));
          const meta = META_LINE.exec(masked);
          if (meta && matchMetaKey(meta[1]) && context !== 'list') this.events.push({ type: 'meta', start: start + at });
          // "Q: …" then "A: …" is a question and its answer, not an Action.
          const answer = /^[ \t]*A[ \t]*[:：]/.test(masked) && /^[ \t]*(?:\d+[.)][ \t]*)?Q[ \t]*[:：]/.test(previousLine);
          const m = (meta && matchMetaKey(meta[1])) || answer ? undefined : matchPlainLabel(masked);
          if (m) {
            const style: LabelStyle = this.sourceAt(start + at + m.labelStart) === '<' ? 'html' : context === 'list' ? 'list-plain' : context === 'table' ? 'table' : 'plain';
            /** A label found `labelStart` into the line, its content from `contentAt`; the text before it ends at `spanEnd`. */
            const take = (found: LabelMatch, labelStart: number, labelEnd: number, contentAt: number, spanEnd: number) => {
              if (lineBegin + spanEnd > cursor) this.spans.push({ start: start + cursorSource, end: start + at + spanEnd, value: value.slice(cursor, lineBegin + spanEnd) });
              this.events.push({ type: 'label', kind: found.kind, label: found.label, ...(found.covers ? { covers: found.covers } : {}), style, start: start + at + labelStart, end: start + at + labelEnd, contentStart: start + at + contentAt });
              cursor = lineBegin + contentAt;
              cursorSource = at + contentAt;
            };
            take(m, m.labelStart, m.labelEnd, m.length, 0);
            // "Situation: … goals.  Task: …": the next parts told on the same line.
            for (let next = matchInlineLabel(line, m.length); next; next = matchInlineLabel(line, next.labelStart + next.length)) {
              take(next, next.labelStart, next.labelEnd, next.labelStart + next.length, next.labelStart);
            }
          }
        }
      }
      previousLine = value.slice(lineBegin, lineEnd);
      if (newline === -1) break;
      atLineStart = true;
      lineBegin = newline + 1;
    }
    if (cursor < value.length) {
      const spanStart = exact ? start + cursor : Math.min(end, start + cursorSource);
      this.spans.push({ start: spanStart, end, value: value.slice(cursor) });
    }
    return /\n[ \t]*$/.test(value) || (lineStart && value.trim() === '');
  }

  /** A code block's text as one span (the parser gives its text no position: find it in the source). */
  private codeText(node: Element): void {
    const start = this.start(node);
    const end = this.end(node);
    const value = elementText(node);
    if (start === undefined || end === undefined || !value.trim()) return;
    const firstLine = value.trim().split('\n')[0];
    const at = this.source.slice(start - this.base, end - this.base).indexOf(firstLine);
    if (at < 0) return;
    const from = start + at;
    this.spans.push({ start: from, end: Math.min(end, from + value.trimEnd().length), value });
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

/** A list whose items are mostly "Key: note" with keys that are not STAR labels. */
function isNotesList(list: Element): boolean {
  let labels = 0;
  let others = 0;
  for (const item of list.children) {
    if (item.type !== 'element' || item.tagName !== 'li') continue;
    const key = /^\s*([^:：\n]{1,40}?)\s*[:：]/.exec(elementText(item))?.[1];
    if (!key) continue;
    if (matchLabel(key)) labels++;
    else if (!matchMetaKey(key)) others++;
  }
  return labels > 0 && others >= 2 && others * 2 >= labels;
}
