import { shiftLines } from './pieces';

interface Kept {
  html: string;
  /** The story's first line when it was rendered: its `data-line`s move with it. */
  startLine: number;
}

/**
 * The preview's HTML of each story of its last render, so that the next render (a word typed in one story) renders
 * only the stories that changed. A story is known by the text of the part of the document that holds it (see
 * renderCuts: a part reads the same wherever it stands), its place in that part, its model and how it is shown; a
 * story found under other lines has its `data-line`s moved. Only the last finished render's stories are kept.
 */
export class StoryHtmlCache {
  private last = new Map<string, Map<string, Kept>>();
  private next = new Map<string, Map<string, Kept>>();

  /** A render starts: what a render stopped before its end kept is dropped. */
  begin(): void {
    this.next = new Map();
  }

  /** A render ended: its stories are what the next one may reuse. */
  end(): void {
    this.last = this.next;
    this.next = new Map();
  }

  get(part: string, key: string, startLine: number): string | undefined {
    const kept = this.last.get(part)?.get(key);
    if (!kept) return undefined;
    this.keep(part, key, kept);
    return kept.startLine === startLine ? kept.html : shiftLines(kept.html, { after: -1, delta: startLine - kept.startLine });
  }

  set(part: string, key: string, startLine: number, html: string): void {
    this.keep(part, key, { html, startLine });
  }

  private keep(part: string, key: string, kept: Kept): void {
    let stories = this.next.get(part);
    if (!stories) this.next.set(part, (stories = new Map()));
    stories.set(key, kept);
  }
}
