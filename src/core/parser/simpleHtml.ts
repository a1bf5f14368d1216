import type { Comment, Element, ElementContent, Root, RootContent, Text } from 'hast';

/**
 * hast-util-raw re-reads a whole file through parse5 (markdown elements included) to place its raw HTML;
 * that was a sixth of a parse worker's time on a bank of the seed's `<details>` stories. Most story banks'
 * HTML is simple: tags without attributes, closed in order, text without character references. For such
 * HTML the HTML parser's tree is the nesting of the tags as written, so this builds what hast-util-raw
 * builds (same nodes, same positions, text merged the same way) in one pass. Anything else (attributes,
 * `&`, a tag left open or closed out of order, tables, forms, a `<p>` that another block would close, CR
 * line ends…) returns undefined and the caller takes the full route. A unit test compares both routes on
 * every fixture and on generated documents.
 */
export function readSimpleRawHtml(tree: Root, text: string): Root | undefined {
  try {
    return new SimpleHtmlReader().run(tree, text);
  } catch (error) {
    if (error === NOT_SIMPLE) return undefined;
    throw error;
  }
}

const NOT_SIMPLE = new Error('not simple HTML');

/** parse5's source location: a token's or a node's start and end (undefined where the node had none). */
interface Location {
  startLine?: number;
  startCol?: number;
  startOffset?: number;
  endLine?: number;
  endCol?: number;
  endOffset?: number;
}

interface Located {
  node: Element | Text | Comment;
  location: Location;
}

interface Open {
  element: Element;
  tag: string;
  /** Opened by a tag of raw HTML (closed by one too), not a markdown element. */
  raw: boolean;
  located: Located;
}

interface Point {
  line: number;
  column: number;
  offset?: number;
}

/** Start tags that close an open <p> (which this reader does not follow: it gives up instead). */
const BLOCKS = new Set(['address', 'article', 'aside', 'blockquote', 'center', 'details', 'div', 'figcaption', 'figure', 'footer', 'header', 'main', 'nav', 'ol', 'p', 'section', 'summary', 'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Formatting elements: the parser reopens them when misnested (here they are always closed in order). */
const FORMATTING = new Set(['a', 'b', 'code', 'em', 'i', 's', 'small', 'strong', 'u']);
const ORDINARY = new Set(['span', 'sup', 'sub', 'del', 'ins', 'mark', 'abbr', 'kbd', 'q', 'cite', 'dfn', 'var', 'samp', 'time', 'bdi', 'bdo']);
const VOID = new Set(['br', 'img', 'wbr', 'hr']);
/** The parser's "special" elements this reader can meet: an <li> looks for an open <li> down to one of these. */
const SPECIAL = new Set([...BLOCKS, 'li', 'pre', 'img', 'br', 'wbr']);
/** Markdown's own elements that raw HTML never writes here (a code block's <pre>, a task's checkbox). */
const MARKDOWN_ONLY = new Set(['pre', 'input']);
const MARKDOWN_VOID = new Set([...VOID, 'input']);

const START_TAG = /<([a-zA-Z][a-zA-Z0-9]*)[\t\n\f ]*(\/?)>/y;
const END_TAG = /<\/([a-zA-Z][a-zA-Z0-9]*)[\t\n\f ]*>/y;

class SimpleHtmlReader {
  private readonly root: Root = { type: 'root', children: [] };
  private readonly stack: Open[] = [];
  /** Open elements by tag, so that "is a <p> open" costs the same at any depth. */
  private readonly openCount = new Map<string, number>();
  private readonly located: Located[] = [];
  private readonly locatedTexts = new Map<Text, Located>();
  /** After a code block's <pre>, parse5 drops a line feed that starts the next whitespace. */
  private skipNextNewline = false;

  run(tree: Root, text: string): Root {
    for (const child of tree.children) this.node(child);
    if (this.stack.length) throw NOT_SIMPLE;
    let located = false;
    for (const { node, location } of this.located) {
      const position = positionOf(location);
      if (position) node.position = position as Element['position'];
      located ||= !!position;
    }
    // hast-util-from-parse5 gives the root the whole text's range once any node has a position.
    this.root.data = { quirksMode: false } as Root['data'];
    if (located) this.root.position = { start: { line: 1, column: 1, offset: 0 }, end: endOf(text) };
    return this.root;
  }

  private node(node: RootContent | ElementContent | { type: 'raw'; value: string; position?: Root['position'] }): void {
    switch (node.type) {
      case 'element':
        return this.markdownElement(node);
      case 'text': {
        let value = node.value;
        if (this.skipNextNewline && value) {
          this.skipNextNewline = false;
          if (value.charCodeAt(0) === 10) value = value.slice(1);
        }
        if (value) this.text(value, locationOf(node));
        return;
      }
      case 'raw':
        return this.raw(node.value, node.position?.start);
      default:
        throw NOT_SIMPLE;
    }
  }

  private markdownElement(node: Element): void {
    const tag = node.tagName;
    if (!MARKDOWN_ONLY.has(tag) && !this.startTagAllowed(tag)) throw NOT_SIMPLE;
    if (MARKDOWN_ONLY.has(tag) && this.hasOpen('p')) throw NOT_SIMPLE;
    const element: Element = { type: 'element', tagName: tag, properties: node.properties, children: [] };
    const location = locationOf(node);
    const located = this.append(element, { ...location });
    if (MARKDOWN_VOID.has(tag)) return;
    const open: Open = { element, tag, raw: false, located };
    this.push(open);
    if (tag === 'pre') this.skipNextNewline = true;
    for (const child of node.children) this.node(child);
    if (this.stack[this.stack.length - 1] !== open) throw NOT_SIMPLE;
    this.skipNextNewline = false;
    this.close(location);
  }

  /** Raw HTML: its tags, comments and text, with the positions parse5 gives them from the node's start. */
  private raw(value: string, start: Point | undefined): void {
    if (!start || start.offset === undefined || !value.endsWith('>') || /[&\r\0]/.test(value)) throw NOT_SIMPLE;
    // The tokenizer's tags and comments end the line feed skip after a <pre>; its text is not read here.
    if (this.skipNextNewline && value.charCodeAt(0) === 10) throw NOT_SIMPLE;
    this.skipNextNewline = false;
    const at = new ValuePoints(value, start);
    let i = 0;
    while (i < value.length) {
      const lt = value.indexOf('<', i);
      if (lt !== i) {
        const end = lt < 0 ? value.length : lt;
        this.text(value.slice(i, end), at.range(i, end));
        i = end;
        continue;
      }
      let m: RegExpExecArray | null;
      END_TAG.lastIndex = START_TAG.lastIndex = i;
      if (value.startsWith('<!--', i)) {
        const close = value.indexOf('-->', i + 4);
        const body = close < 0 ? '' : value.slice(i + 4, close);
        if (close < 0 || body.startsWith('>') || body.startsWith('->') || `${body}-->`.includes('--!>')) throw NOT_SIMPLE;
        const end = close + 3;
        this.comment(body, at.range(i, end));
        i = end;
      } else if ((m = END_TAG.exec(value))) {
        const tag = m[1].toLowerCase();
        const top = this.stack[this.stack.length - 1];
        if (!top || !top.raw || top.tag !== tag) throw NOT_SIMPLE;
        this.close(at.range(i, i + m[0].length));
        i += m[0].length;
      } else if ((m = START_TAG.exec(value))) {
        const tag = m[1].toLowerCase();
        if (!this.startTagAllowed(tag) || (m[2] && !VOID.has(tag))) throw NOT_SIMPLE;
        const element: Element = { type: 'element', tagName: tag, properties: {}, children: [] };
        const located = this.append(element, at.range(i, i + m[0].length));
        if (!VOID.has(tag)) this.push({ element, tag, raw: true, located });
        i += m[0].length;
      } else throw NOT_SIMPLE;
    }
  }

  /** Whether parse5 would insert this start tag where the tags say, without closing or reopening anything. */
  private startTagAllowed(tag: string): boolean {
    if (BLOCKS.has(tag)) {
      if (this.hasOpen('p')) return false;
      if (HEADINGS.has(tag) && HEADINGS.has(this.stack[this.stack.length - 1]?.tag ?? '')) return false;
      return true;
    }
    if (tag === 'li') {
      for (let n = this.stack.length - 1; n >= 0; n--) {
        const open = this.stack[n].tag;
        if (open === 'li') return false;
        if (SPECIAL.has(open) && open !== 'div' && open !== 'p' && open !== 'address') break;
      }
      return !this.hasOpen('p');
    }
    if (FORMATTING.has(tag)) {
      if (tag === 'a' && this.hasOpen('a')) return false;
      // Past three of the same, the parser drops the oldest from its list of formatting elements.
      return (this.openCount.get(tag) ?? 0) < 3;
    }
    return ORDINARY.has(tag) || VOID.has(tag);
  }

  private hasOpen(tag: string): boolean {
    return !!this.openCount.get(tag);
  }

  private push(open: Open): void {
    this.stack.push(open);
    this.openCount.set(open.tag, (this.openCount.get(open.tag) ?? 0) + 1);
  }

  private parent(): (RootContent | ElementContent)[] {
    return this.stack.length ? this.stack[this.stack.length - 1].element.children : this.root.children;
  }

  private append(node: Element | Comment, location: Location): Located {
    this.parent().push(node);
    const located = { node, location };
    this.located.push(located);
    return located;
  }

  /** parse5 pops the current element at its end tag: its end is the end tag's. */
  private close(end: Location): void {
    const open = this.stack.pop()!;
    this.openCount.set(open.tag, this.openCount.get(open.tag)! - 1);
    const { location } = open.located;
    location.endLine = end.endLine;
    location.endCol = end.endCol;
    location.endOffset = end.endOffset;
  }

  private comment(value: string, location: Location): void {
    this.append({ type: 'comment', value }, location);
  }

  /** Characters join a text node just before them; the joined node keeps its start and takes the new end. */
  private text(value: string, location: Location): void {
    const siblings = this.parent();
    const last = siblings[siblings.length - 1];
    if (last?.type === 'text') {
      last.value += value;
      const joined = this.locatedTexts.get(last)!.location;
      joined.endLine = location.endLine;
      joined.endCol = location.endCol;
      joined.endOffset = location.endOffset;
      return;
    }
    const node: Text = { type: 'text', value };
    siblings.push(node);
    const located = { node, location: { ...location } };
    this.located.push(located);
    this.locatedTexts.set(node, located);
  }
}

/** Positions inside a raw value as parse5 counts them from the value's start point. */
class ValuePoints {
  /** Line breaks before `scanned` are counted in `line`; the last one was at `lineStart`. */
  private scanned = 0;
  private line: number;
  private lineStart = -1;

  constructor(
    private readonly value: string,
    private readonly start: Point,
  ) {
    this.line = start.line;
  }

  /** Asked for in increasing order. */
  private point(i: number): [number, number, number] {
    for (let n = this.value.indexOf('\n', this.scanned); n >= 0 && n < i; n = this.value.indexOf('\n', n + 1)) {
      this.line++;
      this.lineStart = n;
    }
    this.scanned = Math.max(this.scanned, i);
    const column = this.lineStart < 0 ? this.start.column + i : i - this.lineStart;
    return [this.line, column, this.start.offset! + i];
  }

  range(from: number, to: number): Location {
    const [startLine, startCol, startOffset] = this.point(from);
    const [endLine, endCol, endOffset] = this.point(to);
    return { startLine, startCol, startOffset, endLine, endCol, endOffset };
  }
}

/** The point after the last character, lines counted as vfile-location counts them. */
function endOf(text: string): Point {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: text.length - lineStart + 1, offset: text.length };
}

/** hast-util-raw's parse5 location of a node (its start and end, or undefined parts). */
function locationOf(node: { position?: { start?: Partial<Point>; end?: Partial<Point> } }): Location {
  const start = validPoint(node.position?.start);
  const end = validPoint(node.position?.end);
  return { startLine: start?.line, startCol: start?.column, startOffset: start?.offset, endLine: end?.line, endCol: end?.column, endOffset: end?.offset };
}

function validPoint(point: Partial<Point> | undefined): Point | undefined {
  if (!point || typeof point.line !== 'number' || point.line < 1 || typeof point.column !== 'number' || point.column < 1) return undefined;
  return { line: point.line, column: point.column, offset: typeof point.offset === 'number' && point.offset > -1 ? point.offset : undefined };
}

/** hast-util-from-parse5's position of a location. */
function positionOf(location: Location): { start?: Point; end?: Point } | undefined {
  const start = location.startLine && location.startCol ? { line: location.startLine, column: location.startCol, offset: location.startOffset } : undefined;
  const end = location.endLine && location.endCol ? { line: location.endLine, column: location.endCol, offset: location.endOffset } : undefined;
  return start || end ? { start, end } : undefined;
}
