import * as vscode from 'vscode';
import type { TreeNode } from '../../core/tree/model';
import { nodeAtCursor } from '../tree/followCursor';
import { VIEW_ID, type StoryBankProvider } from '../tree/storyBankProvider';

/** "STAR Answers: Reveal Current Story in Tree": show and select the story under the cursor. */
export async function revealInTree(provider: StoryBankProvider, view: vscode.TreeView<TreeNode>): Promise<TreeNode | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('STAR Answers: open a story file and put the cursor in a story first.');
    return undefined;
  }
  let node = await nodeAtCursor(provider, editor);
  if (node?.kind === 'section' || node?.kind === 'missingSection') node = node.parent;
  if (!node) {
    void vscode.window.showInformationMessage('STAR Answers: the cursor is not in a story of the Story Bank.');
    return undefined;
  }
  if (!view.visible) await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  await view.reveal(node, { select: true, focus: true, expand: true });
  return node;
}
