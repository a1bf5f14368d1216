import { normalizePrincipleTitle } from './catalog';
import type { Question } from './model';

/**
 * The other principles a story answers, written once in the story, before its first section:
 *
 *   **Principles:** Ownership, Deliver Results        (the primary form: reads well on GitHub)
 *   Tags: #ownership #deliver-results                 (only tags that name a known principle count)
 *   <!-- principles: Ownership, Deliver Results -->   (invisible on GitHub)
 *
 * "Leadership Principles:", "LPs:", "Also answers:" and "Maps to:" read like "Principles:". Names are
 * separated by commas, semicolons, "·" or "|".
 */
export type PrincipleLineForm = 'principles' | 'tags' | 'comment';

export interface PrincipleName {
  /** As written, without markup: "Deliver Results", "deliver-results". */
  text: string;
  /** Offsets in the source. */
  start: number;
  end: number;
}

export interface PrincipleLine {
  form: PrincipleLineForm;
  /** Offsets of the line (or comment) in the source, without its line break. */
  start: number;
  end: number;
  /** Where the list of names starts: after "**Principles:** ". */
  listStart: number;
  /** Where the list ends: before a closing "-->". */
  listEnd: number;
  names: PrincipleName[];
}

const LABEL = /^([ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?[ \t]*(principles?|leadership principles?|lps?|also answers|maps to|tags)[ \t]*(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*|[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)(principles?|leadership principles?|lps?|also answers|maps to|tags)[ \t]*:?[ \t]*(?:\*\*|__)[ \t]*:?[ \t]*)/i;
const COMMENT = /<!--[ \t]*(principles?|tags)[ \t]*:([^\r\n]*?)-->/gi;

/** The principle lines of a story: between its question and its first section. */
export function principleLines(text: string, question: Question): PrincipleLine[] {
  const from = question.titleRange.end.offset;
  const first = question.sections[0]?.labelRange.start.offset ?? question.range.end.offset;
  const to = Math.max(from, Math.min(first, question.range.end.offset));
  const lines: PrincipleLine[] = [];
  const lineRe = /[^\r\n]*/g;
  // Start at the beginning of the line holding `from` only if the question text ends it; else the next line.
  lineRe.lastIndex = from;
  for (let m = lineRe.exec(text); m && m.index < to; m = lineRe.exec(text)) {
    if (!m[0].length) {
      lineRe.lastIndex = m.index + 1;
      continue;
    }
    const line = m[0];
    const start = m.index;
    lineRe.lastIndex = start + line.length;
    const label = LABEL.exec(line);
    if (label && start + label[0].length <= to) {
      const kind = (label[2] ?? label[3]).toLowerCase();
      const listStart = start + label[0].length;
      const listEnd = start + line.replace(/[ \t]+$/, '').length;
      const form: PrincipleLineForm = kind === 'tags' ? 'tags' : 'principles';
      lines.push({ form, start, end: start + line.length, listStart, listEnd, names: splitNames(text, listStart, listEnd, form) });
      continue;
    }
    for (const c of line.matchAll(COMMENT)) {
      const listStart = start + c.index + c[0].indexOf(':') + 1;
      const listEnd = start + c.index + c[0].length - 3;
      const form: PrincipleLineForm = c[1].toLowerCase() === 'tags' ? 'tags' : 'comment';
      lines.push({ form, start: start + c.index, end: start + c.index + c[0].length, listStart, listEnd, names: splitNames(text, listStart, listEnd, form) });
    }
  }
  return lines;
}

/** The principle line (of any form) that holds an offset, read on its own, inside a story or not. */
export function principleLineAt(text: string, offset: number): PrincipleLine | undefined {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  const line = text.slice(start, end);
  const label = LABEL.exec(line);
  if (label) {
    const form: PrincipleLineForm = (label[2] ?? label[3]).toLowerCase() === 'tags' ? 'tags' : 'principles';
    const listStart = start + label[0].length;
    const listEnd = start + line.replace(/[ \t]+$/, '').length;
    return { form, start, end, listStart, listEnd, names: splitNames(text, listStart, Math.max(listStart, listEnd), form) };
  }
  // A comment still being typed has no "-->" yet.
  const comment = /<!--[ \t]*(principles?|tags)[ \t]*:([^\r\n]*?)(?:-->|$)/i.exec(line);
  if (!comment) return undefined;
  const listStart = start + comment.index + comment[0].indexOf(':') + 1;
  const listEnd = listStart + comment[2].length;
  const form: PrincipleLineForm = comment[1].toLowerCase() === 'tags' ? 'tags' : 'comment';
  return { form, start: start + comment.index, end: start + comment.index + comment[0].length, listStart, listEnd, names: splitNames(text, listStart, listEnd, form) };
}

function splitNames(text: string, start: number, end: number, form: PrincipleLineForm): PrincipleName[] {
  const list = text.slice(start, end);
  const separators = form === 'tags' && !/[,;·|]/.test(list) ? /[ \t]+/ : /[,;·|]/;
  const names: PrincipleName[] = [];
  let at = 0;
  for (const part of list.split(separators)) {
    const partStart = list.indexOf(part, at);
    at = partStart + part.length;
    const cleaned = part.replace(/[*_`[\]]/g, '').replace(/^[ \t]*#?/, '').replace(/\([^)]*\)$/, '').trim();
    if (!cleaned) continue;
    const lead = part.length - part.trimStart().length;
    names.push({ text: cleaned, start: start + partStart + lead, end: start + partStart + part.trimEnd().length });
  }
  return names;
}

/**
 * The principles a story answers besides its own, as titles: each name resolved by `resolve` (the
 * catalog and the bank's principles; "deliver-results" → "Deliver Results"). Names on a Principles line or
 * comment stay as written when unknown; tags count only when known (a tag may be anything).
 */
export function storyPrinciples(text: string, question: Question, resolve: (name: string) => string | undefined, own?: string): string[] {
  const lines = linesOf(text, question);
  if (!lines.length) return [];
  const out = new Map<string, string>();
  const ownKey = own ? normalizePrincipleTitle(own) : '';
  for (const line of lines) {
    for (const name of line.names) {
      const title = resolve(name.text) ?? resolve(name.text.replace(/[-_]+/g, ' ')) ?? (line.form === 'tags' ? undefined : name.text);
      if (!title) continue;
      const key = normalizePrincipleTitle(title);
      if (key && key !== ownKey && !out.has(key)) out.set(key, title);
    }
  }
  return [...out.values()];
}

const readLines = new WeakMap<Question, { text: string; lines: readonly PrincipleLine[] }>();

/** The tree asks for every story of the bank on each rebuild: a story of a file not read again is not searched again. */
function linesOf(text: string, question: Question): readonly PrincipleLine[] {
  const known = readLines.get(question);
  if (known?.text === text) return known.lines;
  const lines = principleLines(text, question);
  readLines.set(question, { text, lines });
  return lines;
}

/** A resolver over principle titles (the catalog's and the bank's), by their normalized form and aliases. */
export function principleResolver(titles: Iterable<{ title: string; aliases?: readonly string[] }>): (name: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const t of titles) {
    for (const name of [t.title, ...(t.aliases ?? [])]) {
      const key = normalizePrincipleTitle(name);
      if (key && !byKey.has(key)) byKey.set(key, t.title);
    }
  }
  return (name) => byKey.get(normalizePrincipleTitle(name));
}

export interface LinkedStory {
  /** The file's key (a URI in the editor). */
  uri: string;
  question: Question;
  /** The principle it is written under. */
  principle: string;
}

/**
 * Over a whole bank: for each story, the other principles it names; for each principle (by normalized
 * title), the stories written elsewhere that name it. The preview lists both.
 */
export function principleLinks(files: readonly { uri: string; text: string; bank: { principles: readonly { title: string; questions: readonly Question[] }[] } }[], catalog: readonly { title: string; aliases?: readonly string[] }[] = []): { alsoFor: Map<Question, string[]>; linkedTo: Map<string, LinkedStory[]> } {
  const resolve = principleResolver([...catalog, ...files.flatMap((f) => f.bank.principles.map((p) => ({ title: p.title })))]);
  const alsoFor = new Map<Question, string[]>();
  const linkedTo = new Map<string, LinkedStory[]>();
  for (const file of files) {
    for (const principle of file.bank.principles) {
      for (const question of principle.questions) {
        const names = storyPrinciples(file.text, question, resolve, principle.title);
        if (!names.length) continue;
        alsoFor.set(question, names);
        for (const name of names) {
          const key = normalizePrincipleTitle(name);
          const list = linkedTo.get(key) ?? [];
          list.push({ uri: file.uri, question, principle: principle.title });
          linkedTo.set(key, list);
        }
      }
    }
  }
  return { alsoFor, linkedTo };
}
