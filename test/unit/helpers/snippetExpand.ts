/**
 * A small expander for VS Code / TextMate snippet bodies, enough to check what a snippet inserts
 * when the user accepts every default:
 *
 * - `${1:default}` → default (placeholders nest: `${1:a ${2:b}}` → "a b")
 * - `${1|one,two|}` → "one" (the first choice; `\,` and `\|` are escapes inside choices)
 * - `$1`, `${1}`, `$0` → empty, or the default of a placeholder with the same number (a mirror, as VS Code does)
 * - `${1/regex/format/flags}` → the transform applied to that tab stop's value
 * - `$NAME`, `${NAME}`, `${NAME:default}` → the variable's value from `variables`, else the default, else empty
 * - `\$`, `\}`, `\\` → the character itself
 *
 * It also reports where each tab stop landed, so a test can check the order in which Tab visits them.
 */

export interface TabStop {
  /** The tab stop number; 0 is the final cursor position. */
  index: number;
  /** Offset in the expanded text. */
  offset: number;
  /** Length of the inserted default. */
  length: number;
  /** The choices of a `${n|a,b|}` tab stop. */
  choices?: string[];
}

export interface Expansion {
  text: string;
  /** Every tab stop and mirror in text order. */
  stops: TabStop[];
}

type Node =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number; children: Node[]; choices?: string[]; transform?: Transform; hasDefault: boolean }
  | { type: 'variable'; name: string; children: Node[]; transform?: Transform };

interface Transform {
  regex: string;
  format: string;
  flags: string;
}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Node[] {
    const nodes = this.sequence(() => false);
    if (this.pos < this.src.length) throw new Error(`unexpected "${this.src[this.pos]}" at ${this.pos}`);
    return nodes;
  }

  /** Reads nodes until `stop` says the next character ends the sequence. */
  private sequence(stop: () => boolean): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length && !stop()) {
      const ch = this.src[this.pos];
      if (ch === '\\' && this.pos + 1 < this.src.length && '$}\\'.includes(this.src[this.pos + 1])) {
        text += this.src[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (ch === '$') {
        const node = this.dollar();
        if (node) {
          flush();
          nodes.push(node);
          continue;
        }
      }
      text += ch;
      this.pos++;
    }
    flush();
    return nodes;
  }

  /** At a `$`: returns the node it starts, or undefined (and moves nothing) when it is a literal `$`. */
  private dollar(): Node | undefined {
    const rest = this.src.slice(this.pos);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { type: 'tabstop', index: Number(m[1]), children: [], hasDefault: false };
    }
    m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { type: 'variable', name: m[1], children: [] };
    }
    m = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (!m) return undefined;
    const start = this.pos;
    this.pos += m[0].length;
    const isIndex = /^\d+$/.test(m[1]);
    const next = this.src[this.pos];
    if (next === '}') {
      this.pos++;
      return isIndex
        ? { type: 'tabstop', index: Number(m[1]), children: [], hasDefault: false }
        : { type: 'variable', name: m[1], children: [] };
    }
    if (next === ':') {
      this.pos++;
      const children = this.sequence(() => this.src[this.pos] === '}');
      this.expect('}', start);
      return isIndex
        ? { type: 'tabstop', index: Number(m[1]), children, hasDefault: true }
        : { type: 'variable', name: m[1], children };
    }
    if (next === '|' && isIndex) {
      this.pos++;
      const choices: string[] = [];
      let current = '';
      for (;;) {
        if (this.pos >= this.src.length) throw new Error(`unterminated choice at ${start}`);
        const ch = this.src[this.pos];
        if (ch === '\\' && ',|\\$}'.includes(this.src[this.pos + 1] ?? '')) {
          current += this.src[this.pos + 1];
          this.pos += 2;
        } else if (ch === ',') {
          choices.push(current);
          current = '';
          this.pos++;
        } else if (ch === '|' && this.src[this.pos + 1] === '}') {
          choices.push(current);
          this.pos += 2;
          break;
        } else {
          current += ch;
          this.pos++;
        }
      }
      return {
        type: 'tabstop',
        index: Number(m[1]),
        children: [{ type: 'text', value: choices[0] ?? '' }],
        choices,
        hasDefault: true,
      };
    }
    if (next === '/') {
      this.pos++;
      const regex = this.until('/');
      const format = this.until('/', true);
      const flags = this.until('}');
      const transform = { regex, format, flags };
      return isIndex
        ? { type: 'tabstop', index: Number(m[1]), children: [], transform, hasDefault: false }
        : { type: 'variable', name: m[1], children: [], transform };
    }
    throw new Error(`bad snippet syntax at ${start}: ${rest.slice(0, 20)}`);
  }

  /**
   * Reads raw text up to an unescaped `end`, keeping escapes other than `\end` as written.
   * In a format (`inFormat`), `${1:/upcase}` and the like are read whole.
   */
  private until(end: string, inFormat = false): string {
    let out = '';
    while (this.pos < this.src.length && this.src[this.pos] !== end) {
      if (inFormat && this.src.startsWith('${', this.pos)) {
        const close = this.src.indexOf('}', this.pos);
        if (close < 0) break;
        out += this.src.slice(this.pos, close + 1);
        this.pos = close + 1;
      } else if (this.src[this.pos] === '\\' && this.src[this.pos + 1] === end) {
        out += end;
        this.pos += 2;
      } else {
        out += this.src[this.pos++];
      }
    }
    this.expect(end, this.pos);
    return out;
  }

  private expect(ch: string, from: number): void {
    if (this.src[this.pos] !== ch) throw new Error(`expected "${ch}" for the construct at ${from}`);
    this.pos++;
  }
}

/** Joins a body as VS Code does: an array is lines joined with "\n". */
export function snippetBody(body: string | string[]): string {
  return Array.isArray(body) ? body.join('\n') : body;
}

export function parseSnippet(body: string): Node[] {
  return new Parser(body).parse();
}

/** Expands a snippet body with every default accepted. */
export function expandSnippet(body: string | string[], variables: Record<string, string> = {}): Expansion {
  const nodes = parseSnippet(snippetBody(body));
  // First pass: the default of each numbered placeholder, for its mirrors.
  const defaults = new Map<number, string>();
  const collect = (list: Node[]): void => {
    for (const node of list) {
      if (node.type === 'text') continue;
      if (node.type === 'tabstop' && node.hasDefault && !defaults.has(node.index)) {
        defaults.set(node.index, render(node.children, undefined));
      }
      collect(node.children);
    }
  };
  const render = (list: Node[], stops: TabStop[] | undefined, base = 0): string => {
    let out = '';
    for (const node of list) {
      if (node.type === 'text') {
        out += node.value;
        continue;
      }
      if (node.type === 'variable') {
        const value = variables[node.name] ?? render(node.children, stops, base + out.length);
        out += node.transform ? applyTransform(value, node.transform) : value;
        continue;
      }
      const offset = base + out.length;
      let value: string;
      if (node.hasDefault) value = render(node.children, stops, offset);
      else value = defaults.get(node.index) ?? '';
      if (node.transform) value = applyTransform(value, node.transform);
      stops?.push({ index: node.index, offset, length: value.length, ...(node.choices ? { choices: node.choices } : {}) });
      out += value;
    }
    return out;
  };
  collect(nodes);
  const stops: TabStop[] = [];
  const text = render(nodes, stops);
  stops.sort((a, b) => a.offset - b.offset);
  return { text, stops };
}

function applyTransform(value: string, t: Transform): string {
  const re = new RegExp(t.regex, t.flags);
  return value.replace(re, (...args: unknown[]) => {
    const groups = args.slice(0, -2) as (string | undefined)[];
    return t.format.replace(/\$(\d+)|\$\{(\d+)(?::([-+?/])?([^}]*))?\}/g, (_m, a: string, b: string, op?: string, arg?: string) => {
      const g = groups[Number(a ?? b)];
      if (op === '/') {
        const v = g ?? '';
        if (arg === 'upcase') return v.toUpperCase();
        if (arg === 'downcase') return v.toLowerCase();
        if (arg === 'capitalize') return v.charAt(0).toUpperCase() + v.slice(1);
        return v;
      }
      if (op === '+') return g ? arg ?? '' : '';
      if (op === '?') {
        const [ifSet, ifUnset = ''] = (arg ?? '').split(':');
        return g ? ifSet : ifUnset;
      }
      if (op === '-' || (op === undefined && arg)) return g || (arg ?? '');
      return g ?? '';
    });
  });
}

/**
 * Tab stops in the order Tab visits them: 1, 2, 3 … then 0 (the final cursor) last.
 * Returns the first occurrence of each number (mirrors follow their placeholder).
 */
export function tabOrder(stops: TabStop[]): number[] {
  const seen = [...new Set(stops.map((s) => s.index))];
  return seen.sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : a - b));
}
