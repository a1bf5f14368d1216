import * as vscode from 'vscode';
import { OPEN_COMMAND } from './storyBankProvider';

/** The command a tree item runs: open its file, select its title or label and bring its story into view. */
export function registerOpenTarget(): vscode.Disposable {
  return vscode.commands.registerCommand(OPEN_COMMAND, async (uri: vscode.Uri, selection: vscode.Range, range?: vscode.Range) => {
    if (!(uri instanceof vscode.Uri) || !(selection instanceof vscode.Range)) return;
    try {
      const editor = await vscode.window.showTextDocument(uri, { selection, preserveFocus: false });
      if (range && !range.isEmpty) {
        // Show the whole story when it fits, else its start.
        const visible = editor.visibleRanges[0];
        const fits = !visible || range.end.line - range.start.line <= visible.end.line - visible.start.line;
        editor.revealRange(fits ? range : selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (error) {
      void vscode.window.showErrorMessage(`STAR Answers: could not open ${vscode.workspace.asRelativePath(uri)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
