import * as vscode from 'vscode';
import type { Principle } from '../../core/model';
import type { TreeNode } from '../../core/tree/model';
import { normalizePrincipleTitle } from '../../core/catalog';
import { detectEol, storyInsertion, storySkeleton, styleForPrinciple } from '../../core/templates/story';
import type { StoryIndex } from '../shared/storyIndex';
import type { StoryBankProvider } from '../tree/storyBankProvider';
import { newPrincipleFile } from './newPrincipleFile';

interface Target {
  uri: vscode.Uri;
  /** Title and position among the file's principles, to find it again after the file is re-read. */
  title?: string;
  ordinal?: number;
}

/**
 * "STAR Answers: Add Story": a story skeleton in the file's own style at the end of a principle,
 * inserted as one undoable snippet with the question selected and a tab stop in each part.
 */
export async function addStory(index: StoryIndex, provider: StoryBankProvider, node?: TreeNode): Promise<boolean> {
  const target = await resolveTarget(index, provider, node);
  if (!target) return false;
  const document = await vscode.workspace.openTextDocument(target.uri);
  const editor = await vscode.window.showTextDocument(document);
  const file = await index.fresh(document);
  const principles = file.bank.principles;
  const principle = findPrinciple(principles, target) ?? principles[principles.length - 1];
  const text = document.getText();
  if (!principle) {
    void vscode.window.showErrorMessage('STAR Answers: this file has no principle to add a story to. Start it with a "# Title" heading.');
    return false;
  }
  const style = styleForPrinciple(text, file.lines, principles, principle);
  const insertion = storyInsertion(text, file.lines, principles, principle, storySkeleton(style, detectEol(text)), detectEol(text));
  const snippet = toSnippet(insertion.text, insertion.placeholders);
  const at = document.positionAt(insertion.offset);
  const ok = await editor.insertSnippet(snippet, at, { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true });
  if (!ok) void vscode.window.showErrorMessage('STAR Answers: could not insert the story: the file changed meanwhile or is read-only. Try again.');
  return ok;
}

async function resolveTarget(index: StoryIndex, provider: StoryBankProvider, node?: TreeNode): Promise<Target | undefined> {
  if (node) {
    let n: TreeNode | undefined = node;
    while (n && n.kind !== 'principle' && n.kind !== 'catalogPrinciple') n = n.parent;
    if (n?.kind === 'principle') return { uri: provider.uriOf(n.uri), title: n.principle.title, ordinal: n.principle.titleRange.start.offset };
    if (n?.kind === 'catalogPrinciple') {
      if (n.uri) return { uri: provider.uriOf(n.uri), title: n.principle?.title ?? n.catalog.title };
      const uri = await newPrincipleFile(index, n.catalog);
      return uri && { uri, title: n.catalog.title };
    }
  }
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.languageId === 'markdown') {
    const file = await index.fresh(editor.document);
    const offset = editor.document.offsetAt(editor.selection.active);
    const principles = file.bank.principles;
    const here = principles.find((p) => p.range.start.offset <= offset && offset <= p.range.end.offset) ?? principles[principles.length - 1];
    if (here) return { uri: editor.document.uri, title: here.title, ordinal: here.titleRange.start.offset };
  }
  return pickPrinciple(index, provider);
}

async function pickPrinciple(index: StoryIndex, provider: StoryBankProvider): Promise<Target | undefined> {
  const model = await provider.model();
  const items = [
    ...model.principles.map((p) => ({ label: p.label, description: p.description, target: { uri: provider.uriOf(p.uri), title: p.principle.title } as Target | undefined, node: p as TreeNode })),
    ...model.uncovered.map((c) => ({ label: c.label, description: c.description, target: undefined, node: c as TreeNode })),
  ];
  if (items.length === 0) {
    void vscode.window.showInformationMessage('STAR Answers: no principle yet. Create one with "STAR Answers: New Principle File".');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { title: 'STAR Answers: Add Story', placeHolder: 'Principle the story shows' });
  if (!picked) return undefined;
  if (picked.target) return picked.target;
  if (picked.node.kind === 'catalogPrinciple') {
    if (picked.node.uri) return { uri: provider.uriOf(picked.node.uri), title: picked.node.principle?.title };
    const uri = await newPrincipleFile(index, picked.node.catalog);
    return uri && { uri, title: picked.node.catalog.title };
  }
  return undefined;
}

function findPrinciple(principles: readonly Principle[], target: Target): Principle | undefined {
  if (target.ordinal !== undefined) {
    const exact = principles.find((p) => p.titleRange.start.offset === target.ordinal && p.title === target.title);
    if (exact) return exact;
  }
  if (target.title) {
    const key = normalizePrincipleTitle(target.title);
    return principles.find((p) => normalizePrincipleTitle(p.title) === key);
  }
  return undefined;
}

/** The inserted text as a snippet: literal text escaped, tab stops in placeholder order, the question first. */
export function toSnippet(text: string, placeholders: readonly { offset: number; length: number }[]): vscode.SnippetString {
  const snippet = new vscode.SnippetString();
  let at = 0;
  placeholders.forEach((p) => {
    snippet.appendText(text.slice(at, p.offset));
    const value = text.slice(p.offset, p.offset + p.length);
    if (value) snippet.appendPlaceholder(value);
    else snippet.appendTabstop();
    at = p.offset + p.length;
  });
  snippet.appendText(text.slice(at));
  return snippet;
}
