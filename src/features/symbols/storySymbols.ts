import * as vscode from 'vscode';
import { SECTION_NAMES, type Question, type Range } from '../../core/model';
import { slicer } from '../../core/slices';
import { lengthLabel, storyStatus } from '../../core/tree/status';
import { toVsRange } from '../shared/convert';
import type { StoryIndex } from '../shared/storyIndex';
import { wordsPerMinute } from '../tree/settings';

/** Outline and breadcrumbs: principle → question → sections, for every story format (including `<details>`). */
export class StorySymbolProvider implements vscode.DocumentSymbolProvider {
  /**
   * Breadcrumbs ask for a file's symbols after every edit: a story read before (the same object, or the
   * same story moved by a typed edit) is not measured again, and one left where it was keeps its symbol.
   */
  private readonly symbols = new WeakMap<Question, { wpm: number; sections: boolean; symbol: vscode.DocumentSymbol }>();

  constructor(private readonly index: StoryIndex) {}

  private detail(question: Question, wpm: number): string {
    const status = storyStatus(question, wpm);
    return `${lengthLabel(status.words, wpm)}${status.level === 'complete' ? '' : ` · ${status.summary}`}`;
  }

  /**
   * Built in slices: the first reading of a file of thousands of stories takes longer than the extension host
   * may be held (it measures every story); a request VS Code cancelled meanwhile (the next edit) stops there.
   */
  async provideDocumentSymbols(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    const file = await this.index.fresh(document, true);
    if (!file.bank.hasStories || token?.isCancellationRequested) return [];
    const wpm = wordsPerMinute();
    const sections = file.bank.principles.reduce((n, p) => n + p.questions.length, 0) <= OUTLINE_SECTIONS_MAX_STORIES;
    const pause = slicer(SLICE_MS);
    const principles: vscode.DocumentSymbol[] = [];
    for (const principle of file.bank.principles) {
      const p = symbol(principle.title || 'Untitled principle', `${principle.questions.length} ${principle.questions.length === 1 ? 'story' : 'stories'}`, vscode.SymbolKind.Namespace, principle.range, principle.titleRange);
      for (const question of principle.questions) {
        if ((await pause()) && token?.isCancellationRequested) return [];
        p.children.push(this.storySymbol(question, wpm, sections));
      }
      principles.push(p);
    }
    return principles;
  }

  private storySymbol(question: Question, wpm: number, sections: boolean): vscode.DocumentSymbol {
    const known = this.symbols.get(question);
    if (known?.wpm === wpm && known.sections === sections) return known.symbol;
    const q = symbol(question.title || 'Untitled story', this.detail(question, wpm), vscode.SymbolKind.Event, question.range, question.titleRange);
    if (sections) {
      q.children = question.sections.map((section) =>
        symbol(SECTION_NAMES[section.kind], section.label !== SECTION_NAMES[section.kind] ? section.label : '', vscode.SymbolKind.Field, section.range, section.labelRange),
      );
    }
    this.symbols.set(question, { wpm, sections, symbol: q });
    return q;
  }
}

/** How long the outline of a big file may hold the extension host before giving it back (ms). */
const SLICE_MS = 10;

/**
 * Above this many stories in a file, its outline lists the stories without their sections. VS Code copies a file's
 * whole outline to the window after most edits (breadcrumbs, sticky scroll) in one go on the extension host: the
 * 8,800 symbols of a 1.2 MB file of 1,761 stories held it 41 to 111 ms each time, twice a typed word.
 */
export const OUTLINE_SECTIONS_MAX_STORIES = 400;

function symbol(name: string, detail: string, kind: vscode.SymbolKind, range: Range, selection: Range): vscode.DocumentSymbol {
  const full = toVsRange(range);
  let select = toVsRange(selection);
  if (!full.contains(select)) select = new vscode.Range(full.start, full.start);
  return new vscode.DocumentSymbol(name.replace(/\s+/g, ' ').trim() || '(untitled)', detail, kind, full, select);
}

export function registerStorySymbols(index: StoryIndex): vscode.Disposable {
  return vscode.languages.registerDocumentSymbolProvider({ language: 'markdown' }, new StorySymbolProvider(index), { label: 'STAR stories' });
}
