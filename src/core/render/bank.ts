import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { normalizePrincipleTitle } from '../catalog';
import { SECTION_NAMES, type BankFile, type Principle, type Question, type Range, type Section } from '../model';
import type { LinkedStory } from '../storyPrinciples';
import { markdownToHast } from '../parser/markdown';
import { storyBadges, type Badge } from './badges';
import { el } from './hast';
import { highlightMetrics } from './highlight';
import { sanitizeNodes } from './sanitize';
import { renderCuts } from './renderParts';
import type { StoryHtmlCache } from './storyCache';
import { sliceHast } from './slice';

export interface RenderOptions {
  /** Speaking pace for the time badge. */
  wordsPerMinute?: number;
  /** Put before every id (principles get ids too when set): several files can share one page. */
  idPrefix?: string;
  /** The preview's buttons (Show, Go to source); off for a page read elsewhere. Default on. */
  controls?: boolean;
  /** Nothing that loads from the network: images become their alt text. Default off. */
  localOnly?: boolean;
  /** The other principles each story names on its Principles line (see core/storyPrinciples). */
  alsoFor?: ReadonlyMap<Question, readonly string[]>;
  /** Stories written under other principles that name a principle of this file, by normalized title. */
  linkedTo?: ReadonlyMap<string, readonly LinkedStory[]>;
  /** A document longer than this is read in parts where it can be (RENDER_PART_CHARS; 1 cuts wherever it may, for tests). */
  partChars?: number;
  /** The preview's: stories whose HTML the last render made are not rendered again (see renderPreviewSteps). */
  reuse?: StoryReuse;
}

/** A render's use of the stories kept from the last one: those found, by id, and those to keep, by id. */
export interface StoryReuse {
  cache: StoryHtmlCache;
  found: Map<string, string>;
  toKeep: Map<string, { part: string; key: string; startLine: number }>;
}

export interface RenderedStory {
  id: string;
  title: string;
  /** 0-based lines of the story in the document. */
  startLine: number;
  endLine: number;
}

export interface RenderedPrinciple {
  /** Its element id, when rendered with an idPrefix. */
  id?: string;
  title: string;
  stories: RenderedStory[];
}

export interface RenderedBank {
  /** Sanitized HTML for the preview's content element. */
  html: string;
  stories: RenderedStory[];
}

/** The rendered bank as hast, for a page that puts it into its own markup (the export). */
export interface RenderedBankNodes {
  nodes: ElementContent[];
  stories: RenderedStory[];
  principles: RenderedPrinciple[];
}

const BOM = '\uFEFF';

/** A stretch of the document read into a tree of its own, when a story first needs it. */
interface Part {
  from: number;
  to: number;
  read?: { body: string; tree: Root | undefined };
}

/**
 * Document offsets → the parsed tree's offsets (the tree is built without the BOM). The document is read in parts
 * (renderCuts), each when a range in it is first asked for, so that a render in steps reads it a part at a time.
 */
class Source {
  private readonly base: number;
  private readonly body: string;
  private readonly parts: Part[];
  private whole?: Root;

  constructor(
    private readonly text: string,
    /** Plain text only: the fallback when the markup is nested too deeply to walk. */
    private readonly plain = false,
    private readonly localOnly = false,
    partChars?: number,
  ) {
    this.base = text.startsWith(BOM) ? 1 : 0;
    this.body = text.slice(this.base);
    const cuts = plain ? [] : renderCuts(this.body, partChars);
    this.parts = [0, ...cuts].map((from, i) => ({ from, to: cuts[i] ?? this.body.length }));
  }

  /** The sanitized content of a range of the document, or its plain text. */
  content(start: number, end: number, fallbackText: string): ElementContent[] {
    if (!this.plain) {
      try {
        const { tree, body, from } = this.treeOf(start - this.base, end - this.base);
        return sanitizeNodes(sliceHast(tree, body, start - this.base - from, end - this.base - from), { localOnly: this.localOnly });
      } catch (error) {
        if (!(error instanceof RangeError)) throw error; // too deep for the tree walkers
      }
    }
    return plainParagraphs(fallbackText || this.text.slice(start, end));
  }

  /** The text of the part that holds a range of the document, and where it starts (none for a range over several parts). */
  partOf(start: number, end: number): { text: string; from: number } | undefined {
    const part = this.plain ? undefined : this.partAt(start - this.base, end - this.base);
    return part && { text: this.read(part).body, from: part.from + this.base };
  }

  /** The tree of the part that holds a range of the body (of the whole body, for a range over several parts). */
  private treeOf(start: number, end: number): { tree: Root; body: string; from: number } {
    const part = this.parts.length > 1 ? this.partAt(start, end) : undefined;
    if (!part) return { tree: (this.whole ??= markdownToHast(this.body).tree), body: this.body, from: 0 };
    const read = this.read(part);
    return { tree: (read.tree ??= markdownToHast(read.body).tree), body: read.body, from: part.from };
  }

  private partAt(start: number, end: number): Part | undefined {
    return this.parts.find((p) => p.from <= start && end <= p.to);
  }

  private read(part: Part): NonNullable<Part['read']> {
    return (part.read ??= { body: this.body.slice(part.from, part.to), tree: undefined });
  }
}

function plainParagraphs(text: string): ElementContent[] {
  return text
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => el('p', {}, [line]));
}

/**
 * The story bank as the preview shows it: each principle with its definition, then each question as a
 * native <details> with its sections as labelled blocks, their markdown and HTML kept (sanitized), the
 * Result's numbers highlighted, and a badge row per story. Pure: the CLI can write the same HTML.
 */
export function renderBank(text: string, bank: BankFile, options: RenderOptions = {}): RenderedBank {
  const { nodes, stories } = renderBankNodes(text, bank, options);
  return { html: toHtml({ type: 'root', children: nodes }), stories };
}

/** renderBank's content as sanitized hast, with the principles it holds. */
export function renderBankNodes(text: string, bank: BankFile, options: RenderOptions = {}): RenderedBankNodes {
  return runToEnd(renderBankNodesSteps(text, bank, options));
}

/**
 * renderBankNodes in steps, one a story, for a thread that others share (the preview on the extension host): the
 * caller gives the thread back between steps. The markdown is read into a tree a part at a time, as stories need it.
 */
export function* renderBankNodesSteps(text: string, bank: BankFile, options: RenderOptions = {}): Generator<void, RenderedBankNodes> {
  try {
    return yield* renderWith(new Source(text, false, options.localOnly, options.partChars), bank, options);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // Markup nested thousands deep: show the stories as plain text rather than nothing (and none as kept before).
    options.reuse?.found.clear();
    options.reuse?.toKeep.clear();
    return yield* renderWith(new Source(text, true), { ...bank, problems: [...(bank.problems ?? []), 'The markup is nested too deeply to show; the stories are shown as plain text.'] }, options);
  }
}

/** Runs steps at once, on this thread, to their value. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * One story's sections, each as sanitized HTML (the practice session reveals them one by one); an
 * answer written as prose, without a STAR label, is one part.
 */
export function renderStoryParts(text: string, question: Question, options: Pick<RenderOptions, 'localOnly'> = {}): { kind: Section['kind'] | 'answer'; name: string; html: string }[] {
  const parts = (source: Source) => {
    const prose = question.prose;
    if (!question.sections.length && prose) return [{ kind: 'answer' as const, name: 'Answer', html: toHtml({ type: 'root', children: source.content(prose.range.start.offset, prose.range.end.offset, prose.text) }) }];
    return question.sections.map((section) => ({ kind: section.kind, name: SECTION_NAMES[section.kind], html: toHtml({ type: 'root', children: sectionBody(source, section) }) }));
  };
  try {
    return parts(new Source(text, false, options.localOnly));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return parts(new Source(text, true));
  }
}

function* renderWith(source: Source, bank: BankFile, options: RenderOptions): Generator<void, RenderedBankNodes> {
  const wpm = options.wordsPerMinute;
  const wordsPerMinute = Math.max(1, typeof wpm === 'number' && Number.isFinite(wpm) ? wpm : 150);
  const stories: RenderedStory[] = [];
  const principles: RenderedPrinciple[] = [];
  const children: ElementContent[] = [];
  for (const problem of bank.problems ?? []) children.push(el('p', { className: ['problem'], role: 'alert' }, [problem]));
  for (const [p, principle] of bank.principles.entries()) {
    const before = stories.length;
    const id = options.idPrefix !== undefined ? `${options.idPrefix}p-${p}` : undefined;
    children.push(yield* renderPrinciple(source, principle, p, wordsPerMinute, stories, options, id));
    principles.push({ id, title: principle.title, stories: stories.slice(before) });
  }
  if (!bank.hasStories) {
    children.push(
      el('p', { className: ['empty'] }, [
        'No stories in this file yet. Write a question, then its Situation, Task, Action and Result (for example as ',
        el('code', {}, ['**Situation:**']),
        ' lines or a ',
        el('code', {}, ['<details>']),
        ' block).',
      ]),
    );
  }
  return { nodes: children, stories, principles };
}

function* renderPrinciple(source: Source, principle: Principle, p: number, wpm: number, stories: RenderedStory[], options: RenderOptions, id: string | undefined): Generator<void, Element> {
  const linked = options.linkedTo?.get(normalizePrincipleTitle(principle.title)) ?? [];
  const definition = principle.definitionRange ? source.content(principle.definitionRange.start.offset, principle.definitionRange.end.offset, principle.definition ?? '') : [];
  const rendered: Element[] = [];
  for (const [q, question] of principle.questions.entries()) {
    yield;
    const id = `${options.idPrefix ?? ''}s-${p}-${q}`;
    stories.push({ id, title: question.title, startLine: question.range.start.line, endLine: question.range.end.line });
    const alsoFor = options.alsoFor?.get(question);
    const part = options.reuse && source.partOf(question.range.start.offset, question.range.end.offset);
    if (options.reuse && part) {
      const key = storyKey(question, part.from, id, wpm, options, alsoFor);
      const html = options.reuse.cache.get(part.text, key, question.range.start.line);
      if (html !== undefined) {
        options.reuse.found.set(id, html);
        rendered.push(el('details', { dataStory: id }, []));
        continue;
      }
      options.reuse.toKeep.set(id, { part: part.text, key, startLine: question.range.start.line });
    }
    rendered.push(renderStory(source, question, id, wpm, options.controls !== false, alsoFor));
  }
  return el('section', { className: ['principle'], id, dataLine: principle.titleRange.start.line }, [
    el('h1', { className: ['principle-title'] }, [principle.title]),
    definition.length > 0 && el('div', { className: ['definition'] }, definition),
    ...rendered,
    linked.length > 0 &&
      el('div', { className: ['linked-stories'] }, [
        el('h2', {}, ['Also answered by']),
        el(
          'ul',
          {},
          linked.map((l) => el('li', { className: ['linked-story'] }, [el('span', { className: ['question'] }, [l.question.title || 'Untitled story']), ` (written under ${l.principle})`])),
        ),
      ]),
  ]);
}

/** What a story's HTML is made of besides its part's text: its model (offsets from the part's start) and how it is shown. */
function storyKey(question: Question, from: number, id: string, wpm: number, options: RenderOptions, alsoFor: readonly string[] | undefined): string {
  const at = (r: Range) => `${r.start.offset - from}-${r.end.offset - from}`;
  const sections = question.sections.map((s) => `${s.kind}:${s.label}:${s.words}:${at(s.range)}:${at(s.labelRange)}`);
  const shown = [id, wpm, options.controls !== false, !!options.localOnly, options.idPrefix ?? '', (alsoFor ?? []).join('\u0001')];
  return [...shown, question.title, at(question.range), at(question.titleRange), question.prose ? at(question.prose.range) : '', ...sections].join('\u0000');
}

function renderStory(source: Source, question: Question, id: string, wpm: number, controls: boolean, alsoFor?: readonly string[]): Element {
  const badges = storyBadges(question, wpm);
  if (alsoFor?.length) badges.push({ tone: 'info', text: `Also for ${alsoFor.join(', ')}`, title: 'Its Principles line lists this story under these principles too' });
  return el('details', { className: ['story'], id, dataStory: id, dataLine: question.range.start.line }, [
    el('summary', {}, [el('span', { className: ['question'] }, [question.title || 'Untitled story']), badgeRow(badges)]),
    el('div', { className: ['story-body'] }, [
      ...question.sections.map((section) => renderSection(source, section, id, controls)),
      question.prose && el('div', { className: ['prose'] }, source.content(question.prose.range.start.offset, question.prose.range.end.offset, question.prose.text)),
      question.sections.length === 0 && !question.prose && el('p', { className: ['empty'] }, ['No Situation, Task, Action or Result yet.']),
      controls && el('div', { className: ['story-actions'] }, [
        el('button', { type: 'button', className: ['goto'], dataLine: question.titleRange.start.line, title: 'Show this story in the editor' }, ['Go to source']),
      ]),
    ]),
  ]);
}

function sectionBody(source: Source, section: Section): ElementContent[] {
  // A section without a word (an empty label, or only a "- " placeholder line) reads as empty.
  const body = section.words ? source.content(contentStart(section), section.range.end.offset, section.text) : [];
  if (!body.length) return [el('p', { className: ['empty'] }, [`(empty ${SECTION_NAMES[section.kind]})`])];
  return section.kind === 'result' ? highlightMetrics(body) : body;
}

function renderSection(source: Source, section: Section, storyId: string, controls: boolean): Element {
  const name = SECTION_NAMES[section.kind];
  const key = `${storyId}/${section.kind}`;
  return el('section', { className: ['star', `star-${section.kind}`], dataSection: key, dataLine: section.range.start.line }, [
    el('h2', { className: ['star-label'], title: section.label === name ? undefined : `Written as "${section.label}"` }, [
      name,
      controls && el('button', { type: 'button', className: ['reveal'], dataReveal: key, title: `Show the ${name}` }, ['Show']),
    ]),
    el('div', { className: ['star-body'] }, sectionBody(source, section)),
  ]);
}

function contentStart(section: Section): number {
  return section.labelRange.end.offset;
}

function badgeRow(badges: Badge[]): Element {
  return el(
    'span',
    { className: ['badges'] },
    badges.map((b) => el('span', { className: ['badge', `badge-${b.tone}`], title: b.title }, [b.text])),
  );
}

