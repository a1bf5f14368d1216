import type { BankFile, LabelStyle, Principle, Question, Section, SectionKind, StoryContainer } from '../model';
import type { LineIndex } from '../text/lineIndex';
import { countWords } from '../text/words';
import { tellsAStory } from '../story/shape';
import type { StructureEvent, TextSpan } from './events';
import { matchMetaKey } from './labels';

interface OpenSection {
  kind: SectionKind;
  label: string;
  covers?: SectionKind[];
  style: LabelStyle;
  headingLevel?: number;
  start: number;
  labelEnd: number;
  contentStart: number;
}

interface OpenStory {
  title: string;
  titleStart: number;
  titleEnd: number;
  start: number;
  container: StoryContainer;
  containerId?: number;
  /** Level of the heading that holds the question, for heading stories. */
  headingLevel?: number;
  /** Opened at a heading whose part of the file holds labels: everything deeper is the story's. */
  titled?: boolean;
  /** No question of its own (a label with no title before it, or a second story under one title). */
  untitled?: boolean;
  sections: Section[];
  open?: OpenSection;
}

interface PendingHeading {
  level: number;
  start: number;
  title: string;
  titleStart: number;
  titleEnd: number;
}

/**
 * Groups the walk's events into principles, questions and sections, by one rule for a story's extent:
 *
 * A story begins at its question or title: a <details> summary, a bold list item over labels, a table
 * row, a `**Question:**` line, or a heading whose part of the file (up to the next heading of its level or
 * above) holds STAR labels. It runs until the next thing of the same or a higher rank: a heading at its
 * title's level or above, the next sibling question, the end of its container, the next principle.
 * Everything inside is the story's: headings deeper than its title that hold no labels (`### Tags`,
 * `#### Week 1`, `### Why it mattered`) are content of the section they sit in, and lines about the story
 * (`**Tags:**`, `**Role:**`, `**Best for questions about:**`) end the section before them without being one.
 * One exception splits a story: a Situation after its Action or Result starts a new, untitled story
 * (several stories told under one question).
 */
export class Assembler {
  private readonly principles: Principle[] = [];
  private principle: Principle | undefined;
  private story: OpenStory | undefined;
  private pending: PendingHeading | undefined;
  private definition: { start?: number; end?: number } | undefined;
  private sawContentSincePrinciple = false;
  /** Containers read as content of the open story, whose end events are to be ignored. */
  private readonly contentContainers = new Set<number>();
  /** Content containers whose labels are only words of the section around them. */
  private readonly wordsOnly = new Set<number>();
  /** Headings that title a story (offsets of their start). */
  private titles = new Set<number>();

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly spans: TextSpan[],
    private readonly fallbackTitle: string,
  ) {}

  run(events: StructureEvent[]): BankFile {
    this.titles = titleHeadings(events);
    for (const event of events) this.accept(event);
    this.closeStory(this.text.length);
    this.closeDefinition();
    this.finishPrinciple();
    return { principles: this.principles, hasStories: this.principles.some((p) => p.questions.some(tellsAStory)) };
  }

  /** Questions found, for re-parsing one block. */
  questions(): Question[] {
    return this.principles.flatMap((p) => p.questions);
  }

  private accept(event: StructureEvent): void {
    if (event.type !== 'paragraph') this.closeDefinition();
    switch (event.type) {
      case 'principle':
        this.closeStory(event.start);
        this.finishPrinciple();
        this.pending = undefined;
        this.principle = {
          title: event.title,
          titleRange: this.lines.range(event.titleStart, event.titleEnd),
          range: this.lines.range(event.start, event.end),
          questions: [],
        };
        this.sawContentSincePrinciple = false;
        return;
      case 'definition':
        this.closeStory(event.start);
        this.pending = undefined;
        this.definition = {};
        this.sawContentSincePrinciple = true;
        return;
      case 'paragraph':
        if (this.definition) {
          this.definition.start ??= event.start;
          this.definition.end = event.end;
        } else if (!this.sawContentSincePrinciple && !this.story && this.principle && !this.principle.definition) {
          this.definition = { start: event.start, end: event.end };
          this.closeDefinition();
        }
        this.sawContentSincePrinciple = true;
        return;
      case 'heading': {
        this.sawContentSincePrinciple = true;
        const title = this.titles.has(event.start);
        if (this.story && !title && this.headingIsContent(event.level)) return;
        if (this.story && title && this.isEmptyTitle(this.story)) this.story = undefined; // a group heading over this story
        this.closeStory(event.start);
        this.pending = { level: event.level, start: event.start, title: event.title, titleStart: event.titleStart, titleEnd: event.titleEnd };
        if (title) this.openHeadingStory();
        return;
      }
      case 'meta':
        this.sawContentSincePrinciple = true;
        if (this.story) this.closeSection(this.story, event.start);
        return;
      case 'question': {
        this.sawContentSincePrinciple = true;
        if (event.hasSections === false && event.containerId !== undefined && (this.story?.sections.length || this.story?.open)) {
          this.contentContainers.add(event.containerId); // a collapsible note inside a section
          return;
        }
        if (event.step && event.containerId !== undefined && this.story?.open) {
          // A bold numbered step inside a section ("1. **Map the work:**" over bullets): its labels are words.
          this.contentContainers.add(event.containerId);
          this.wordsOnly.add(event.containerId);
          return;
        }
        if (this.story && this.isEmptyTitle(this.story)) {
          if (event.container === 'question-line') {
            // "## Story 1" then "**Question:** …": one story, titled by its question.
            Object.assign(this.story, { title: event.title, titleStart: event.titleStart, titleEnd: event.titleEnd, container: 'question-line' });
            return;
          }
          this.story = undefined; // a heading over stories in <details>, list items or table rows
        }
        this.closeStory(event.start);
        const heading = event.container === 'question-line' ? this.pending : undefined;
        this.pending = undefined;
        this.story = {
          title: event.title,
          titleStart: event.titleStart,
          titleEnd: event.titleEnd,
          start: heading?.start ?? event.start,
          container: event.container,
          containerId: event.containerId,
          headingLevel: heading?.level,
          sections: [],
        };
        return;
      }
      case 'label': {
        this.sawContentSincePrinciple = true;
        if (this.wordsOnly.size) return;
        // "### Result" over "- **Impact:** …": a point of the section it sits in, not a second Result.
        const open = this.story?.open;
        if (open?.style === 'heading' && event.style !== 'heading' && event.kind === open.kind) return;
        if (this.story && event.kind === 'situation' && this.toldOutcome(this.story)) {
          // Several stories under one question. (A Situation after a Result that came first is only out of order.)
          const { containerId } = this.story;
          this.closeStory(event.start);
          this.story = { title: '', titleStart: event.start, titleEnd: event.start, start: event.start, container: 'none', containerId, untitled: true, sections: [] };
        }
        if (!this.story) this.openImplicitStory(event.start);
        const story = this.story!;
        this.closeSection(story, event.start);
        story.open = {
          kind: event.kind,
          label: event.label,
          ...(event.covers ? { covers: event.covers } : {}),
          style: event.style,
          headingLevel: event.headingLevel,
          start: event.start,
          labelEnd: event.end,
          contentStart: event.contentStart,
        };
        return;
      }
      case 'end':
        this.wordsOnly.delete(event.containerId);
        if (this.contentContainers.delete(event.containerId)) return;
        if (this.story && this.story.containerId === event.containerId) this.closeStory(event.offset, event.offset);
        else if (this.story && this.story.containerId === undefined) this.closeStory(event.offset);
        return;
    }
  }

  /** A heading inside a story is part of it when it sits below the story's title, or below its label headings. */
  private headingIsContent(level: number): boolean {
    const story = this.story!;
    if (story.containerId !== undefined) return true;
    if (story.titled && story.headingLevel !== undefined) return level > story.headingLevel;
    const labelLevels = [...story.sections, ...(story.open ? [story.open] : [])].map((s) => s.headingLevel).filter((l): l is number => l !== undefined);
    if (labelLevels.length) return level > Math.min(...labelLevels);
    return story.headingLevel !== undefined && level > story.headingLevel;
  }

  private openImplicitStory(at: number): void {
    const heading = this.pending;
    this.pending = undefined;
    this.story = heading
      ? { title: heading.title, titleStart: heading.titleStart, titleEnd: heading.titleEnd, start: heading.start, container: 'heading', headingLevel: heading.level, sections: [] }
      : { title: '', titleStart: at, titleEnd: at, start: at, container: 'none', untitled: true, sections: [] };
  }

  private openHeadingStory(): void {
    const heading = this.pending!;
    this.pending = undefined;
    this.story = { title: heading.title, titleStart: heading.titleStart, titleEnd: heading.titleEnd, start: heading.start, container: 'heading', headingLevel: heading.level, titled: true, sections: [] };
  }

  /** A story opened at its title that has no section yet. */
  private isEmptyTitle(story: OpenStory): boolean {
    return !!story.titled && !story.sections.length && !story.open;
  }

  /** A story told from its Situation to its Action or Result: another Situation begins the next story. */
  private toldOutcome(story: OpenStory): boolean {
    const sections = [...story.sections, ...(story.open ? [story.open] : [])];
    const told = (kind: SectionKind) => sections.some((s) => s.kind === kind || s.covers?.includes(kind));
    return told('situation') && (told('action') || told('result'));
  }

  private closeSection(story: OpenStory, boundary: number): void {
    const open = story.open;
    if (!open) return;
    story.open = undefined;
    const { text, end } = this.textBetween(open.contentStart, boundary);
    story.sections.push({
      kind: open.kind,
      label: open.label,
      ...(open.covers ? { covers: open.covers } : {}),
      style: open.style,
      ...(open.headingLevel !== undefined ? { headingLevel: open.headingLevel } : {}),
      range: this.lines.range(open.start, Math.max(open.labelEnd, end ?? open.labelEnd)),
      labelRange: this.lines.range(open.start, open.labelEnd),
      text,
      words: countWords(text),
    });
  }

  private closeStory(boundary: number, containerEnd?: number): void {
    const story = this.story;
    if (!story) return;
    this.story = undefined;
    this.closeSection(story, containerEnd ?? boundary);
    const lastSection = story.sections.at(-1);
    const prose = story.sections.length ? undefined : this.proseBetween(story.titleEnd, containerEnd ?? boundary);
    // An unclosed container can end (as HTML reads it) before a story split off inside it starts.
    const end = Math.max(story.start, containerEnd ?? Math.max(story.titleEnd, lastSection?.range.end.offset ?? story.titleEnd, prose?.range.end.offset ?? 0));
    const question: Question = {
      title: story.untitled ? firstWords(story.sections[0]?.text ?? '') : story.title,
      titleRange: this.lines.range(story.titleStart, story.titleEnd),
      range: this.lines.range(story.start, end),
      container: story.container,
      sections: story.sections,
      ...(prose ? { prose } : {}),
    };
    this.currentPrinciple().questions.push(question);
  }

  private closeDefinition(): void {
    const def = this.definition;
    this.definition = undefined;
    if (!def || def.start === undefined || def.end === undefined) return;
    const { text } = this.textBetween(def.start, def.end);
    if (!text) return;
    const principle = this.currentPrinciple();
    principle.definition = text.replace(/\s*\n\s*/g, ' ');
    principle.definitionRange = this.lines.range(def.start, def.end);
  }

  private currentPrinciple(): Principle {
    if (!this.principle) {
      const origin = this.lines.range(0, 0);
      this.principle = { title: this.fallbackTitle, titleRange: origin, range: origin, questions: [] };
    }
    return this.principle;
  }

  private finishPrinciple(): void {
    const p = this.principle;
    if (!p) return;
    const ends = [p.range.end.offset, p.definitionRange?.end.offset ?? 0, ...p.questions.map((q) => q.range.end.offset)];
    p.range = this.lines.range(p.range.start.offset, Math.max(...ends));
    this.principles.push(p);
    this.principle = undefined;
  }

  /** The words of an answer written without labels, and where they stand. */
  private proseBetween(start: number, end: number): Question['prose'] {
    const { text, end: last } = this.textBetween(start, end);
    const words = countWords(text);
    if (!words || last === undefined) return undefined;
    const first = this.spans.find((s) => s.start >= start && s.start < end && s.value.trim());
    if (!first) return undefined;
    const from = first.start + (first.value.length - first.value.trimStart().length);
    return { text, words, range: this.lines.range(Math.min(from, last), last) };
  }

  /** The running text between two offsets, one line a block, and where its last word ends. */
  private textBetween(start: number, end: number): { text: string; end?: number } {
    let low = 0;
    let high = this.spans.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.spans[mid].end <= start && this.spans[mid].start < start) low = mid + 1;
      else high = mid;
    }
    let joined = '';
    let lastEnd: number | undefined;
    let previous: TextSpan | undefined;
    for (let i = low; i < this.spans.length; i++) {
      const span = this.spans[i];
      if (span.start >= end) break;
      if (span.start < start) continue;
      if (previous && span.start > previous.end) {
        const gap = this.text.slice(previous.end, span.start);
        joined += /[\r\n]/.test(gap) || /<\/?(li|p|div|ul|ol|tr|td|th|h\d|blockquote|details|summary)\b/i.test(gap) ? '\n' : ' ';
      }
      joined += span.value;
      previous = span;
      if (span.value.trim()) lastEnd = this.trimEnd(span.start, Math.min(span.end, end));
    }
    const text = joined.split(/\r?\n|\r/).map(tidyLine).filter(Boolean).join('\n');
    return { text, end: lastEnd };
  }

  private trimEnd(start: number, end: number): number {
    let e = end;
    while (e > start && /\s/.test(this.text.charAt(e - 1))) e--;
    return e;
  }
}

/** A line of a section's text: trimmed, without its bullet, its spaces and tabs collapsed (replaced only where they change it: every line of a bank passes here). */
function tidyLine(line: string): string {
  let tidy = line.trim();
  if (BULLET.test(tidy)) tidy = tidy.replace(BULLET, '');
  return SPACE_TO_COLLAPSE.test(tidy) ? tidy.replace(/[ \t]+/g, ' ') : tidy;
}

const BULLET = /^[-*•+][ \t]+/;
const SPACE_TO_COLLAPSE = /[ \t]{2}|\t/;

/**
 * The headings that title a story: those whose part of the file, up to the next heading of their level or
 * above, holds a label outside any question container of its own.
 */
function titleHeadings(events: StructureEvent[]): Set<number> {
  const isTitle = (event: StructureEvent) => event.type === 'heading' && !isPartHeading(event.title);
  const titles = new Set<number>();
  /** Headings whose part of the file is still open, shallowest first. */
  const open: { level: number; start: number }[] = [];
  const containers = new Set<number>();
  for (const event of events) {
    if (event.type === 'principle') open.length = 0;
    else if (event.type === 'heading' || (event.type === 'label' && event.headingLevel !== undefined)) {
      const level = event.type === 'heading' ? event.level : event.headingLevel!;
      while (open.length && open[open.length - 1].level >= level) open.pop();
      if (isTitle(event)) open.push({ level, start: event.start });
    }
    if (event.type === 'question' && event.containerId !== undefined) containers.add(event.containerId);
    else if (event.type === 'end') containers.delete(event.containerId);
    else if (event.type === 'label' && !containers.size) for (const heading of open) titles.add(heading.start);
  }
  return titles;
}

/** An untitled story is named by the first words of its first section. */
function firstWords(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  if (!words[0]) return 'Untitled story';
  return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : words.join(' ');
}

/** Headings that name a part of a story, never a story: "Tags: …", "Question variants", "STAR answer". */
function isPartHeading(title: string): boolean {
  const text = title.toLowerCase().replace(/[*_`:]/g, ' ').replace(/\s+/g, ' ').trim();
  const key = /^([^:]*?)(?:\s*:|$)/.exec(title.toLowerCase().trim())?.[1] ?? '';
  return matchMetaKey(key) || PART_HEADINGS.test(text);
}

const PART_HEADINGS = /^(?:(?:the |my |sample |example |star |full |short |long )?(?:answer|response|story|star answer|star story|star format|star breakdown)|questions?|question variants?|variants?|follow[- ]?ups?(?: questions?)?|likely questions?|possible questions?|notes?|key points?|talking points?|metrics?|numbers)$/;
