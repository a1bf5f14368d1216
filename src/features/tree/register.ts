import * as vscode from 'vscode';
import type { TreeNode } from '../../core/tree/model';
import type { StoryIndex } from '../shared/storyIndex';
import { registerFollowCursor } from './followCursor';
import { registerOpenTarget } from './openTarget';
import { StoryBankProvider, VIEW_ID } from './storyBankProvider';

export interface StoryBankTree extends vscode.Disposable {
  provider: StoryBankProvider;
  view: vscode.TreeView<TreeNode>;
}

/** The "Story Bank" view in our activity bar container. Reads the index only when first drawn. */
export function registerStoryBankTree(context: vscode.ExtensionContext, index: StoryIndex): StoryBankTree {
  const provider = new StoryBankProvider(index, context.workspaceState);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const disposables = [provider, view, registerOpenTarget(), registerFollowCursor(provider, view)];
  const describe = () => {
    const model = provider.snapshot;
    view.description = provider.sort === 'alphabetical' ? 'A–Z' : undefined;
    view.message = undefined;
    if (model && !model.isEmpty) {
      const open = model.questions.filter((q) => q.status.level !== 'complete').length;
      view.badge = open ? { value: open, tooltip: `${open} ${open === 1 ? 'story' : 'stories'} to finish` } : undefined;
    } else view.badge = undefined;
  };
  disposables.push(provider.onDidChangeModel(describe));
  return { provider, view, dispose: () => vscode.Disposable.from(...disposables).dispose() };
}
