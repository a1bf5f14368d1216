import type { Heading, Html, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Strong, Text, ThematicBreak } from 'mdast';

/**
 * Many story banks are written with a few constructs only: ATX headings, paragraphs with `**bold**`
 * labels, `- ` and `1. ` list items (lazy lines too), thematic breaks, `<details>` blocks and one-line
 * comments. This reads such a file in one pass over its lines into the same mdast (positions included)
 * that micromark builds, at a fraction of the cost, and returns undefined as soon as a line uses anything
 * else (links, code, emphasis with `_` or one `*`, indentation, loose lists, `1)` lists, quotes, tables,
 * entities, inline HTML, setext headings…), so that micromark reads that file instead.
 * A unit test compares both readers on every fixture and on thousands of generated documents.
 */
export function readSimpleMarkdown(text: string): Root | undefined {
  return new SimpleReader(text).read();
}

interface Point {
  line: number;
  column: number;
  offset: number;
}

/** Tag names that open an HTML block which only a blank line ends (CommonMark's kind 6). */
const BLOCK_TAGS = new Set(
  'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul'.split(
    ' ',
  ),
);

const SPACE = 32;
const STAR = 42;

/**
 * Characters that may start or take part in a construct this reader leaves to micromark (a text with a
 * CR, a NUL or a BOM is left to it whole, before any line is read).
 */
function isUnsupportedInline(code: number): boolean {
  switch (code) {
    case 9: // tab
    case 38: // & character references
    case 60: // < inline HTML, autolinks
    case 91: // [ links, images, task lists
    case 92: // \ escapes, hard breaks
    case 93: // ]
    case 95: // _ emphasis
    case 96: // ` code
    case 124: // | tables
    case 126: // ~ strike-through
      return true;
    default:
      return false;
  }
}

function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;

/** ASCII or Unicode punctuation and symbols, as CommonMark's flanking rules see them. */
function isPunctuation(code: number): boolean {
  return code < 128 ? isAsciiPunctuation(code) : UNICODE_PUNCTUATION.test(String.fromCodePoint(code));
}

/** Unicode whitespace as micromark sees it around a delimiter run (Zs, tab, line endings, form feed). */
function isWhitespace(code: number): boolean {
  return code === SPACE || code === 9 || code === 10 || code === 12 || code === 13 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000;
}

/** `soft`: the line ends in one space after its text, a soft line break micromark reads without the space. */
type Line = { start: number; end: number; number: number; soft?: boolean };

class SimpleReader {
  private readonly children: RootContent[] = [];
  private paragraph: Line[] | undefined;
  private list: List | undefined;
  /** The last item's lines: its first after its marker, then lines that continue it lazily. */
  private item: { lines: Line[]; from: number; marker: number } | undefined;
  /** A list closed by a blank line: another item right after would make it one loose list. */
  private listBeforeBlank = false;
  private html: { first: Line; last: Line } | undefined;

  constructor(private readonly text: string) {}

  read(): Root | undefined {
    const text = this.text;
    if (text.includes('\r') || text.includes('\0') || text.includes('\uFEFF') || text.startsWith('---') || text.startsWith('+++')) return undefined;
    let start = 0;
    let number = 1;
    for (;;) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline;
      if (!this.line({ start, end, number })) return undefined;
      if (newline === -1) break;
      start = newline + 1;
      number++;
    }
    // At most one block is open here: each opens only after the others closed.
    if (!this.closeParagraph() || !this.closeList()) return undefined;
    this.closeHtml();
    // The text ends on its last line, the one just read.
    const end = { line: number, column: text.length - start + 1, offset: text.length };
    return { type: 'root', children: this.children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
  }

  private point(line: Line, offset: number): Point {
    return { line: line.number, column: offset - line.start + 1, offset };
  }

  /** Reads one line; false when it needs the full parser. */
  private line(line: Line): boolean {
    const text = this.text;
    const { start, end } = line;
    if (this.isBlank(start, end)) {
      if (!this.closeParagraph()) return false;
      this.closeHtml();
      if (this.list) {
        if (!this.closeList()) return false;
        this.listBeforeBlank = true;
      }
      return true;
    }
    if (this.html) {
      this.html.last = line;
      return true;
    }
    const first = text.charCodeAt(start);
    if (isWhitespace(first)) return false;
    if (isWhitespace(text.charCodeAt(end - 1))) {
      // One space after the text, in a paragraph or a list item that goes on to the next line: a soft break. Two
      // spaces make a hard break, and a space after `**` may end a strong run: both are left to micromark.
      const before = text.charCodeAt(end - 2);
      if (text.charCodeAt(end - 1) !== SPACE || isWhitespace(before) || before === STAR) return false;
      line.soft = true;
    }
    const afterBlank = this.listBeforeBlank;
    this.listBeforeBlank = false;
    if (first === 60 /* < */) {
      if (line.soft) return false;
      const comment = this.isOneLineComment(start, end);
      if (!(comment || this.opensHtmlBlock(start, end)) || this.list || !this.closeParagraph()) return false;
      if (comment) this.children.push(this.htmlNode(line, line));
      else this.html = { first: line, last: line };
      return true;
    }
    if (first === 35 /* # */) {
      if (this.list || line.soft) return false;
      let depth = 1;
      while (depth < 7 && text.charCodeAt(start + depth) === 35) depth++;
      if (depth > 6 || text.charCodeAt(start + depth) !== SPACE || start + depth + 1 >= end) return false;
      const from = start + depth + 1;
      if (isWhitespace(text.charCodeAt(from)) || text.charCodeAt(end - 1) === 35) return false;
      const content = this.phrasing([line], from);
      if (!content || !this.closeParagraph()) return false;
      this.children.push({ type: 'heading', depth: depth as Heading['depth'], children: content, position: { start: this.point(line, start), end: this.point(line, end) } });
      return true;
    }
    if (this.isThematicBreak(start, end)) {
      // After a paragraph, `---` underlines a heading; a break inside a list item is left to micromark.
      if (this.paragraph || this.list) return false;
      this.children.push({ type: 'thematicBreak', position: { start: this.point(line, start), end: this.point(line, end) } } satisfies ThematicBreak);
      return true;
    }
    const marker = this.listMarker(start, end);
    if (marker) {
      const list = this.list;
      // A blank line between items makes a loose list; another marker starts another list; an ordered
      // list interrupts a paragraph only from 1 (else the line goes on with the paragraph).
      if (afterBlank || (list && list.ordered !== marker.ordered) || (this.paragraph && marker.ordered && marker.number !== 1)) return false;
      if (!this.startsParagraph(marker.content, end) || !this.closeParagraph() || !this.closeItem()) return false;
      this.list ??= { type: 'list', ordered: marker.ordered, start: marker.ordered ? marker.number : null, spread: false, children: [], position: { start: this.point(line, start), end: this.point(line, end) } };
      this.item = { lines: [line], from: marker.content, marker: start };
      return true;
    }
    if (!this.startsParagraph(start, end)) return false;
    // A line right after a list item continues the item's paragraph (lazily).
    if (this.item) this.item.lines.push(line);
    else (this.paragraph ??= []).push(line);
    return true;
  }

  /** Only spaces and tabs: a blank line to micromark. */
  private isBlank(start: number, end: number): boolean {
    for (let i = start; i < end; i++) {
      const code = this.text.charCodeAt(i);
      if (code !== SPACE && code !== 9) return false;
    }
    return true;
  }

  /** Three or more of the same `-`, `*` or `_` and nothing else. */
  private isThematicBreak(start: number, end: number): boolean {
    const code = this.text.charCodeAt(start);
    if ((code !== 45 && code !== STAR && code !== 95) || end - start < 3) return false;
    for (let i = start + 1; i < end; i++) if (this.text.charCodeAt(i) !== code) return false;
    return true;
  }

  /** `- ` or `1. ` (one to nine digits) before the item's text; undefined for any other start. */
  private listMarker(start: number, end: number): { ordered: boolean; number: number; content: number } | undefined {
    const text = this.text;
    if (text.charCodeAt(start) === 45) return text.charCodeAt(start + 1) === SPACE ? { ordered: false, number: 0, content: start + 2 } : undefined;
    let i = start;
    while (i < end && i - start < 10 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === start || i - start > 9 || text.charCodeAt(i) !== 46 || text.charCodeAt(i + 1) !== SPACE) return undefined;
    return { ordered: true, number: Number(text.slice(start, i)), content: i + 2 };
  }

  /** `<!-- … -->` on one line: an HTML block that ends with the line. */
  private isOneLineComment(start: number, end: number): boolean {
    const text = this.text;
    if (!text.startsWith('<!--', start)) return false;
    const close = text.indexOf('-->', start + 4);
    return close !== -1 && close + 3 <= end;
  }

  /** True when a paragraph may start at `from` with nothing a block could read first. */
  private startsParagraph(from: number, end: number): boolean {
    const text = this.text;
    const code = text.charCodeAt(from);
    if (from >= end || isWhitespace(code)) return false;
    if (code === STAR) return text.charCodeAt(from + 1) === STAR && from + 2 < end && !isWhitespace(text.charCodeAt(from + 2)) && text.charCodeAt(from + 2) !== STAR;
    if (code >= 48 && code <= 57) {
      let i = from;
      while (i < end && i - from < 10 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      const next = text.charCodeAt(i);
      return next !== 46 && next !== 41;
    }
    // # > - + = * _ ` ~ < | and the like may open another block or a setext underline.
    return !isAsciiPunctuation(code) || code === 34 /* " */ || code === 39 /* ' */ || code === 40 /* ( */;
  }

  /** `<tag`, `</tag` of a block tag, followed by a space, `>`, `/>` or the line's end. */
  private opensHtmlBlock(start: number, end: number): boolean {
    const text = this.text;
    let i = start + 1;
    if (text.charCodeAt(i) === 47) i++;
    const nameStart = i;
    while (i < end) {
      const c = text.charCodeAt(i) | 0x20;
      if (!((c >= 97 && c <= 122) || (i > nameStart && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57))) break;
      i++;
    }
    if (i === nameStart || !BLOCK_TAGS.has(text.slice(nameStart, i).toLowerCase())) return false;
    const after = text.charCodeAt(i);
    return i === end || after === SPACE || after === 62 || (after === 47 && text.charCodeAt(i + 1) === 62);
  }

  /**
   * Text with `**strong**` runs over the given lines (line breaks kept in the text), or undefined when
   * a line holds any other inline construct. A run opens after a space or at the line's start and closes
   * before a space, punctuation or the line's end, on the same line: the cases where CommonMark's
   * delimiter rules have one answer.
   */
  private phrasing(lines: Line[], from = lines[0].start): PhrasingContent[] | undefined {
    const text = this.text;
    const out: PhrasingContent[] = [];
    let textStart: { line: Line; offset: number } | undefined;
    const flushText = (line: Line, upTo: number) => {
      if (textStart && upTo > textStart.offset) {
        const value = text.slice(textStart.offset, upTo);
        // A soft line's space is not part of the text (only soft lines end in a space).
        out.push({ type: 'text', value: value.includes(' \n') ? value.replace(/ \n/g, '\n') : value, position: { start: this.point(textStart.line, textStart.offset), end: this.point(line, upTo) } } satisfies Text);
      }
      textStart = undefined;
    };
    for (const line of lines) {
      let i = line === lines[0] ? from : line.start;
      textStart ??= { line, offset: i };
      while (i < line.end) {
        const code = text.charCodeAt(i);
        if (isUnsupportedInline(code)) return undefined;
        if (code !== STAR) {
          i++;
          continue;
        }
        // An opening `**`: at the line's start or after a space, before a character that is no space or star.
        const before = i === line.start ? SPACE : text.charCodeAt(i - 1);
        if (text.charCodeAt(i + 1) !== STAR || before !== SPACE) return undefined;
        const inner = i + 2;
        if (inner >= line.end || isWhitespace(text.charCodeAt(inner)) || text.charCodeAt(inner) === STAR) return undefined;
        let close = inner;
        while (close < line.end && text.charCodeAt(close) !== STAR) {
          if (isUnsupportedInline(text.charCodeAt(close))) return undefined;
          close++;
        }
        if (close + 1 >= line.end || text.charCodeAt(close + 1) !== STAR) return undefined;
        // A closing run is right-flanking: no space before it, and after punctuation only before a
        // space, punctuation or the line's end.
        const last = text.charCodeAt(close - 1);
        const after = close + 2 < line.end ? text.codePointAt(close + 2)! : SPACE;
        if (isWhitespace(last) || (last >= 0xdc00 && last <= 0xdfff) || after === STAR) return undefined;
        if (isPunctuation(last) && !(isWhitespace(after) || isPunctuation(after))) return undefined;
        flushText(line, i);
        const strong: Strong = {
          type: 'strong',
          children: [{ type: 'text', value: text.slice(inner, close), position: { start: this.point(line, inner), end: this.point(line, close) } }],
          position: { start: this.point(line, i), end: this.point(line, close + 2) },
        };
        out.push(strong);
        i = close + 2;
        textStart = { line, offset: i };
      }
      // The line ending belongs to the text that goes on after it.
      if (line !== lines[lines.length - 1]) textStart ??= { line, offset: line.end };
      else flushText(line, line.end);
    }
    return out;
  }

  /** False when the paragraph's text needs the full parser. */
  private closeParagraph(): boolean {
    const lines = this.paragraph;
    if (!lines) return true;
    this.paragraph = undefined;
    const last = lines[lines.length - 1];
    // A space at the paragraph's end is dropped from its position too: left to micromark.
    if (last.soft) return false;
    const children = this.phrasing(lines);
    if (!children) return false;
    this.children.push({ type: 'paragraph', children, position: { start: this.point(lines[0], lines[0].start), end: this.point(last, last.end) } } satisfies Paragraph);
    return true;
  }

  /** False when the item's text needs the full parser. */
  private closeItem(): boolean {
    const item = this.item;
    const list = this.list;
    if (!item || !list) return true;
    this.item = undefined;
    const [first] = item.lines;
    const last = item.lines[item.lines.length - 1];
    if (last.soft) return false;
    const content = this.phrasing(item.lines, item.from);
    if (!content) return false;
    const end = this.point(last, last.end);
    const paragraph: Paragraph = { type: 'paragraph', children: content, position: { start: this.point(first, item.from), end } };
    list.children.push({ type: 'listItem', spread: false, checked: null, children: [paragraph], position: { start: this.point(first, item.marker), end } } satisfies ListItem);
    list.position!.end = end;
    return true;
  }

  private closeList(): boolean {
    if (!this.closeItem()) return false;
    if (this.list) this.children.push(this.list);
    this.list = undefined;
    return true;
  }

  private closeHtml(): void {
    if (this.html) this.children.push(this.htmlNode(this.html.first, this.html.last));
    this.html = undefined;
  }

  private htmlNode(first: Line, last: Line): Html {
    return { type: 'html', value: this.text.slice(first.start, last.end), position: { start: this.point(first, first.start), end: this.point(last, last.end) } };
  }
}
