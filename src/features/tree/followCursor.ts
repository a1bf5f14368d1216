import * as vscode from 'vscode';
import type { TreeNode } from '../../core/tree/model';
import { followCursor } from './settings';
import type { StoryBankProvider } from './storyBankProvider';

/** The story (or section) under the cursor of an editor, in a model of the document's current version. */
export async function nodeAtCursor(provider: StoryBankProvider, editor: vscode.TextEditor): Promise<TreeNode | undefined> {
  if (editor.document.languageId !== 'markdown') return undefined;
  const model = await provider.modelFor(editor.document);
  return model.find(editor.document.uri.toString(), editor.document.offsetAt(editor.selection.active));
}

/** With starAnswers.tree.followCursor, the visible tree selects the story the cursor is in. */
export function registerFollowCursor(provider: StoryBankProvider, view: vscode.TreeView<TreeNode>): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const follow = (editor: vscode.TextEditor | undefined) => {
    clearTimeout(timer);
    if (!editor || !view.visible || !followCursor() || editor.document.languageId !== 'markdown') return;
    timer = setTimeout(async () => {
      try {
        if (!provider.snapshot) return; // the view has not been drawn yet
        const node = await nodeAtCursor(provider, editor);
        if (!node || node.kind === 'principle' || view.selection[0]?.id === node.id) return;
        await view.reveal(node, { select: true, focus: false, expand: false });
      } catch {
        // The model changed under us; the next move will catch up.
      }
    }, 150);
  };
  return vscode.Disposable.from(
    vscode.window.onDidChangeTextEditorSelection((e) => e.textEditor === vscode.window.activeTextEditor && follow(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor(follow),
    view.onDidChangeVisibility((e) => e.visible && follow(vscode.window.activeTextEditor)),
    { dispose: () => clearTimeout(timer) },
  );
}
