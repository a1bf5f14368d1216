import type { BankFile, LabelStyle, Principle, Question, Section, SectionKind, StoryContainer } from '../model';
import type { LineIndex } from '../text/lineIndex';
import { countWords } from '../text/words';
import type { StructureEvent, TextSpan } from './events';

interface OpenSection {
  kind: SectionKind;
  label: string;
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
 * Groups the walk's events into principles, questions and sections. A section runs from its label to
 * the next event; a story ends with its container (</details>, its list item or table row) or with the
 * next question, heading of its level, or principle.
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

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly spans: TextSpan[],
    private readonly fallbackTitle: string,
  ) {}

  run(events: StructureEvent[]): BankFile {
    for (const event of events) this.accept(event);
    this.closeStory(this.text.length);
    this.closeDefinition();
    this.finishPrinciple();
    return { principles: this.principles, hasStories: this.principles.some((p) => p.questions.some((q) => q.sections.length > 0)) };
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
      case 'heading':
        this.sawContentSincePrinciple = true;
        if (this.story && this.headingIsContent(event.level)) return;
        this.closeStory(event.start);
        this.pending = { level: event.level, start: event.start, title: event.title, titleStart: event.titleStart, titleEnd: event.titleEnd };
        return;
      case 'question': {
        this.sawContentSincePrinciple = true;
        if (event.hasSections === false && event.containerId !== undefined && (this.story?.sections.length || this.story?.open)) {
          this.contentContainers.add(event.containerId); // a collapsible note inside a section
          return;
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
        if (!this.story) this.openImplicitStory(event.start);
        const story = this.story!;
        this.closeSection(story, event.start);
        story.open = {
          kind: event.kind,
          label: event.label,
          style: event.style,
          headingLevel: event.headingLevel,
          start: event.start,
          labelEnd: event.end,
          contentStart: event.contentStart,
        };
        return;
      }
      case 'end':
        if (this.contentContainers.delete(event.containerId)) return;
        if (this.story && this.story.containerId === event.containerId) this.closeStory(event.offset, event.offset);
        else if (this.story && this.story.containerId === undefined) this.closeStory(event.offset);
        return;
    }
  }

  /** A heading inside a story is part of it when it sits below the story's own headings. */
  private headingIsContent(level: number): boolean {
    const story = this.story!;
    if (story.containerId !== undefined) return true;
    const labelLevels = [...story.sections, ...(story.open ? [story.open] : [])].map((s) => s.headingLevel).filter((l): l is number => l !== undefined);
    if (labelLevels.length) return level > Math.min(...labelLevels);
    return story.headingLevel !== undefined && level > story.headingLevel;
  }

  private openImplicitStory(at: number): void {
    const heading = this.pending;
    this.pending = undefined;
    this.story = heading
      ? { title: heading.title, titleStart: heading.titleStart, titleEnd: heading.titleEnd, start: heading.start, container: 'heading', headingLevel: heading.level, sections: [] }
      : { title: 'Untitled story', titleStart: at, titleEnd: at, start: at, container: 'none', sections: [] };
  }

  private closeSection(story: OpenStory, boundary: number): void {
    const open = story.open;
    if (!open) return;
    story.open = undefined;
    const { text, end } = this.textBetween(open.contentStart, boundary);
    story.sections.push({
      kind: open.kind,
      label: open.label,
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
    const end = containerEnd ?? Math.max(story.titleEnd, lastSection?.range.end.offset ?? story.titleEnd);
    const question: Question = {
      title: story.title,
      titleRange: this.lines.range(story.titleStart, story.titleEnd),
      range: this.lines.range(story.start, end),
      container: story.container,
      sections: story.sections,
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
    const text = joined
      .split(/\r?\n|\r/)
      .map((line) => line.trim().replace(/^[-*•+][ \t]+/, '').replace(/[ \t]+/g, ' '))
      .filter(Boolean)
      .join('\n');
    return { text, end: lastEnd };
  }

  private trimEnd(start: number, end: number): number {
    let e = end;
    while (e > start && /\s/.test(this.text.charAt(e - 1))) e--;
    return e;
  }
}
