import * as vscode from 'vscode';
import { PREVIEW_VIEW_TYPE } from '../../core/render/messages';
import type { StoryIndex } from '../shared/storyIndex';
import { PreviewManager } from './manager';

/** The STAR preview: commands, the follow/lock logic and the restore-after-reload serializer. */
export function registerPreview(context: vscode.ExtensionContext, index: StoryIndex): vscode.Disposable {
  const manager = new PreviewManager(vscode.Uri.joinPath(context.extensionUri, 'media'), index);

  const target = (uri: unknown): vscode.Uri | undefined => {
    if (uri instanceof vscode.Uri) return uri;
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === 'markdown') return editor.document.uri;
    const previewed = manager.previews.find((p) => p.panel.active);
    return previewed?.resource;
  };
  const open = (uri: unknown, side: boolean) => {
    const resource = target(uri);
    if (!resource) {
      void vscode.window.showInformationMessage('STAR Answers: open a markdown story file to preview it.');
      return;
    }
    const column = side ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    manager.open(resource, column, side);
  };

  return vscode.Disposable.from(
    manager,
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, manager),
    vscode.commands.registerCommand('starAnswers.openPreview', (uri?: unknown) => open(uri, false)),
    vscode.commands.registerCommand('starAnswers.openPreviewToSide', (uri?: unknown) => open(uri, true)),
    vscode.commands.registerCommand('starAnswers.togglePreviewLock', () => manager.toggleLock()),
    vscode.commands.registerCommand('starAnswers.lockPreview', () => manager.setLock(true)),
    vscode.commands.registerCommand('starAnswers.unlockPreview', () => manager.setLock(false)),
    // Not contributed (hidden from the palette): lets the integration tests see what a preview shows.
    vscode.commands.registerCommand('starAnswers._previewState', () =>
      manager.previews.map((p) => ({
        viewType: PREVIEW_VIEW_TYPE,
        resource: p.resource.toString(),
        locked: p.locked,
        renderedVersion: p.renderedVersion,
        shownVersion: p.shownVersion,
        shownResource: p.shownResource,
        shownStory: p.shownStory,
        touchedStories: p.touchedStories,
        title: p.panel.title,
        stories: p.stories.map((s) => ({ ...s })),
        html: p.html,
      })),
    ),
  );
}
