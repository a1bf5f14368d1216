/**
 * Inline switches, in HTML comments (the parser skips those):
 *   <!-- star-answers-disable rule-a rule-b -->   until   <!-- star-answers-enable rule-a -->
 *   <!-- star-answers-disable-next-story rule-a -->
 * No id means every rule. Comments inside fenced code or inline code are text, not switches.
 */
export type DirectiveType = 'disable' | 'enable' | 'disable-next-story';

export interface Directive {
  type: DirectiveType;
  /** Rule ids; empty for every rule. */
  rules: string[];
  /** Offsets of the whole comment. */
  start: number;
  end: number;
}

export const DIRECTIVE_PREFIX = 'star-answers-';
const DIRECTIVE = /^\s*star-answers-(disable-next-story|disable|enable)(?=\s|$)([\s\S]*)$/;

export function findDirectives(text: string): Directive[] {
  if (!text.includes(DIRECTIVE_PREFIX)) return [];
  const directives: Directive[] = [];
  const code = codeRegions(text);
  let region = 0;
  let from = 0;
  for (;;) {
    const start = text.indexOf('<!--', from);
    if (start < 0) break;
    while (region < code.length && code[region].end <= start) region++;
    if (region < code.length && code[region].start <= start) {
      from = code[region].end;
      continue;
    }
    const close = text.indexOf('-->', start + 4);
    const end = close < 0 ? text.length : close + 3;
    from = end;
    if (close < 0) break;
    const m = DIRECTIVE.exec(text.slice(start + 4, close));
    if (!m) continue;
    const rules = m[2].split(/[\s,]+/).filter(Boolean);
    directives.push({ type: m[1] as DirectiveType, rules, start, end });
  }
  return directives;
}

interface Region {
  start: number;
  end: number;
}

/** Fenced code blocks (``` or ~~~, at any indentation, as in list items) and inline code spans. */
function codeRegions(text: string): Region[] {
  const regions: Region[] = [];
  const line = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let fence: { char: string; length: number; start: number } | undefined;
  for (let m = line.exec(text); m && m[0].length; m = line.exec(text)) {
    const lineStart = m.index;
    const content = m[0].replace(/[\r\n]+$/, '');
    const marker = /^\s*(`{3,}|~{3,})/.exec(content);
    if (fence) {
      if (marker && marker[1][0] === fence.char && marker[1].length >= fence.length && /^\s*[`~]+\s*$/.test(content)) {
        regions.push({ start: fence.start, end: lineStart + m[0].length });
        fence = undefined;
      }
      continue;
    }
    if (marker && !(marker[1][0] === '`' && content.slice(marker[0].length).includes('`'))) {
      fence = { char: marker[1][0], length: marker[1].length, start: lineStart };
      continue;
    }
    // Inline code on this line: a run of backticks up to the next run of the same length.
    const runs = [...content.matchAll(/`+/g)].map((t) => ({ at: t.index, length: t[0].length }));
    for (let i = 0; i < runs.length; i++) {
      const j = runs.findIndex((r, k) => k > i && r.length === runs[i].length);
      if (j < 0) continue;
      regions.push({ start: lineStart + runs[i].at, end: lineStart + runs[j].at + runs[j].length });
      i = j;
    }
  }
  if (fence) regions.push({ start: fence.start, end: text.length });
  return regions;
}

/** Decides, per story and rule, whether the comments switch a diagnostic off. */
export class Switches {
  constructor(readonly directives: readonly Directive[]) {}

  static of(text: string): Switches {
    return new Switches(findDirectives(text));
  }

  get empty(): boolean {
    return this.directives.length === 0;
  }

  /**
   * Off when the last disable/enable for the rule before `offset` is a disable, or when a
   * disable-next-story comment stands between the previous story and this one.
   */
  isDisabled(rule: string, offset: number, storyStart: number, previousStoryStart: number): boolean {
    let disabled = false;
    for (const d of this.directives) {
      if (d.start >= offset && d.start >= storyStart) break;
      const names = d.rules.length === 0 || d.rules.includes(rule);
      if (!names) continue;
      if (d.type === 'disable-next-story') {
        if (d.end <= storyStart && d.start >= previousStoryStart) return true;
      } else if (d.start < offset) disabled = d.type === 'disable';
    }
    return disabled;
  }
}
