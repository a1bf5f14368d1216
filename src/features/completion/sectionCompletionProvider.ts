import * as vscode from 'vscode';
import type { SectionCompletion } from '../../core/complete';
import { loadComplete } from '../shared/lazy';
import { toVsRange } from '../shared/convert';
import type { StoryIndex } from '../shared/storyIndex';

/** Larger documents are not story banks: nothing is offered rather than reading them on every keystroke. */
const MAX_DOCUMENT_CHARS = 2_000_000;

/**
 * Offers the sections a story lacks (Task, then Learning…) where a new section can start in it: on an
 * empty line, or after the start of a label ("<li", "- **T", "### T"). Nothing outside stories, so that
 * the snippets and other suggestions show as usual.
 */
export class SectionCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly index: StoryIndex) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionItem[] | undefined> {
    if (document.getText().length > MAX_DOCUMENT_CHARS) return undefined;
    const [file, probes] = await Promise.all([this.index.fresh(document, true), loadComplete()]);
    if (token.isCancellationRequested || file.version !== document.version || !file.bank.hasStories) return undefined;
    const result = probes.completeSections(file.text, file.bank, document.offsetAt(position), file.lines);
    if (!result) return undefined;
    const range = toVsRange(result.replace);
    const preselect = result.items.find((c) => c.inOrder && !c.optional) ?? result.items[0];
    return result.items.map((c) => toItem(c, range, c === preselect));
  }
}

function toItem(c: SectionCompletion, range: vscode.Range, preselect: boolean): vscode.CompletionItem {
  const item = new vscode.CompletionItem(
    { label: `${c.name} ${c.optional ? '(optional)' : '(missing)'}`, description: c.label === c.name ? 'STAR section' : `STAR section "${c.label}"` },
    vscode.CompletionItemKind.Snippet,
  );
  item.insertText = new vscode.SnippetString(c.snippet);
  // From the start of the line: the snippet carries the indentation of the story's other sections,
  // and the editor adds none of its own (it only indents by the whitespace before the range).
  item.range = range;
  item.filterText = c.filterText;
  item.sortText = c.sortText;
  item.preselect = preselect;
  const what = c.optional ? `Add a ${c.name} (the L of STAR-L) to this story` : `Add the ${c.name} this story is missing`;
  item.detail = c.inOrder ? what : `${what} (out of S-T-A-R order here)`;
  item.documentation = new vscode.MarkdownString(c.inOrder ? 'Inserts, in the style of the story\'s other sections:' : `Inserts, in the style of the story's other sections (a ${c.name} usually goes in S-T-A-R order):`).appendCodeblock(c.text.replace(/^\n|\n$/g, ''), 'markdown');
  return item;
}
